// Run by `npm start` before the build: a wrong configuration or a data directory already in use
// is reported at once, and a running server's web build is not replaced under its feet.
import { ConfigError, loadConfig } from '../config.ts';
import { DataDirLockedError, lockHolder } from '../platform/db/lock.ts';

try {
  const config = loadConfig();
  const holder = config.databaseUrl ? undefined : lockHolder(config.dataDir);
  if (holder) throw new DataDirLockedError(config.dataDir, holder);
} catch (error) {
  if (error instanceof ConfigError || error instanceof DataDirLockedError) {
    process.stderr.write(`\n${error.message}\n\n`);
    process.exit(1);
  }
  throw error;
}
