import { sql } from 'drizzle-orm';
import { boolean, check, index, pgTable, serial, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

const stamp = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/** A member of school staff with an account (R-ACC-1). Pupils have no row here. */
export const person = pgTable(
  'person',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    email: text('email').notNull(),
    /** Chosen at sign-up, never changed (R-ACC-4). */
    username: text('username').notNull(),
    passwordHash: text('password_hash'),
    emailConfirmedAt: stamp('email_confirmed_at'),
    firstName: text('first_name').notNull(),
    lastName: text('last_name').notNull(),
    schoolRole: text('school_role'),
    subjects: text('subjects')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    languages: text('languages')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    presentation: text('presentation').notNull().default(''),
    lookingForPartners: boolean('looking_for_partners').notNull().default(false),
    /** ISO 639-1 code of the presentation's language (search stemming); null: the first working language. */
    presentationLanguage: text('presentation_language'),
    /** Appear in partner search and suggestions (R-PF-1); a member can opt out. */
    discoverable: boolean('discoverable').notNull().default(true),
    /** A daily email summing up unread notifications, in the person's language. */
    dailyDigest: boolean('daily_digest').notNull().default(false),
    digestSentAt: stamp('digest_sent_at'),
    uiLanguage: text('ui_language').notNull().default('es'),
    timeZone: text('time_zone').notNull().default('Europe/Madrid'),
    codeOfConductAcceptedAt: stamp('code_of_conduct_accepted_at').notNull(),
    profileCompletedAt: stamp('profile_completed_at'),
    createdAt: stamp('created_at').notNull().defaultNow(),
    lastSignInAt: stamp('last_sign_in_at'),
    /** Set after 12 months without signing in (R-ACC-5): not shown in searches. */
    hiddenFromSearchAt: stamp('hidden_from_search_at'),
    inactivityWarnedAt: stamp('inactivity_warned_at'),
    anonymisedAt: stamp('anonymised_at'),
  },
  (t) => [
    uniqueIndex('person_email_unique').on(sql`lower(${t.email})`),
    uniqueIndex('person_username_unique').on(sql`lower(${t.username})`),
    index('person_last_sign_in_idx').on(t.lastSignInAt),
    check('person_ui_language_known', sql`${t.uiLanguage} IN ('es', 'en')`),
  ],
);

/** A signed-in browser. The cookie holds a random token; only its SHA-256 is stored. */
export const session = pgTable(
  'session',
  {
    id: text('id').primaryKey(),
    personId: uuid('person_id')
      .notNull()
      .references(() => person.id, { onDelete: 'cascade' }),
    createdAt: stamp('created_at').notNull().defaultNow(),
    lastSeenAt: stamp('last_seen_at').notNull().defaultNow(),
    expiresAt: stamp('expires_at').notNull(),
    userAgent: text('user_agent').notNull().default(''),
    ip: text('ip').notNull().default(''),
  },
  (t) => [index('session_person_idx').on(t.personId)],
);

/** Single-use links sent by email (confirmation, password reset). Only the token's hash is kept. */
export const emailToken = pgTable(
  'email_token',
  {
    id: text('id').primaryKey(),
    purpose: text('purpose', { enum: ['confirm_email', 'reset_password'] }).notNull(),
    personId: uuid('person_id')
      .notNull()
      .references(() => person.id, { onDelete: 'cascade' }),
    createdAt: stamp('created_at').notNull().defaultNow(),
    expiresAt: stamp('expires_at').notNull(),
    usedAt: stamp('used_at'),
  },
  (t) => [index('email_token_person_idx').on(t.personId)],
);

/** Failed sign-ins, counted per account and per address for the rate limit (shared by all instances). */
export const signInFailure = pgTable(
  'sign_in_failure',
  {
    id: serial('id').primaryKey(),
    key: text('key').notNull(),
    at: stamp('at').notNull().defaultNow(),
  },
  (t) => [index('sign_in_failure_key_at_idx').on(t.key, t.at)],
);
