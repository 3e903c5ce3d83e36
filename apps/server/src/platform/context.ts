import type { Db } from './db/database.ts';
import type { Mailer } from './mail/mailer.ts';

/** Durations of the privacy lifecycle (R-ACC-5), in days; configurable so that tests can run them. */
export interface PrivacyDurations {
  hideAfterDays: number;
  anonymiseAfterDays: number;
  warningDays: number;
}

/** What the use cases need: the database, the mailer and a few settings. */
export interface ServiceContext {
  db: Db;
  mailer: Mailer;
  publicUrl: string;
  sessionSecret: string;
  privacy: PrivacyDurations;
  /** Clock, replaceable in tests. */
  now(): Date;
}

export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
