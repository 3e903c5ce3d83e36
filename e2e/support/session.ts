import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, BrowserContext, BrowserContextOptions, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, inject } from 'vitest';
import { launchBrowser } from './browser.ts';
import { watchConsole, type ConsoleWatch } from './console.ts';
import { startServer, type RunningServer } from './server.ts';

export interface Tab {
  context: BrowserContext;
  page: Page;
  console: ConsoleWatch;
  /** Opens a path of the server, e.g. '/es/paises'. */
  open(path: string, waitUntil?: 'load' | 'networkidle'): Promise<void>;
}

export interface E2e {
  /** A fresh browser context (its own cookies) with one page and a console watch. */
  newTab(options?: BrowserContextOptions): Promise<Tab>;
  /** The path + query of the page's current address. */
  where(page: Page): string;
}

/**
 * Call inside a describe: starts a server and a browser for the file; every tab opened in a test
 * is closed after it, and the test fails if the browser reported a console error or page error.
 */
export function useE2e(
  options: {
    env?: () => Promise<Record<string, string>> | Record<string, string>;
    /** Writes into a copy of the template data directory before the server starts on it. */
    prepare?: (dataDir: string) => Promise<void>;
  } = {},
): E2e {
  let server: RunningServer | undefined;
  let prepared: string | undefined;
  let browser: Browser | undefined;
  let tabs: Tab[] = [];

  beforeAll(async () => {
    browser = await launchBrowser(); // first: without a browser, fail fast and start nothing
    // A file with its own environment starts from an empty directory; the others from the template.
    const template = options.env ? undefined : (inject('e2eDataTemplate') ?? undefined);
    if (options.prepare) {
      prepared = await mkdtemp(path.join(tmpdir(), 'opentwinning-e2e-prepared-'));
      if (template) await cp(template, prepared, { recursive: true });
      await options.prepare(prepared);
      server = await startServer(await options.env?.(), undefined, { keepDir: prepared });
    } else {
      server = await startServer(await options.env?.(), undefined, { template });
    }
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    if (prepared) await rm(prepared, { recursive: true, force: true });
  });
  afterEach(async (context) => {
    const open = tabs;
    tabs = [];
    await Promise.all(open.map((t) => t.context.close()));
    if (context.task.result?.state === 'fail' && server) {
      process.stderr.write(`\n--- server output (last lines) ---\n${server.output()}\n---\n`);
    }
    for (const tab of open) tab.console.assertClean();
  });

  return {
    async newTab(options = {}) {
      if (!server || !browser) throw new Error('useE2e: the server or the browser did not start');
      const baseURL = server.baseUrl;
      const context = await browser.newContext({ baseURL, viewport: { width: 1280, height: 900 }, ...options });
      const console = watchConsole(context);
      const tab: Tab = {
        context,
        console,
        page: await context.newPage(),
        async open(path, waitUntil = 'load') {
          await tab.page.goto(path, { waitUntil });
        },
      };
      tabs.push(tab);
      return tab;
    },
    where(page) {
      const url = new URL(page.url());
      return `${url.pathname}${url.search}`;
    },
  };
}
