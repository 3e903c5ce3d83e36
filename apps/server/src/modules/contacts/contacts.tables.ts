import { sql } from 'drizzle-orm';
import { check, index, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { person } from '../accounts/accounts.tables.ts';

const stamp = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/**
 * A contact request between two validated teachers (R-PF-3): pending → accepted, declined or
 * withdrawn; an accepted one is a contact until either removes it.
 */
export const contactRequest = pgTable(
  'contact_request',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    requesterId: uuid('requester_id')
      .notNull()
      .references(() => person.id, { onDelete: 'cascade' }),
    addresseeId: uuid('addressee_id')
      .notNull()
      .references(() => person.id, { onDelete: 'cascade' }),
    message: text('message').notNull().default(''),
    status: text('status', { enum: ['pending', 'accepted', 'declined', 'withdrawn', 'removed'] })
      .notNull()
      .default('pending'),
    createdAt: stamp('created_at').notNull().defaultNow(),
    respondedAt: stamp('responded_at'),
  },
  (t) => [
    check('contact_request_not_self', sql`${t.requesterId} <> ${t.addresseeId}`),
    check(
      'contact_request_status_known',
      sql`${t.status} IN ('pending', 'accepted', 'declined', 'withdrawn', 'removed')`,
    ),
    // One live link (pending or accepted) per pair of people, whichever asked.
    uniqueIndex('contact_request_live_pair')
      .on(sql`least(${t.requesterId}, ${t.addresseeId})`, sql`greatest(${t.requesterId}, ${t.addresseeId})`)
      .where(sql`${t.status} IN ('pending', 'accepted')`),
    index('contact_request_addressee_idx').on(t.addresseeId, t.status),
    index('contact_request_requester_idx').on(t.requesterId, t.status),
  ],
);

/** A person who may not write to, or ask to be a contact of, the blocker. */
export const personBlock = pgTable(
  'person_block',
  {
    blockerId: uuid('blocker_id')
      .notNull()
      .references(() => person.id, { onDelete: 'cascade' }),
    blockedId: uuid('blocked_id')
      .notNull()
      .references(() => person.id, { onDelete: 'cascade' }),
    createdAt: stamp('created_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.blockerId, t.blockedId] }), index('person_block_blocked_idx').on(t.blockedId)],
);
