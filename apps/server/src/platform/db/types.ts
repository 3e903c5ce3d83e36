import type { SQL } from 'drizzle-orm';
import { customType } from 'drizzle-orm/pg-core';

/** PostgreSQL's full-text document type (written by SQL functions, never read as a value). */
export const tsvector = customType<{ data: string }>({
  dataType: () => 'tsvector',
});

/** The rows of a raw SQL query, typed by the caller (who knows the columns it selected). */
export async function rowsOf<T = Record<string, unknown>>(
  db: { execute(query: SQL): Promise<{ rows: unknown[] }> },
  query: SQL,
): Promise<T[]> {
  return (await db.execute(query)).rows as T[];
}

/** A timestamp from a raw query (a Date from pg, or text) as ISO 8601. */
export const toIso = (d: Date | string): string => (d instanceof Date ? d : new Date(d)).toISOString();
