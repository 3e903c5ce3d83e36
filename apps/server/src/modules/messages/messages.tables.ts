import { sql } from 'drizzle-orm';
import {
  bigint,
  bigserial,
  boolean,
  index,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { person } from '../accounts/accounts.tables.ts';

const stamp = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/** A conversation between two people (R-PF-3). A deleted account leaves the other side's copy, unsigned. */
export const conversation = pgTable(
  'conversation',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** The two people, the smaller id first. */
    personA: uuid('person_a').references(() => person.id, { onDelete: 'set null' }),
    personB: uuid('person_b').references(() => person.id, { onDelete: 'set null' }),
    createdAt: stamp('created_at').notNull().defaultNow(),
    lastMessageAt: stamp('last_message_at').notNull().defaultNow(),
  },
  (t) => [uniqueIndex('conversation_pair').on(t.personA, t.personB), index('conversation_b_idx').on(t.personB)],
);

export const message = pgTable(
  'message',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    conversationId: uuid('conversation_id')
      .notNull()
      .references(() => conversation.id, { onDelete: 'cascade' }),
    /** Null once the author deleted their account (authorship anonymised). */
    senderId: uuid('sender_id').references(() => person.id, { onDelete: 'set null' }),
    body: text('body').notNull(),
    /** Whether sender and recipient were contacts when it was sent (messages to others are limited). */
    toContact: boolean('to_contact').notNull(),
    createdAt: stamp('created_at').notNull().defaultNow(),
  },
  (t) => [
    index('message_conversation_idx').on(t.conversationId, t.id),
    index('message_sender_recent_idx')
      .on(t.senderId, t.createdAt)
      .where(sql`${t.toContact} = false`),
  ],
);

/** Up to which message a person has read a conversation. */
export const conversationRead = pgTable(
  'conversation_read',
  {
    conversationId: uuid('conversation_id')
      .notNull()
      .references(() => conversation.id, { onDelete: 'cascade' }),
    personId: uuid('person_id')
      .notNull()
      .references(() => person.id, { onDelete: 'cascade' }),
    lastReadId: bigint('last_read_id', { mode: 'number' }).notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.conversationId, t.personId] })],
);
