import { sql } from 'drizzle-orm';
import { boolean, check, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { projectKinds, projectStates } from '@opentwinning/contracts';
import { tsvector } from '../../platform/db/types.ts';
import { person } from '../accounts/accounts.tables.ts';
import { region } from '../countries/countries.tables.ts';
import { school } from '../schools/schools.tables.ts';

const stamp = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });
const listOf = (values: readonly string[]) => sql.raw(values.map((v) => `'${v}'`).join(', '));

/**
 * A project (R-PRJ-1..5). The form fields are nullable while it is a draft (autosave); submitting
 * checks them all. `kind` is computed from the founders' schools at founding and never changes.
 * `country_codes` and `school_count` are derived from the members by a trigger, never written by hand.
 */
export const project = pgTable(
  'project',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    kind: text('kind', { enum: projectKinds }).notNull(),
    state: text('state', { enum: projectStates }).notNull().default('draft'),
    title: text('title').notNull(),
    summary: text('summary'),
    languages: text('languages')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    ageMin: integer('age_min'),
    ageMax: integer('age_max'),
    pupils: integer('pupils'),
    subjects: text('subjects')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    tools: text('tools'),
    aims: text('aims'),
    workProcess: text('work_process'),
    expectedResults: text('expected_results'),
    erasmusReference: text('erasmus_reference'),
    fromPostId: uuid('from_post_id'),
    /** The founder who created it (submits, edits the draft). */
    createdBy: uuid('created_by').references(() => person.id, { onDelete: 'set null' }),
    /** The co-founder chosen at founding (R-PRJ-1). */
    cofounderId: uuid('cofounder_id').references(() => person.id, { onDelete: 'set null' }),
    cofounderSchoolId: uuid('cofounder_school_id').references(() => school.id),
    /** In the public gallery once active or closed, unless the founders hide it (R-PRJ-5). */
    listed: boolean('listed').notNull().default(true),
    rejectionReason: text('rejection_reason'),
    rejectedCountry: text('rejected_country'),
    rejectedAt: stamp('rejected_at'),
    createdAt: stamp('created_at').notNull().defaultNow(),
    updatedAt: stamp('updated_at').notNull().defaultNow(),
    stateChangedAt: stamp('state_changed_at').notNull().defaultNow(),
    activatedAt: stamp('activated_at'),
    closedAt: stamp('closed_at'),
    archivedAt: stamp('archived_at'),
    /** First calendar year of the school year (September–August) of activation. */
    schoolYear: integer('school_year'),
    countryCodes: text('country_codes')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    schoolCount: integer('school_count').notNull().default(0),
    /** Written by a trigger from title, summary and aims (stemmed in the first language and as plain words). */
    document: tsvector('document')
      .notNull()
      .default(sql`''::tsvector`),
  },
  (t) => [
    check('project_kind_known', sql`${t.kind} IN (${listOf(projectKinds)})`),
    check('project_state_known', sql`${t.state} IN (${listOf(projectStates)})`),
    check('project_ages', sql`${t.ageMin} IS NULL OR ${t.ageMax} IS NULL OR ${t.ageMin} <= ${t.ageMax}`),
    index('project_gallery_idx')
      .on(sql`${t.activatedAt} DESC`, sql`${t.id} DESC`)
      .where(sql`${t.listed} AND ${t.state} IN ('active', 'closed')`),
    index('project_document_idx')
      .using('gin', t.document)
      .where(sql`${t.listed} AND ${t.state} IN ('active', 'closed')`),
    index('project_countries_idx')
      .using('gin', t.countryCodes)
      .where(sql`${t.listed} AND ${t.state} IN ('active', 'closed')`),
    index('project_subjects_idx')
      .using('gin', t.subjects)
      .where(sql`${t.listed} AND ${t.state} IN ('active', 'closed')`),
    index('project_state_idx').on(t.state, t.stateChangedAt),
    // The statistics' live part reads what changed since the last roll-up.
    index('project_activated_idx')
      .on(t.activatedAt)
      .where(sql`${t.activatedAt} IS NOT NULL`),
    index('project_closed_idx')
      .on(t.closedAt)
      .where(sql`${t.closedAt} IS NOT NULL`),
  ],
);

