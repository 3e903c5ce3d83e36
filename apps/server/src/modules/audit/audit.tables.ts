import { bigserial, index, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/** Who did what, when and why: validations, rejections, role changes (R-ACC-3, issue audit). */
export const auditEntry = pgTable(
  'audit_entry',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    at: timestamp('at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
    /** The person who acted (null: the system, or an emailed link). */
    actorId: uuid('actor_id'),
    actorLabel: text('actor_label').notNull(),
    action: text('action').notNull(),
    /** The person the action was about, if any. */
    subjectId: uuid('subject_id'),
    subjectLabel: text('subject_label').notNull().default(''),
    countryCode: text('country_code'),
    reason: text('reason'),
    details: jsonb('details').$type<Record<string, unknown>>().notNull().default({}),
  },
  (t) => [
    index('audit_entry_country_at_idx').on(t.countryCode, t.at),
    index('audit_entry_subject_idx').on(t.subjectId),
  ],
);
