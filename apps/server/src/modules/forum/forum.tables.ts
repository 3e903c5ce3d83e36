import { sql } from 'drizzle-orm';
import { check, date, index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { tsvector } from '../../platform/db/types.ts';
import { person } from '../accounts/accounts.tables.ts';

const stamp = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/** A partner-finding forum post (R-PF-2): a project offered or sought. Members only. */
export const partnerPost = pgTable(
  'partner_post',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    authorId: uuid('author_id')
      .notNull()
      .references(() => person.id, { onDelete: 'cascade' }),
    /** The author's school country when posting (filters). */
    countryCode: text('country_code').notNull(),
    kind: text('kind', { enum: ['offer', 'seek'] }).notNull(),
    title: text('title').notNull(),
    idea: text('idea').notNull(),
    /** ISO 639-1 code of the text (stemming for the search). */
    language: text('language').notNull(),
    ageMin: integer('age_min').notNull(),
    ageMax: integer('age_max').notNull(),
    subjects: text('subjects').array().notNull(),
    languages: text('languages').array().notNull(),
    countriesWanted: text('countries_wanted')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    expectedStart: date('expected_start'),
    durationMonths: integer('duration_months'),
    status: text('status', { enum: ['open', 'closed'] })
      .notNull()
      .default('open'),
    createdAt: stamp('created_at').notNull().defaultNow(),
    lastReplyAt: stamp('last_reply_at'),
    closedAt: stamp('closed_at'),
    /** Written by a trigger from title and idea (stemmed in `language` and as plain words). */
    document: tsvector('document')
      .notNull()
      .default(sql`''::tsvector`),
  },
  (t) => [
    check('partner_post_kind_known', sql`${t.kind} IN ('offer', 'seek')`),
    check('partner_post_status_known', sql`${t.status} IN ('open', 'closed')`),
    check('partner_post_ages', sql`${t.ageMin} >= 0 AND ${t.ageMax} <= 25 AND ${t.ageMin} <= ${t.ageMax}`),
    check('partner_post_duration', sql`${t.durationMonths} IS NULL OR ${t.durationMonths} BETWEEN 1 AND 36`),
    index('partner_post_document_idx').using('gin', t.document),
    index('partner_post_list_idx').on(t.status, sql`${t.createdAt} DESC`, t.id),
    index('partner_post_author_idx').on(t.authorId),
  ],
);

/** A reply to a forum post. A deleted author's replies stay, unsigned. */
export const partnerPostReply = pgTable(
  'partner_post_reply',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    postId: uuid('post_id')
      .notNull()
      .references(() => partnerPost.id, { onDelete: 'cascade' }),
    authorId: uuid('author_id').references(() => person.id, { onDelete: 'set null' }),
    body: text('body').notNull(),
    createdAt: stamp('created_at').notNull().defaultNow(),
  },
  (t) => [
    index('partner_post_reply_post_idx').on(t.postId, t.createdAt),
    index('partner_post_reply_author_idx').on(t.authorId),
  ],
);
