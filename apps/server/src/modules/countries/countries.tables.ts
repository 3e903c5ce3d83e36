import { sql } from 'drizzle-orm';
import { boolean, check, date, index, integer, jsonb, pgTable, serial, text, uniqueIndex } from 'drizzle-orm/pg-core';

/** Names keyed by UI language: `{ "es": "Alemania", "en": "Germany" }`. */
export type LocalisedNames = Record<string, string>;

/** A participating country (R-CTRY-1): data, not code, with its dated participation. */
export const country = pgTable(
  'country',
  {
    code: text('code').primaryKey(), // ISO 3166-1 alpha-2
    names: jsonb('names').$type<LocalisedNames>().notNull(),
    category: text('category', { enum: ['eu_member', 'candidate_or_special', 'etwinning_plus'] }).notNull(),
    supportBody: text('support_body', { enum: ['NSS', 'PSA'] }).notNull(),
    joinedOn: date('joined_on').notNull(),
    joinedOnApproximate: boolean('joined_on_approximate').notNull().default(false),
    joinedSource: text('joined_source').notNull(),
    /** Last day of participation (inclusive); null while the country takes part. */
    leftOn: date('left_on'),
    leftSource: text('left_source'),
    /** Whether the country has a regional layer under its support service (R-CTRY-3). */
    hasRegions: boolean('has_regions').notNull().default(false),
    /** The NSS's choice: a regional coordinator (or the head teacher) confirms before it decides (R-ACC-3). */
    usesRegionalStep: boolean('uses_regional_step').notNull().default(false),
  },
  (t) => [
    check('country_code_format', sql`${t.code} ~ '^[A-Z]{2}$'`),
    check('country_category_known', sql`${t.category} IN ('eu_member', 'candidate_or_special', 'etwinning_plus')`),
    check('country_support_body_known', sql`${t.supportBody} IN ('NSS', 'PSA')`),
    check('country_left_after_join', sql`${t.leftOn} IS NULL OR ${t.leftOn} >= ${t.joinedOn}`),
    check('country_left_has_source', sql`${t.leftOn} IS NULL OR ${t.leftSource} IS NOT NULL`),
  ],
);

/** The central support service (exactly one) and one national service (NSS or PSA) per country. */
export const supportService = pgTable(
  'support_service',
  {
    id: serial('id').primaryKey(),
    scope: text('scope', { enum: ['central', 'national'] }).notNull(),
    countryCode: text('country_code').references(() => country.code, { onDelete: 'cascade' }),
    /** Proper name of the body (e.g. "INTEF"); null shows a generic, translated name. */
    name: text('name'),
    website: text('website'),
  },
  (t) => [
    check(
      'support_service_scope_country',
      sql`(${t.scope} = 'central' AND ${t.countryCode} IS NULL) OR (${t.scope} = 'national' AND ${t.countryCode} IS NOT NULL)`,
    ),
    uniqueIndex('support_service_one_central')
      .on(t.scope)
      .where(sql`${t.scope} = 'central'`),
    uniqueIndex('support_service_one_per_country').on(t.countryCode),
  ],
);

/** An optional sub-national region of a country (e.g. Spain's autonomous communities). */
export const region = pgTable(
  'region',
  {
    id: serial('id').primaryKey(),
    countryCode: text('country_code')
      .notNull()
      .references(() => country.code, { onDelete: 'cascade' }),
    code: text('code').notNull(), // ISO 3166-2 subdivision code, e.g. ES-AN
    names: jsonb('names').$type<LocalisedNames>().notNull(),
    sortOrder: integer('sort_order').notNull().default(0),
  },
  (t) => [uniqueIndex('region_code_unique').on(t.code), index('region_country_idx').on(t.countryCode)],
);
