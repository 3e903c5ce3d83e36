import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';

const LogLevel = z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']);

/** The whole environment the platform reads, in one place. */
export const EnvSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('0.0.0.0'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must start with postgres:// (leave it unset to use the embedded database)')
    .optional(),
  DATA_DIR: z.string().min(1).default('./data'),
  PUBLIC_URL: z.url({ protocol: /^https?$/, error: 'must be an http:// or https:// address' }).optional(),
  SESSION_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  LOG_LEVEL: LogLevel.default('info'),
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, 'must start with smtp:// or smtps://')
    .optional(),
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  DEMO_DATA: z.enum(['auto', 'on', 'off']).default('auto'),
  TRUST_PROXY: z.enum(['true', 'false']).default('false'),
  PRIVACY_HIDE_AFTER_DAYS: z.coerce.number().int().min(1).default(365),
  PRIVACY_ANONYMISE_AFTER_DAYS: z.coerce
    .number()
    .int()
    .min(1)
    .default(3 * 365),
  PRIVACY_WARNING_DAYS: z.coerce.number().int().min(1).default(30),
  /** Closed projects become archived (R-PRJ-3) after this many months. */
  PROJECT_ARCHIVE_AFTER_MONTHS: z.coerce.number().int().min(1).max(120).default(12),
});

export type Env = z.infer<typeof EnvSchema>;

export interface Config {
  port: number;
  host: string;
  databaseUrl: string | undefined;
  dataDir: string;
  publicUrl: string;
  sessionSecret: string;
  logLevel: z.infer<typeof LogLevel>;
  smtpUrl: string | undefined;
  env: Env['NODE_ENV'];
  demoData: Env['DEMO_DATA'];
  privacy: { hideAfterDays: number; anonymiseAfterDays: number; warningDays: number };
  projectArchiveAfterMonths: number;
  /** Behind a reverse proxy that sets X-Forwarded-For: trust it for the client's address. */
  trustProxy: boolean;
}

export class ConfigError extends Error {
  constructor(public readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
}

/** Empty strings count as unset, so `PORT= npm start` means the default. */
function clean(env: NodeJS.ProcessEnv): Record<string, string> {
  return Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== '')) as Record<
    string,
    string
  >;
}

/** Reads and checks the environment; throws a ConfigError listing every problem at once. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = EnvSchema.safeParse(clean(env));
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`));
  }
  const e = parsed.data;
  const dataDir = path.resolve(e.DATA_DIR);
  return {
    port: e.PORT,
    host: e.HOST,
    databaseUrl: e.DATABASE_URL,
    dataDir,
    publicUrl: (e.PUBLIC_URL ?? `http://localhost:${e.PORT}`).replace(/\/$/, ''),
    sessionSecret: e.SESSION_SECRET ?? keptSecret(dataDir),
    logLevel: e.LOG_LEVEL,
    smtpUrl: e.SMTP_URL,
    env: e.NODE_ENV,
    demoData: e.DEMO_DATA,
    trustProxy: e.TRUST_PROXY === 'true',
    projectArchiveAfterMonths: e.PROJECT_ARCHIVE_AFTER_MONTHS,
    privacy: {
      hideAfterDays: e.PRIVACY_HIDE_AFTER_DAYS,
      anonymiseAfterDays: e.PRIVACY_ANONYMISE_AFTER_DAYS,
      warningDays: e.PRIVACY_WARNING_DAYS,
    },
  };
}

/**
 * Without SESSION_SECRET the secret is generated once and kept in the data directory.
 * Several instances behind a load balancer must be given the same SESSION_SECRET.
 */
function keptSecret(dataDir: string): string {
  const file = path.join(dataDir, 'session-secret');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(32).toString('hex');
  writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}
