import { sql } from 'drizzle-orm';
import { check, index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { person } from '../accounts/accounts.tables.ts';
import { country, region } from '../countries/countries.tables.ts';

/** A pre-university school (R-ACC-2). */
export const school = pgTable(
  'school',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    countryCode: text('country_code')
      .notNull()
      .references(() => country.code),
    regionId: integer('region_id').references(() => region.id),
    name: text('name').notNull(),
    /** Levels taught: early_childhood, primary, lower_secondary, upper_secondary, initial_vocational. */
    levels: text('levels').array().notNull(),
    address: text('address').notNull(),
    city: text('city').notNull(),
    postalCode: text('postal_code').notNull().default(''),
    ageMin: integer('age_min').notNull(),
    ageMax: integer('age_max').notNull(),
    pupilCount: integer('pupil_count'),
    website: text('website'),
    /** The local school day, 'HH:MM' (partner matching: common school time across time zones). */
    dayStart: text('day_start').notNull().default('08:30'),
    dayEnd: text('day_end').notNull().default('14:30'),
    headName: text('head_name').notNull(),
    headEmail: text('head_email').notNull(),
    createdBy: uuid('created_by').references(() => person.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('school_ages', sql`${t.ageMin} >= 0 AND ${t.ageMax} <= 25 AND ${t.ageMin} <= ${t.ageMax}`),
    check(
      'school_day',
      sql`${t.dayStart} ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$' AND ${t.dayEnd} ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$' AND ${t.dayStart} < ${t.dayEnd}`,
    ),
    check('school_levels_not_empty', sql`cardinality(${t.levels}) > 0`),
    index('school_country_idx').on(t.countryCode),
    index('school_name_trgm_idx').using('gin', sql`ot_unaccent(lower(${t.name})) gin_trgm_ops`),
    index('school_city_trgm_idx').using('gin', sql`ot_unaccent(lower(${t.city})) gin_trgm_ops`),
  ],
);
