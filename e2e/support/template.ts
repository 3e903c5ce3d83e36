import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { skipBrowserTests } from './browser.ts';
import { startServer } from './server.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** An embedded data directory migrated and seeded with the demo data, copied by each journey file. */
    e2eDataTemplate: string | null;
  }
}

/**
 * Global setup of the browser journeys: one server start initialises a data directory (migrations,
 * reference and demo data); each journey file then starts its own server on a copy of it.
 */
export default async function setup(project: TestProject) {
  if (skipBrowserTests) {
    project.provide('e2eDataTemplate', null);
    return;
  }
  const dir = await mkdtemp(path.join(tmpdir(), 'opentwinning-e2e-template-'));
  const server = await startServer({}, 90_000, { keepDir: dir });
  await server.stop();
  project.provide('e2eDataTemplate', dir);
  return () => rm(dir, { recursive: true, force: true });
}
