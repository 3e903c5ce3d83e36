import { and, asc, desc, eq, gt, or, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/database.ts';
import type { Tx } from '../../platform/context.ts';
import { person } from '../accounts/accounts.tables.ts';
import { conversation, conversationRead, message } from './messages.tables.ts';

type Q = Db | Tx;

const pair = (a: string, b: string) => (a < b ? [a, b] : [b, a]) as [string, string];

/** The conversation of two people, created on first use. */
export async function conversationOf(db: Q, a: string, b: string, now: Date): Promise<string> {
  const [x, y] = pair(a, b);
  await db
    .insert(conversation)
    .values({ personA: x, personB: y, createdAt: now, lastMessageAt: now })
    .onConflictDoNothing();
  const [row] = await db
    .select({ id: conversation.id })
    .from(conversation)
    .where(and(eq(conversation.personA, x), eq(conversation.personB, y)));
  return row!.id;
}

export async function insertMessage(db: Q, values: typeof message.$inferInsert) {
  const [row] = await db.insert(message).values(values).returning();
  await db
    .update(conversation)
    .set({ lastMessageAt: values.createdAt })
    .where(eq(conversation.id, values.conversationId));
  return row!;
}

/** Messages a person sent to non-contacts since a time. */
export async function countToNonContacts(
  db: Q,
  senderId: string,
  since: Date,
): Promise<{ count: number; oldest: Date | null }> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int`, oldest: sql<string | null>`min(${message.createdAt})` })
    .from(message)
    .where(and(eq(message.senderId, senderId), eq(message.toContact, false), gt(message.createdAt, since)));
  return { count: row?.n ?? 0, oldest: row?.oldest ? new Date(row.oldest) : null };
}

export async function findConversation(db: Q, id: string) {
  const [row] = await db.select().from(conversation).where(eq(conversation.id, id));
  return row;
}

/** A person's conversations, newest first, with the other person and the unread count. */
export function conversationsOf(db: Q, personId: string) {
  const other = sql`CASE WHEN ${conversation.personA} = ${personId} THEN ${conversation.personB} ELSE ${conversation.personA} END`;
  return db
    .select({
      id: conversation.id,
      lastMessageAt: conversation.lastMessageAt,
      other: { username: person.username, firstName: person.firstName, lastName: person.lastName },
      unread: sql<number>`(SELECT count(*)::int FROM message m WHERE m.conversation_id = ${conversation.id}
        AND m.sender_id IS DISTINCT FROM ${personId}
        AND m.id > coalesce((SELECT r.last_read_id FROM conversation_read r WHERE r.conversation_id = ${conversation.id} AND r.person_id = ${personId}), 0))`,
      last: sql<{ body: string; mine: boolean } | null>`(SELECT json_build_object('body', left(m.body, 140),
          'mine', m.sender_id IS NOT DISTINCT FROM ${personId}::uuid)
        FROM message m WHERE m.conversation_id = ${conversation.id} ORDER BY m.id DESC LIMIT 1)`,
    })
    .from(conversation)
    .leftJoin(person, sql`${person.id} = ${other}`)
    .where(or(eq(conversation.personA, personId), eq(conversation.personB, personId)))
    .orderBy(desc(conversation.lastMessageAt));
}

export function messagesOf(db: Q, conversationId: string, limit: number) {
  return db
    .select({ id: message.id, senderId: message.senderId, body: message.body, createdAt: message.createdAt })
    .from(message)
    .where(eq(message.conversationId, conversationId))
    .orderBy(desc(message.id))
    .limit(limit)
    .then((rows) => rows.reverse());
}

export async function markRead(db: Q, conversationId: string, personId: string, lastId: number) {
  await db
    .insert(conversationRead)
    .values({ conversationId, personId, lastReadId: lastId })
    .onConflictDoUpdate({
      target: [conversationRead.conversationId, conversationRead.personId],
      set: { lastReadId: lastId },
    });
}

export function messagesBy(db: Q, senderId: string) {
  return db.select().from(message).where(eq(message.senderId, senderId)).orderBy(asc(message.id));
}
