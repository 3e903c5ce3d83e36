import { sql } from 'drizzle-orm';
import { check, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { person } from '../accounts/accounts.tables.ts';
import { country, region } from '../countries/countries.tables.ts';
import { school } from '../schools/schools.tables.ts';

const stamp = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/**
 * A person's membership of a school, checked by the national support service (R-ACC-3).
 * Where the country uses its regional step, the region (or the head teacher) confirms first.
 */
export const affiliation = pgTable(
  'affiliation',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    personId: uuid('person_id')
      .notNull()
      .references(() => person.id, { onDelete: 'cascade' }),
    schoolId: uuid('school_id')
      .notNull()
      .references(() => school.id),
    status: text('status', { enum: ['pending', 'validated', 'rejected'] })
      .notNull()
      .default('pending'),
    /** not_required, awaiting (region or head teacher to confirm) or confirmed. */
    regionalStatus: text('regional_status', { enum: ['not_required', 'awaiting', 'confirmed'] })
      .notNull()
      .default('not_required'),
    regionalConfirmedBy: uuid('regional_confirmed_by').references(() => person.id, { onDelete: 'set null' }),
    regionalConfirmedAt: stamp('regional_confirmed_at'),
    headConfirmedAt: stamp('head_confirmed_at'),
    decidedBy: uuid('decided_by').references(() => person.id, { onDelete: 'set null' }),
    decidedAt: stamp('decided_at'),
    decisionReason: text('decision_reason'),
    createdAt: stamp('created_at').notNull().defaultNow(),
    /** Set when the person leaves the school (or changes to another). */
    endedAt: stamp('ended_at'),
  },
  (t) => [
    check('affiliation_status_known', sql`${t.status} IN ('pending', 'validated', 'rejected')`),
    check('affiliation_regional_known', sql`${t.regionalStatus} IN ('not_required', 'awaiting', 'confirmed')`),
    check('affiliation_rejected_has_reason', sql`${t.status} <> 'rejected' OR ${t.decisionReason} IS NOT NULL`),
    index('affiliation_person_idx').on(t.personId),
    uniqueIndex('affiliation_open_unique')
      .on(t.personId, t.schoolId)
      .where(sql`${t.endedAt} IS NULL`),
    index('affiliation_school_idx').on(t.schoolId),
    index('affiliation_queue_idx').on(t.status, t.createdAt),
    // The statistics' live part reads what changed since the last roll-up.
    index('affiliation_decided_idx')
      .on(t.decidedAt)
      .where(sql`${t.status} = 'validated'`),
    index('affiliation_ended_idx')
      .on(t.endedAt)
      .where(sql`${t.endedAt} IS NOT NULL`),
  ],
);

/** Support-service roles (R-CTRY-3): CSS officer (global), NSS officer (a country), regional coordinator (a region). */
export const roleAssignment = pgTable(
  'role_assignment',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    personId: uuid('person_id')
      .notNull()
      .references(() => person.id, { onDelete: 'cascade' }),
    role: text('role', { enum: ['css_officer', 'nss_officer', 'regional_coordinator'] }).notNull(),
    countryCode: text('country_code').references(() => country.code),
    regionId: integer('region_id').references(() => region.id),
    grantedBy: uuid('granted_by').references(() => person.id, { onDelete: 'set null' }),
    grantedAt: stamp('granted_at').notNull().defaultNow(),
    revokedAt: stamp('revoked_at'),
  },
  (t) => [
    check(
      'role_assignment_scope',
      sql`(${t.role} = 'css_officer' AND ${t.countryCode} IS NULL AND ${t.regionId} IS NULL)
        OR (${t.role} = 'nss_officer' AND ${t.countryCode} IS NOT NULL AND ${t.regionId} IS NULL)
        OR (${t.role} = 'regional_coordinator' AND ${t.countryCode} IS NOT NULL AND ${t.regionId} IS NOT NULL)`,
    ),
    index('role_assignment_person_idx').on(t.personId),
  ],
);
