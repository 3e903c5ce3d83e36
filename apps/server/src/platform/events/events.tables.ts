import { sql } from 'drizzle-orm';
import { bigserial, index, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/**
 * Domain events, written in the same transaction as the change they describe (`project.approved`,
 * `project.activated`, …): the history of a thing, and what jobs and notifications read after
 * commit. Ids only in `data`, never names or texts.
 */
export const domainEvent = pgTable(
  'domain_event',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    name: text('name').notNull(),
    subjectId: uuid('subject_id').notNull(),
    actorId: uuid('actor_id'),
    data: jsonb('data')
      .$type<Record<string, unknown>>()
      .notNull()
      .default(sql`'{}'::jsonb`),
    at: timestamp('at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [index('domain_event_subject_idx').on(t.subjectId, t.id), index('domain_event_actor_idx').on(t.actorId)],
);
