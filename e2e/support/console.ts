import type { BrowserContext, ConsoleMessage } from 'playwright-core';

export interface ConsoleWatch {
  /** Everything wrong seen so far: console errors, CSP reports, uncaught page errors. */
  readonly problems: string[];
  /** Throws with the list of problems, if any. */
  assertClean(): void;
}

const CSP = /content[- ]security[- ]policy/i;

function describe(message: ConsoleMessage): string {
  const { url, lineNumber } = message.location();
  const where = url ? ` (at ${url}:${lineNumber})` : '';
  return `console.${message.type()}: ${message.text()}${where} [page ${message.page()?.url() ?? '?'}]`;
}

/**
 * Collects, for every page of the context, console errors (a CSP violation is one, and any
 * console message mentioning the Content Security Policy counts too) and uncaught page errors.
 */
export function watchConsole(context: BrowserContext): ConsoleWatch {
  const problems: string[] = [];
  context.on('console', (message) => {
    if (message.type() === 'error' || CSP.test(message.text())) problems.push(describe(message));
  });
  context.on('weberror', (webError) => {
    const error = webError.error();
    problems.push(`page error: ${error.stack ?? error.message} [page ${webError.page()?.url() ?? '?'}]`);
  });
  return {
    problems,
    assertClean() {
      if (problems.length === 0) return;
      throw new Error(
        `The browser reported ${problems.length} problem(s):\n${problems.map((p) => `  - ${p}`).join('\n')}`,
      );
    },
  };
}