/**
 * Founders and partners (R-PRJ-4), each acting for one school. Leaving keeps the row with `left_at`.
 * A deleted account leaves its school's participation (person set null): the project keeps its
 * countries and schools.
 */
export const projectMember = pgTable(
  'project_member',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    projectId: uuid('project_id')
      .notNull()
      .references(() => project.id, { onDelete: 'cascade' }),
    personId: uuid('person_id').references(() => person.id, { onDelete: 'set null' }),
    schoolId: uuid('school_id')
      .notNull()
      .references(() => school.id),
    role: text('role', { enum: ['founder', 'partner'] }).notNull(),
    joinedAt: stamp('joined_at').notNull().defaultNow(),
    leftAt: stamp('left_at'),
  },
  (t) => [
    uniqueIndex('project_member_person_unique').on(t.projectId, t.personId),
    check('project_member_role_known', sql`${t.role} IN ('founder', 'partner')`),
    check('project_member_founders_stay', sql`${t.role} = 'partner' OR ${t.leftAt} IS NULL`),
    index('project_member_person_idx').on(t.personId),
    // The statistics' live part reads who joined or left since the last roll-up.
    index('project_member_joined_idx').on(t.joinedAt),
    index('project_member_left_idx')
      .on(t.leftAt)
      .where(sql`${t.leftAt} IS NOT NULL`),
  ],
);

/**
 * One country's approval of a project; where the country uses regions, one row per founder region,
 * each consenting before the NSS approves the country (all its rows at once).
 */
export const projectApproval = pgTable(
  'project_approval',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    projectId: uuid('project_id')
      .notNull()
      .references(() => project.id, { onDelete: 'cascade' }),
    countryCode: text('country_code').notNull(),
    regionId: integer('region_id').references(() => region.id),
    /** When the step started to wait (the co-founder's acceptance). */
    awaitedSince: stamp('awaited_since'),
    regionConsentedAt: stamp('region_consented_at'),
    regionConsentedBy: uuid('region_consented_by').references(() => person.id, { onDelete: 'set null' }),
    approvedAt: stamp('approved_at'),
    approvedBy: uuid('approved_by').references(() => person.id, { onDelete: 'set null' }),
  },
  (t) => [
    uniqueIndex('project_approval_step_unique').on(t.projectId, t.countryCode, sql`COALESCE(${t.regionId}, 0)`),
    index('project_approval_queue_idx')
      .on(t.countryCode, t.awaitedSince)
      .where(sql`${t.approvedAt} IS NULL`),
  ],
);

/** An invitation to join an active project as a partner (R-PRJ-4). */
export const projectInvitation = pgTable(
  'project_invitation',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    projectId: uuid('project_id')
      .notNull()
      .references(() => project.id, { onDelete: 'cascade' }),
    personId: uuid('person_id')
      .notNull()
      .references(() => person.id, { onDelete: 'cascade' }),
    invitedBy: uuid('invited_by').references(() => person.id, { onDelete: 'set null' }),
    status: text('status', { enum: ['pending', 'accepted', 'declined', 'withdrawn'] })
      .notNull()
      .default('pending'),
    createdAt: stamp('created_at').notNull().defaultNow(),
    answeredAt: stamp('answered_at'),
  },
  (t) => [
    check('project_invitation_status_known', sql`${t.status} IN ('pending', 'accepted', 'declined', 'withdrawn')`),
    uniqueIndex('project_invitation_pending_idx')
      .on(t.projectId, t.personId)
      .where(sql`${t.status} = 'pending'`),
    index('project_invitation_person_idx').on(t.personId, t.status),
  ],
);
