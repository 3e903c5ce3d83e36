import { and, asc, eq, inArray, isNull, lte, or, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../platform/db/database.ts';
import type { Tx } from '../../platform/context.ts';
import { person } from '../accounts/accounts.tables.ts';
import { region } from '../countries/countries.tables.ts';
import { school } from '../schools/schools.tables.ts';
import { affiliation, roleAssignment } from './validation.tables.ts';

type Q = Db | Tx;

export async function activeRoles(db: Q, personId: string) {
  return db
    .select()
    .from(roleAssignment)
    .where(and(eq(roleAssignment.personId, personId), isNull(roleAssignment.revokedAt)))
    .orderBy(asc(roleAssignment.grantedAt));
}

export async function hasValidatedAffiliation(db: Q, personId: string): Promise<boolean> {
  const rows = await db
    .select({ id: affiliation.id })
    .from(affiliation)
    .where(and(eq(affiliation.personId, personId), eq(affiliation.status, 'validated'), isNull(affiliation.endedAt)))
    .limit(1);
  return rows.length > 0;
}

const withSchool = {
  affiliation,
  school: {
    id: school.id,
    name: school.name,
    city: school.city,
    countryCode: school.countryCode,
    regionId: school.regionId,
    headName: school.headName,
    headEmail: school.headEmail,
  },
  regionNames: region.names,
};

export function affiliationsOfPerson(db: Q, personId: string) {
  return db
    .select(withSchool)
    .from(affiliation)
    .innerJoin(school, eq(school.id, affiliation.schoolId))
    .leftJoin(region, eq(region.id, school.regionId))
    .where(and(eq(affiliation.personId, personId), isNull(affiliation.endedAt)))
    .orderBy(asc(affiliation.createdAt));
}

export async function insertAffiliation(db: Q, values: typeof affiliation.$inferInsert) {
  const [row] = await db.insert(affiliation).values(values).returning();
  return row!;
}

export async function updateAffiliations(db: Q, ids: string[], values: Partial<typeof affiliation.$inferInsert>) {
  if (ids.length) await db.update(affiliation).set(values).where(inArray(affiliation.id, ids));
}

/** Affiliations with their school and person, for decisions and the detail page. */
export function affiliationsWithPeople(db: Q, ids: string[]) {
  return db
    .select({ ...withSchool, person })
    .from(affiliation)
    .innerJoin(school, eq(school.id, affiliation.schoolId))
    .innerJoin(person, eq(person.id, affiliation.personId))
    .leftJoin(region, eq(region.id, school.regionId))
    .where(inArray(affiliation.id, ids));
}

export interface QueueFilter {
  /** What the officer may see: everything, or schools of these countries OR of these regions. */
  scope: 'all' | { countries: string[]; regionIds: number[] };
  regionId?: number;
  schoolQuery?: string;
  status: 'pending' | 'validated' | 'rejected';
  regionalStatus?: 'not_required' | 'awaiting' | 'confirmed';
  waitingSince?: Date;
  limit: number;
  offset: number;
}

function queueWhere(f: QueueFilter): SQL {
  const parts: (SQL | undefined)[] = [
    eq(affiliation.status, f.status),
    isNull(affiliation.endedAt),
    isNull(person.anonymisedAt),
    f.scope === 'all'
      ? undefined
      : or(
          f.scope.countries.length ? inArray(school.countryCode, f.scope.countries) : sql`false`,
          f.scope.regionIds.length ? inArray(school.regionId, f.scope.regionIds) : sql`false`,
        ),
    f.regionId ? eq(school.regionId, f.regionId) : undefined,
    f.regionalStatus ? eq(affiliation.regionalStatus, f.regionalStatus) : undefined,
    f.waitingSince ? lte(affiliation.createdAt, f.waitingSince) : undefined,
    f.schoolQuery
      ? sql`ot_unaccent(lower(${school.name})) LIKE '%' || ot_unaccent(lower(${f.schoolQuery.trim()})) || '%'`
      : undefined,
  ];
  return and(...parts.filter((p): p is SQL => !!p))!;
}

/** The validation queue: oldest first, with the total for the filter. */
export async function queue(db: Q, f: QueueFilter) {
  const where = queueWhere(f);
  const rows = await db
    .select({
      affiliation,
      person: {
        id: person.id,
        username: person.username,
        firstName: person.firstName,
        lastName: person.lastName,
        email: person.email,
        schoolRole: person.schoolRole,
      },
      school: {
        id: school.id,
        name: school.name,
        city: school.city,
        countryCode: school.countryCode,
        regionId: school.regionId,
      },
      regionNames: region.names,
    })
    .from(affiliation)
    .innerJoin(school, eq(school.id, affiliation.schoolId))
    .innerJoin(person, eq(person.id, affiliation.personId))
    .leftJoin(region, eq(region.id, school.regionId))
    .where(where)
    .orderBy(asc(affiliation.createdAt), asc(affiliation.id))
    .limit(f.limit)
    .offset(f.offset);
  const [count] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(affiliation)
    .innerJoin(school, eq(school.id, affiliation.schoolId))
    .innerJoin(person, eq(person.id, affiliation.personId))
    .where(where);
  return { rows, total: count?.n ?? 0 };
}

export async function insertRole(db: Q, values: typeof roleAssignment.$inferInsert) {
  const [row] = await db.insert(roleAssignment).values(values).returning();
  return row!;
}

export async function findRole(db: Q, id: string) {
  const [row] = await db.select().from(roleAssignment).where(eq(roleAssignment.id, id));
  return row;
}

export async function revokeRole(db: Q, id: string, at: Date) {
  await db.update(roleAssignment).set({ revokedAt: at }).where(eq(roleAssignment.id, id));
}

/** Active holders of a role, with their names, optionally in one country. */
export function roleHolders(db: Q, role: 'nss_officer' | 'regional_coordinator' | 'css_officer', countryCode?: string) {
  return db
    .select({
      id: roleAssignment.id,
      countryCode: roleAssignment.countryCode,
      regionId: roleAssignment.regionId,
      grantedAt: roleAssignment.grantedAt,
      username: person.username,
      firstName: person.firstName,
      lastName: person.lastName,
      email: person.email,
    })
    .from(roleAssignment)
    .innerJoin(person, eq(person.id, roleAssignment.personId))
    .where(
      and(
        eq(roleAssignment.role, role),
        isNull(roleAssignment.revokedAt),
        countryCode ? eq(roleAssignment.countryCode, countryCode) : undefined,
      ),
    )
    .orderBy(asc(roleAssignment.countryCode), asc(person.lastName));
}

export async function allAffiliationsOfPerson(db: Q, personId: string) {
  return db.select().from(affiliation).where(eq(affiliation.personId, personId)).orderBy(asc(affiliation.createdAt));
}

export async function rolesOfPersonAll(db: Q, personId: string) {
  return db.select().from(roleAssignment).where(eq(roleAssignment.personId, personId));
}

/** Pending affiliations of a country that waited for the regional step no longer wait. */
export async function releaseAwaitingRegion(db: Q, countryCode: string): Promise<number> {
  const rows = await db
    .update(affiliation)
    .set({ regionalStatus: 'not_required' })
    .where(
      and(
        eq(affiliation.status, 'pending'),
        eq(affiliation.regionalStatus, 'awaiting'),
        sql`${affiliation.schoolId} IN (SELECT id FROM school WHERE country_code = ${countryCode})`,
      ),
    )
    .returning({ id: affiliation.id });
  return rows.length;
}

/**
 * Applies a decision to affiliations still open to it, in one statement: pending, not ended and
 * not waiting for the region. Returns how many changed (fewer than asked: someone decided first).
 */
export async function decideOpen(
  db: Q,
  ids: string[],
  values: Partial<typeof affiliation.$inferInsert>,
): Promise<number> {
  const rows = await db
    .update(affiliation)
    .set(values)
    .where(
      and(
        inArray(affiliation.id, ids),
        eq(affiliation.status, 'pending'),
        isNull(affiliation.endedAt),
        sql`${affiliation.regionalStatus} <> 'awaiting'`,
      ),
    )
    .returning({ id: affiliation.id });
  return rows.length;
}

/** Confirms the regional step of affiliations still waiting for it; returns how many changed. */
export async function confirmAwaiting(
  db: Q,
  ids: string[],
  values: Partial<typeof affiliation.$inferInsert>,
): Promise<number> {
  const rows = await db
    .update(affiliation)
    .set({ ...values, regionalStatus: 'confirmed' })
    .where(
      and(
        inArray(affiliation.id, ids),
        eq(affiliation.status, 'pending'),
        eq(affiliation.regionalStatus, 'awaiting'),
        isNull(affiliation.endedAt),
      ),
    )
    .returning({ id: affiliation.id });
  return rows.length;
}
