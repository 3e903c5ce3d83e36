import { and, desc, eq, gt, isNull, lt, lte, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/database.ts';
import type { Tx } from '../../platform/context.ts';
import { emailToken, person, session, signInFailure } from './accounts.tables.ts';

type Q = Db | Tx;
export type PersonRow = typeof person.$inferSelect;

export async function findPersonByEmail(db: Q, email: string): Promise<PersonRow | undefined> {
  const [row] = await db
    .select()
    .from(person)
    .where(sql`lower(${person.email}) = lower(${email})`);
  return row;
}

export async function findPersonByUsername(db: Q, username: string): Promise<PersonRow | undefined> {
  const [row] = await db
    .select()
    .from(person)
    .where(sql`lower(${person.username}) = lower(${username})`);
  return row;
}

export async function findPersonById(db: Q, id: string): Promise<PersonRow | undefined> {
  const [row] = await db.select().from(person).where(eq(person.id, id));
  return row;
}

export async function insertPerson(db: Q, values: typeof person.$inferInsert): Promise<PersonRow> {
  const [row] = await db.insert(person).values(values).returning();
  return row!;
}

export async function updatePerson(db: Q, id: string, values: Partial<typeof person.$inferInsert>): Promise<void> {
  await db.update(person).set(values).where(eq(person.id, id));
}

export async function deletePerson(db: Q, id: string): Promise<void> {
  await db.delete(person).where(eq(person.id, id));
}

export async function insertToken(db: Q, values: typeof emailToken.$inferInsert): Promise<void> {
  await db.insert(emailToken).values(values);
}

/** Marks a live token used and returns it; undefined when unknown, used or expired. */
export async function consumeToken(db: Q, id: string, purpose: 'confirm_email' | 'reset_password', now: Date) {
  const [row] = await db
    .update(emailToken)
    .set({ usedAt: now })
    .where(
      and(
        eq(emailToken.id, id),
        eq(emailToken.purpose, purpose),
        isNull(emailToken.usedAt),
        gt(emailToken.expiresAt, now),
      ),
    )
    .returning();
  return row;
}

export async function insertSession(db: Q, values: typeof session.$inferInsert): Promise<void> {
  await db.insert(session).values(values);
}

export async function findLiveSession(db: Q, id: string, now: Date) {
  const [row] = await db
    .select({ session, person })
    .from(session)
    .innerJoin(person, eq(person.id, session.personId))
    .where(and(eq(session.id, id), gt(session.expiresAt, now), isNull(person.anonymisedAt)));
  return row;
}

export async function touchSession(db: Q, id: string, now: Date): Promise<void> {
  await db.update(session).set({ lastSeenAt: now }).where(eq(session.id, id));
}

export function listSessions(db: Q, personId: string, now: Date) {
  return db
    .select()
    .from(session)
    .where(and(eq(session.personId, personId), gt(session.expiresAt, now)))
    .orderBy(desc(session.lastSeenAt));
}

export async function deleteSession(db: Q, personId: string, id: string): Promise<boolean> {
  const rows = await db
    .delete(session)
    .where(and(eq(session.id, id), eq(session.personId, personId)))
    .returning({ id: session.id });
  return rows.length > 0;
}

export async function deleteSessionsOf(db: Q, personId: string): Promise<void> {
  await db.delete(session).where(eq(session.personId, personId));
}

/** Failures recorded under these keys since `since`, with the oldest one's time. */
export async function countFailures(db: Q, key: string, since: Date) {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int`, oldest: sql<Date | null>`min(${signInFailure.at})` })
    .from(signInFailure)
    .where(and(eq(signInFailure.key, key), gt(signInFailure.at, since)));
  return { count: row?.n ?? 0, oldest: row?.oldest ? new Date(row.oldest) : null };
}

export async function recordFailures(db: Q, keys: string[], at: Date): Promise<void> {
  await db.insert(signInFailure).values(keys.map((key) => ({ key, at })));
}

export async function pruneFailures(db: Q, before: Date): Promise<void> {
  await db.delete(signInFailure).where(lt(signInFailure.at, before));
}

const lastActivity = sql`coalesce(${person.lastSignInAt}, ${person.createdAt})`;

/** R-ACC-5: hides from searches the profiles with no sign-in since `before`. */
export async function hideInactive(db: Q, before: Date, now: Date): Promise<number> {
  const rows = await db
    .update(person)
    .set({ hiddenFromSearchAt: now })
    .where(and(isNull(person.anonymisedAt), isNull(person.hiddenFromSearchAt), lt(lastActivity, before)))
    .returning({ id: person.id });
  return rows.length;
}

/** People inactive since `before` who have not been warned yet. */
export function findToWarn(db: Q, before: Date) {
  return db
    .select()
    .from(person)
    .where(and(isNull(person.anonymisedAt), isNull(person.inactivityWarnedAt), lt(lastActivity, before)));
}

/** People inactive since `before`, warned on or before `warnedBefore`. */
export function findToAnonymise(db: Q, before: Date, warnedBefore: Date) {
  return db
    .select()
    .from(person)
    .where(and(isNull(person.anonymisedAt), lt(lastActivity, before), lte(person.inactivityWarnedAt, warnedBefore)));
}

/** Marks every unused token of a purpose used (after a password reset, older links stop working). */
export async function useAllTokens(
  db: Q,
  personId: string,
  purpose: 'confirm_email' | 'reset_password',
  now: Date,
): Promise<void> {
  await db
    .update(emailToken)
    .set({ usedAt: now })
    .where(and(eq(emailToken.personId, personId), eq(emailToken.purpose, purpose), isNull(emailToken.usedAt)));
}

/** Expired sessions and spent or expired links are forgotten (they hold addresses and devices). */
export async function pruneExpired(db: Q, now: Date): Promise<void> {
  await db.delete(session).where(lt(session.expiresAt, now));
  await db
    .delete(emailToken)
    .where(sql`${emailToken.usedAt} IS NOT NULL OR ${emailToken.expiresAt} < ${now.toISOString()}`);
}
