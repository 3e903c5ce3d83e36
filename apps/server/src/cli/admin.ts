// npm run admin -- <command> [options]
//   create-css-officer --email EMAIL [--first-name NAME] [--last-name NAME] [--password PASSWORD]
//       Creates the account if needed (email confirmed; a password is generated and printed when
//       none is given) and makes it a CSS officer. Run it with the server stopped when the
//       database is embedded (the data directory is locked while the server runs).
import { randomBytes } from 'node:crypto';
import { parseArgs } from 'node:util';
import { ConfigError, loadConfig } from '../config.ts';
import * as accounts from '../modules/accounts/accounts.repository.ts';
import { grantCssOfficerFromCommandLine } from '../modules/validation/validation.service.ts';
import { hashPassword } from '../platform/auth/password.ts';
import type { ServiceContext } from '../platform/context.ts';
import { migrateDatabase, openDatabase } from '../platform/db/database.ts';
import { DataDirLockedError } from '../platform/db/lock.ts';
import { createMailer } from '../platform/mail/mailer.ts';
import { AppError } from '../platform/errors.ts';
import { seedReferenceData } from '../platform/seed/seed.ts';
import { defaultPrivacy } from '../app.ts';

const usage = `usage: npm run admin -- create-css-officer --email EMAIL [--first-name NAME] [--last-name NAME] [--password PASSWORD]`;

async function main(): Promise<number> {
  const [command, ...rest] = process.argv.slice(2);
  if (command !== 'create-css-officer') {
    console.error(usage);
    return 2;
  }
  const { values } = parseArgs({
    args: rest,
    options: {
      email: { type: 'string' },
      'first-name': { type: 'string', default: 'CSS' },
      'last-name': { type: 'string', default: 'Officer' },
      password: { type: 'string' },
    },
  });
  const email = values.email?.trim();
  if (!email || !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(email)) {
    console.error(`A valid --email is required.\n${usage}`);
    return 2;
  }
  if (values.password !== undefined && values.password.length < 10) {
    console.error('The password needs at least 10 characters.');
    return 2;
  }
  const config = loadConfig();
  const database = await openDatabase({
    url: config.databaseUrl,
    dataDir: config.databaseUrl ? undefined : config.dataDir,
  });
  try {
    await migrateDatabase(database);
    await seedReferenceData(database.db);
    const ctx: ServiceContext = {
      db: database.db,
      mailer: createMailer(database.db, { from: 'no-reply@localhost' }),
      publicUrl: config.publicUrl,
      sessionSecret: config.sessionSecret,
      privacy: defaultPrivacy,
      now: () => new Date(),
    };
    let person = await accounts.findPersonByEmail(database.db, email);
    let generated: string | undefined;
    if (!person) {
      const password = values.password ?? (generated = randomBytes(12).toString('base64url'));
      const base =
        email
          .split('@')[0]!
          .replace(/[^a-z0-9._-]/gi, '')
          .slice(0, 24) || 'css';
      const username = (await accounts.findPersonByUsername(database.db, base))
        ? `${base}-${randomBytes(2).toString('hex')}`
        : base;
      const now = new Date();
      person = await accounts.insertPerson(database.db, {
        email,
        username,
        passwordHash: await hashPassword(password),
        emailConfirmedAt: now,
        firstName: values['first-name']!,
        lastName: values['last-name']!,
        codeOfConductAcceptedAt: now,
      });
    } else if (!person.emailConfirmedAt) {
      await accounts.updatePerson(database.db, person.id, { emailConfirmedAt: new Date() });
    }
    try {
      await grantCssOfficerFromCommandLine(ctx, person.username);
      console.log(`${email} (username ${person.username}) is now a CSS officer.`);
    } catch (error) {
      if (error instanceof AppError && error.code === 'CONFLICT') console.log(`${email} is already a CSS officer.`);
      else throw error;
    }
    if (generated) console.log(`Generated password (shown once): ${generated}`);
    return 0;
  } finally {
    await database.close();
  }
}

try {
  process.exit(await main());
} catch (error) {
  if (error instanceof ConfigError || error instanceof DataDirLockedError) {
    console.error(error.message);
    process.exit(1);
  }
  throw error;
}
