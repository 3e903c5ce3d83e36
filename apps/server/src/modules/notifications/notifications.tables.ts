import { notificationKinds } from '@opentwinning/contracts';
import { sql } from 'drizzle-orm';
import { check, index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { person } from '../accounts/accounts.tables.ts';

const stamp = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

export { notificationKinds };

/**
 * An in-app notification. Holds ids only: names and titles are read when shown, so nothing
 * stale or personal is copied. Repeated events on the same subject (messages in a conversation)
 * bump one unread row instead of adding many.
 */
export const notification = pgTable(
  'notification',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    personId: uuid('person_id')
      .notNull()
      .references(() => person.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: notificationKinds }).notNull(),
    actorId: uuid('actor_id').references(() => person.id, { onDelete: 'set null' }),
    /** The request, conversation or post concerned. */
    subjectId: uuid('subject_id').notNull(),
    count: integer('count').notNull().default(1),
    createdAt: stamp('created_at').notNull().defaultNow(),
    readAt: stamp('read_at'),
  },
  (t) => [
    check('notification_kind_known', sql.raw(`kind IN (${notificationKinds.map((k) => `'${k}'`).join(', ')})`)),
    index('notification_person_idx').on(t.personId, sql`${t.createdAt} DESC`),
    index('notification_unread_idx')
      .on(t.personId, t.kind, t.subjectId)
      .where(sql`${t.readAt} IS NULL`),
  ],
);
