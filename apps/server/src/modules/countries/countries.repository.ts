import { and, asc, eq, gte, isNull, lte, or, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/database.ts';
import type { Tx } from '../../platform/context.ts';
import { country, region, supportService } from './countries.tables.ts';

export type CountryRow = typeof country.$inferSelect & {
  serviceName: string | null;
  serviceWebsite: string | null;
};

const columns = {
  code: country.code,
  names: country.names,
  category: country.category,
  supportBody: country.supportBody,
  joinedOn: country.joinedOn,
  joinedOnApproximate: country.joinedOnApproximate,
  joinedSource: country.joinedSource,
  leftOn: country.leftOn,
  leftSource: country.leftSource,
  hasRegions: country.hasRegions,
  usesRegionalStep: country.usesRegionalStep,
  serviceName: supportService.name,
  serviceWebsite: supportService.website,
};

/** Countries taking part on `date` (YYYY-MM-DD): joined on or before it, not left before it. */
export function findParticipatingOn(db: Db, date: string): Promise<CountryRow[]> {
  return db
    .select(columns)
    .from(country)
    .leftJoin(supportService, eq(supportService.countryCode, country.code))
    .where(and(lte(country.joinedOn, date), or(isNull(country.leftOn), gte(country.leftOn, date))))
    .orderBy(asc(country.code));
}

export function findAllCountries(db: Db): Promise<CountryRow[]> {
  return db
    .select(columns)
    .from(country)
    .leftJoin(supportService, eq(supportService.countryCode, country.code))
    .orderBy(asc(country.code));
}

export async function findCountry(db: Db | Tx, code: string): Promise<CountryRow | undefined> {
  const [row] = await db
    .select(columns)
    .from(country)
    .leftJoin(supportService, eq(supportService.countryCode, country.code))
    .where(eq(country.code, code));
  return row;
}

export function findRegions(db: Db, countryCode: string) {
  return db
    .select()
    .from(region)
    .where(eq(region.countryCode, countryCode))
    .orderBy(asc(region.sortOrder), asc(region.code));
}

export async function findCentralService(db: Db) {
  const [row] = await db.select().from(supportService).where(eq(supportService.scope, 'central'));
  return row;
}

export async function countCountries(db: Db): Promise<number> {
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(country);
  return row?.n ?? 0;
}

export async function updateCountry(
  db: Db | Tx,
  code: string,
  values: Partial<typeof country.$inferInsert>,
): Promise<void> {
  await db.update(country).set(values).where(eq(country.code, code));
}

export async function findRegion(db: Db, id: number) {
  const [row] = await db.select().from(region).where(eq(region.id, id));
  return row;
}
