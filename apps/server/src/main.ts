import { ConfigError, loadConfig } from './config.ts';
import { DataDirLockedError } from './platform/db/lock.ts';
import { startServer } from './server.ts';

function fail(message: string): never {
  process.stderr.write(`\n${message}\n\n`);
  process.exit(1);
}

let config;
try {
  config = loadConfig();
} catch (error) {
  if (error instanceof ConfigError) fail(error.message);
  throw error;
}

const started = Date.now();
let server;
try {
  server = await startServer(config);
} catch (error) {
  if (error instanceof DataDirLockedError) fail(error.message);
  throw error;
}
const where = config.databaseUrl ? 'PostgreSQL server' : `embedded database in ${config.dataDir}`;
server.app.log.info(`OpenTwinning ready on ${config.publicUrl} (${where}) in ${Date.now() - started} ms`);

let signalled = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (signalled) return;
    signalled = true;
    server.app.log.info(`${signal}: closing`);
    const force = setTimeout(() => process.exit(1), 10_000).unref();
    server.stop().then(
      () => {
        clearTimeout(force);
        process.exit(0);
      },
      (error: unknown) => {
        server.app.log.error({ err: error }, 'error while closing');
        process.exit(1);
      },
    );
  });
}
