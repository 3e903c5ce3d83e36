import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

const require = createRequire(import.meta.url);
const AXE_PATH = require.resolve('axe-core/axe.min.js');
let axeSource: Promise<string> | undefined;

interface Violation {
  id: string;
  impact: string | null;
  help: string;
  helpUrl: string;
  nodes: { target: string; summary: string }[];
}

const RULE_SETS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'];

/**
 * Runs axe-core on the page and throws a readable list of violations.
 *
 * axe is injected with page.evaluate (DevTools evaluation), not page.addScriptTag: addScriptTag
 * inserts an inline <script>, which the app's nonce-based CSP rightly blocks (and reports as a
 * console error). Evaluation leaves the page's CSP in force for everything the app itself does.
 */
export async function checkA11y(page: Page): Promise<void> {
  axeSource ??= readFile(AXE_PATH, 'utf8');
  const hasAxe = await page.evaluate(() => 'axe' in window);
  if (!hasAxe) await page.evaluate(await axeSource);
  const violations = await page.evaluate(async (runOnly): Promise<Violation[]> => {
    interface AxeNode {
      target: unknown[];
      failureSummary?: string;
    }
    interface AxeResult {
      id: string;
      impact?: string | null;
      help: string;
      helpUrl: string;
      nodes: AxeNode[];
    }
    interface Axe {
      run(context: Document, options: object): Promise<{ violations: AxeResult[] }>;
    }
    const axe = (window as unknown as { axe: Axe }).axe;
    const results = await axe.run(document, { runOnly });
    return results.violations.map((v) => ({
      id: v.id,
      impact: v.impact ?? null,
      help: v.help,
      helpUrl: v.helpUrl,
      nodes: v.nodes.map((n) => ({ target: n.target.map(String).join(' '), summary: n.failureSummary ?? '' })),
    }));
  }, RULE_SETS);
  if (violations.length === 0) return;
  const lines = violations.flatMap((v) => [
    `  - ${v.id} (${v.impact ?? 'n/a'}): ${v.help} — ${v.helpUrl}`,
    ...v.nodes.map((n) => `      ${n.target}${n.summary ? `\n        ${n.summary.replace(/\n/g, '\n        ')}` : ''}`),
  ]);
  throw new Error(`axe found ${violations.length} violation(s) on ${page.url()}:\n${lines.join('\n')}`);
}
