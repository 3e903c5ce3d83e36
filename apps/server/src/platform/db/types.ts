import { customType } from 'drizzle-orm/pg-core';

/** PostgreSQL's full-text document type (written by SQL functions, never read as a value). */
export const tsvector = customType<{ data: string }>({
  dataType: () => 'tsvector',
});
