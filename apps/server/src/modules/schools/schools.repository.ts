import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/database.ts';
import type { Tx } from '../../platform/context.ts';
import { region } from '../countries/countries.tables.ts';
import { school } from './schools.tables.ts';

type Q = Db | Tx;

const columns = {
  school,
  regionNames: region.names,
};

const norm = (s: string) => sql`ot_unaccent(lower(${s}))`;

/** Trigram search on the name, accent- and case-insensitive ("ramon y cajal" finds "Ramón y Cajal"). */
export function searchSchools(db: Q, countryCode: string, query: string, limit: number) {
  const q = query.trim();
  const nameExpr = sql`ot_unaccent(lower(${school.name}))`;
  return db
    .select({ ...columns, score: sql<number>`word_similarity(${norm(q)}, ${nameExpr})` })
    .from(school)
    .leftJoin(region, eq(region.id, school.regionId))
    .where(
      and(
        eq(school.countryCode, countryCode),
        q ? sql`(${norm(q)} <% ${nameExpr} OR ${nameExpr} LIKE '%' || ${norm(q)} || '%')` : sql`true`,
      ),
    )
    .orderBy(sql`word_similarity(${norm(q)}, ${nameExpr}) DESC`, school.name)
    .limit(limit);
}

/** Schools of the same city whose names look alike: shown before creating a new one. */
export function findLikelyDuplicates(db: Q, countryCode: string, city: string, name: string) {
  const nameExpr = sql`ot_unaccent(lower(${school.name}))`;
  return db
    .select({ ...columns, score: sql<number>`similarity(${norm(name)}, ${nameExpr})` })
    .from(school)
    .leftJoin(region, eq(region.id, school.regionId))
    .where(
      and(
        eq(school.countryCode, countryCode),
        sql`ot_unaccent(lower(${school.city})) = ${norm(city.trim())}`,
        sql`(similarity(${norm(name)}, ${nameExpr}) > 0.3 OR ${norm(name)} <% ${nameExpr})`,
      ),
    )
    .orderBy(sql`similarity(${norm(name)}, ${nameExpr}) DESC`)
    .limit(5);
}

export async function findSchool(db: Q, id: string) {
  const [row] = await db
    .select(columns)
    .from(school)
    .leftJoin(region, eq(region.id, school.regionId))
    .where(eq(school.id, id));
  return row;
}

export async function insertSchool(db: Q, values: typeof school.$inferInsert) {
  const [row] = await db.insert(school).values(values).returning();
  return row!;
}

export function schoolsCreatedBy(db: Q, personId: string) {
  return db.select().from(school).where(eq(school.createdBy, personId));
}
