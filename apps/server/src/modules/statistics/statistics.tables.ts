import { sql } from 'drizzle-orm';
import { check, date, index, integer, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { person } from '../accounts/accounts.tables.ts';
import { country } from '../countries/countries.tables.ts';
import { school } from '../schools/schools.tables.ts';

const stamp = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });
const day = (name: string) => date(name, { mode: 'string' });
const count = (name: string) => integer(name).notNull().default(0);

/**
 * The daily roll-up (R-STAT-1): one row per country and per day on which one of its figures
 * changed, holding the figures at the end of that day (UTC). "As of D" is the last row on or
 * before D, plus what happened after the roll-up (read live from the tables, see statistics.rollup.ts).
 */
export const statDay = pgTable(
  'stat_day',
  {
    area: text('area').notNull(),
    day: day('day').notNull(),
    teachers: count('teachers'),
    schools: count('schools'),
    /** Approved projects with a school of the country, closed ones included. */
    projects: count('projects'),
    /** Approved projects founded from the country (Europe counts each project once, here). */
    founded: count('founded'),
    activeProjects: count('active_projects'),
    /** Active projects founded from the country (Europe's active projects). */
    foundedActive: count('founded_active'),
  },
  (t) => [primaryKey({ columns: [t.area, t.day] })],
);

/**
 * The monthly roll-up for the series (R-STAT-2): per country, the figures at the end of each month
 * (the roll-up's last day for the running month); area 'EU' sums the countries taking part at that
 * date, with `new_projects` the projects founded during the month from those countries.
 */
export const statMonth = pgTable(
  'stat_month',
  {
    area: text('area').notNull(),
    month: day('month').notNull(),
    /** The day the figures describe: the month's last day, or the roll-up's last day. */
    endDay: day('end_day').notNull(),
    teachers: count('teachers'),
    schools: count('schools'),
    projects: count('projects'),
    founded: count('founded'),
    activeProjects: count('active_projects'),
    foundedActive: count('founded_active'),
    newProjects: count('new_projects'),
  },
  (t) => [primaryKey({ columns: [t.area, t.month] })],
);

/** Projects shared by two countries (both directions), approved on or before the day: the partner countries. */
export const statPartnerDay = pgTable(
  'stat_partner_day',
  {
    countryCode: text('country_code').notNull(),
    partnerCode: text('partner_code').notNull(),
    day: day('day').notNull(),
    projects: count('projects'),
  },
  (t) => [primaryKey({ columns: [t.countryCode, t.partnerCode, t.day] })],
);

/** How far the roll-up goes: every day up to `rolled_until` is in stat_day (one row, id 1). */
export const statRollup = pgTable(
  'stat_rollup',
  {
    id: integer('id').primaryKey().default(1),
    rolledUntil: day('rolled_until').notNull(),
    rolledAt: stamp('rolled_at').notNull().defaultNow(),
    /** Bumped by every roll-up and every import or deletion of historical figures: readers reload then. */
    version: integer('version').notNull().default(0),
  },
  (t) => [check('stat_rollup_single', sql`${t.id} = 1`)],
);

/**
 * The validated affiliations of deleted accounts, kept for the statistics' history only: a random
 * key instead of the person (nothing says who it was), the school and the dates. Without them the
 * live part would re-read a school's history without its departed teachers.
 */
export const statDepartedAffiliation = pgTable(
  'stat_departed_affiliation',
  {
    personKey: uuid('person_key').notNull(),
    schoolId: uuid('school_id')
      .notNull()
      .references(() => school.id),
    decidedAt: stamp('decided_at').notNull(),
    endedAt: stamp('ended_at').notNull(),
  },
  (t) => [index('stat_departed_person_idx').on(t.personKey), index('stat_departed_ended_idx').on(t.endedAt)],
);

/** A CSS import of historical aggregate figures (periods before the platform's own data). */
export const statImportBatch = pgTable('stat_import_batch', {
  id: uuid('id').primaryKey().defaultRandom(),
  source: text('source').notNull(),
  importedBy: uuid('imported_by').references(() => person.id, { onDelete: 'set null' }),
  importedAt: stamp('imported_at').notNull().defaultNow(),
});

export const statImport = pgTable(
  'stat_import',
  {
    batchId: uuid('batch_id')
      .notNull()
      .references(() => statImportBatch.id, { onDelete: 'cascade' }),
    countryCode: text('country_code')
      .notNull()
      .references(() => country.code),
    day: day('day').notNull(),
    teachers: integer('teachers').notNull(),
    schools: integer('schools').notNull(),
    projects: integer('projects').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.countryCode, t.day] }),
    index('stat_import_batch_idx').on(t.batchId),
    check('stat_import_counts', sql`${t.teachers} >= 0 AND ${t.schools} >= 0 AND ${t.projects} >= 0`),
  ],
);
