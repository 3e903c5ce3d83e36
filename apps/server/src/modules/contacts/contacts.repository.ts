import { and, desc, eq, inArray, or, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/database.ts';
import type { Tx } from '../../platform/context.ts';
import { person } from '../accounts/accounts.tables.ts';
import { contactRequest, personBlock } from './contacts.tables.ts';

type Q = Db | Tx;

const between = (a: string, b: string) =>
  or(
    and(eq(contactRequest.requesterId, a), eq(contactRequest.addresseeId, b)),
    and(eq(contactRequest.requesterId, b), eq(contactRequest.addresseeId, a)),
  );

/** The live link (pending or accepted) between two people, if any. */
export async function liveLink(db: Q, a: string, b: string) {
  const [row] = await db
    .select()
    .from(contactRequest)
    .where(and(between(a, b), inArray(contactRequest.status, ['pending', 'accepted'])));
  return row;
}

export async function insertRequest(db: Q, values: typeof contactRequest.$inferInsert) {
  const [row] = await db.insert(contactRequest).values(values).returning();
  return row!;
}

export async function findRequest(db: Q, id: string) {
  const [row] = await db.select().from(contactRequest).where(eq(contactRequest.id, id));
  return row;
}

/** Moves a request from one status to another; false when it was no longer in `from`. */
export async function moveRequest(
  db: Q,
  id: string,
  from: string,
  to: typeof contactRequest.$inferInsert.status,
  at: Date,
) {
  const rows = await db
    .update(contactRequest)
    .set({ status: to, respondedAt: at })
    .where(and(eq(contactRequest.id, id), eq(contactRequest.status, from as 'pending')))
    .returning({ id: contactRequest.id });
  return rows.length > 0;
}

/** Every live link of a person, with the other person's public name. */
export function linksOf(db: Q, personId: string) {
  const other = sql<string>`CASE WHEN ${contactRequest.requesterId} = ${personId} THEN ${contactRequest.addresseeId} ELSE ${contactRequest.requesterId} END`;
  return db
    .select({
      request: contactRequest,
      other: { id: person.id, username: person.username, firstName: person.firstName, lastName: person.lastName },
    })
    .from(contactRequest)
    .innerJoin(person, sql`${person.id} = ${other}`)
    .where(
      and(
        or(eq(contactRequest.requesterId, personId), eq(contactRequest.addresseeId, personId)),
        inArray(contactRequest.status, ['pending', 'accepted']),
      ),
    )
    .orderBy(desc(contactRequest.createdAt));
}

export async function isBlockedEitherWay(db: Q, a: string, b: string): Promise<boolean> {
  return (await blocksBetween(db, a, b)).length > 0;
}

/** The blocks between two people, either way. */
export function blocksBetween(db: Q, a: string, b: string) {
  return db
    .select({ blockerId: personBlock.blockerId })
    .from(personBlock)
    .where(
      or(
        and(eq(personBlock.blockerId, a), eq(personBlock.blockedId, b)),
        and(eq(personBlock.blockerId, b), eq(personBlock.blockedId, a)),
      ),
    );
}

export async function block(db: Q, blockerId: string, blockedId: string) {
  await db.insert(personBlock).values({ blockerId, blockedId }).onConflictDoNothing();
}

export async function unblock(db: Q, blockerId: string, blockedId: string) {
  await db.delete(personBlock).where(and(eq(personBlock.blockerId, blockerId), eq(personBlock.blockedId, blockedId)));
}

export function blockedBy(db: Q, blockerId: string) {
  return db
    .select({
      username: person.username,
      firstName: person.firstName,
      lastName: person.lastName,
      since: personBlock.createdAt,
    })
    .from(personBlock)
    .innerJoin(person, eq(person.id, personBlock.blockedId))
    .where(eq(personBlock.blockerId, blockerId));
}

export function requestsOfPerson(db: Q, personId: string) {
  return db
    .select()
    .from(contactRequest)
    .where(or(eq(contactRequest.requesterId, personId), eq(contactRequest.addresseeId, personId)));
}
