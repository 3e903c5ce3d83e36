import type { StatisticsImport } from '@opentwinning/contracts';
import { IsoDate } from '@opentwinning/contracts';
import { parse } from 'csv-parse/sync';
import { eq, sql } from 'drizzle-orm';
import { isCssOfficer, requireSignedIn, type Actor } from '../../platform/auth/actor.ts';
import type { ServiceContext, Tx } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { statImport, statImportBatch } from './statistics.tables.ts';
import { forgetStatistics } from './statistics.cache.ts';
import { bumpStatisticsVersion, isoDay } from './statistics.rollup.ts';

const COLUMNS = ['date', 'country', 'teachers', 'schools', 'projects'] as const;
const MAX_ERRORS = 20;

interface Row {
  countryCode: string;
  day: string;
  teachers: number;
  schools: number;
  projects: number;
}

function requireCss(actor: Actor | null): Actor {
  const a = requireSignedIn(actor);
  if (!isCssOfficer(a)) throw new AppError('FORBIDDEN');
  return a;
}

/**
 * Reads the CSV (header date,country,teachers,schools,projects), checking every line. Returns the
 * rows, or the errors as fields `csv.line.N` → message key (N: the line in the file, header = 1).
 */
function readCsv(
  csv: string,
  known: Set<string>,
  firstLive: Map<string, string>,
  today: string,
): { rows: Row[]; errors: Record<string, string> } {
  const errors: Record<string, string> = {};
  let records: string[][];
  try {
    records = parse(csv.replace(/^\uFEFF/, ''), { skip_empty_lines: true, trim: true, relax_column_count: true });
  } catch {
    return { rows: [], errors: { csv: 'csv_unreadable' } };
  }
  const header = (records[0] ?? []).map((h) => h.toLowerCase());
  if (COLUMNS.some((c, i) => header[i] !== c) || header.length !== COLUMNS.length) {
    return { rows: [], errors: { csv: 'csv_header' } };
  }
  if (records.length < 2) return { rows: [], errors: { csv: 'csv_empty' } };
  const rows: Row[] = [];
  const seen = new Set<string>();
  records.slice(1).forEach((record, index) => {
    const line = `csv.line.${index + 2}`;
    if (Object.keys(errors).length >= MAX_ERRORS) return;
    if (record.length !== COLUMNS.length) return void (errors[line] = 'csv_columns');
    const [date, country, ...counts] = record as [string, string, string, string, string];
    if (!IsoDate.safeParse(date).success) return void (errors[line] = 'csv_date');
    if (date > today) return void (errors[line] = 'date_in_future');
    const code = country.toUpperCase();
    if (!known.has(code)) return void (errors[line] = 'csv_country');
    const live = firstLive.get(code);
    if (live && date >= live) return void (errors[line] = 'csv_after_live');
    if (!counts.every((c) => /^\d{1,9}$/.test(c))) return void (errors[line] = 'csv_count');
    const [teachers, schools, projects] = counts.map(Number) as [number, number, number];
    if (schools > teachers) return void (errors[line] = 'csv_schools_above_teachers');
    if (seen.has(`${code} ${date}`)) return void (errors[line] = 'csv_duplicate');
    seen.add(`${code} ${date}`);
    rows.push({ countryCode: code, day: date, teachers, schools, projects });
  });
  return { rows, errors };
}

/** A CSS officer imports historical figures: all lines or none (one transaction). */
export async function importFigures(
  ctx: ServiceContext,
  actor: Actor | null,
  input: { source: string; csv: string },
): Promise<StatisticsImport> {
  const officer = requireCss(actor);
  const known = new Set(
    ((await ctx.db.execute(sql`SELECT code FROM country`)).rows as { code: string }[]).map((r) => r.code),
  );
  // Imported figures stand for the time before the platform's own data: refused from its first day.
  const firstLive = new Map(
    (
      (await ctx.db.execute(sql`SELECT area, to_char(min(day), 'YYYY-MM-DD') AS day FROM stat_day GROUP BY area`))
        .rows as {
        area: string;
        day: string;
      }[]
    ).map((r) => [r.area, r.day]),
  );
  const { rows, errors } = readCsv(input.csv, known, firstLive, isoDay(ctx.now()));
  if (Object.keys(errors).length) throw new AppError('VALIDATION', 'error_statistics_import', {}, errors);
  const taken = (
    await ctx.db.execute(sql`
      SELECT country_code AS code, to_char(day, 'YYYY-MM-DD') AS day FROM stat_import
      WHERE (country_code, day) IN (SELECT * FROM unnest(${sql.param(rows.map((r) => r.countryCode))}::text[], ${sql.param(rows.map((r) => r.day))}::date[]))`)
  ).rows as { code: string; day: string }[];
  if (taken.length) {
    const clash = new Set(taken.map((t) => `${t.code} ${t.day}`));
    const fields: Record<string, string> = {};
    rows.forEach((r, i) => {
      if (clash.has(`${r.countryCode} ${r.day}`) && Object.keys(fields).length < MAX_ERRORS)
        fields[`csv.line.${i + 2}`] = 'csv_already_imported';
    });
    throw new AppError('VALIDATION', 'error_statistics_import', {}, fields);
  }
  const created = await ctx.db.transaction(async (tx) => {
    const [batch] = await tx
      .insert(statImportBatch)
      .values({ source: input.source, importedBy: officer.personId, importedAt: ctx.now() })
      .returning();
    for (let i = 0; i < rows.length; i += 1000) {
      await tx.insert(statImport).values(rows.slice(i, i + 1000).map((r) => ({ ...r, batchId: batch!.id })));
    }
    await recordAudit(tx, {
      actor: { id: officer.personId, label: officer.username },
      action: 'statistics.imported',
      subject: { id: batch!.id, label: input.source },
      details: { rows: rows.length },
    });
    await bumpStatisticsVersion(tx);
    const [listed] = await listBatches(tx, batch!.id);
    return listed!;
  });
  forgetStatistics(ctx.db);
  return created;
}

type Conn = ServiceContext['db'] | Tx;

async function listBatches(conn: Conn, id?: string): Promise<StatisticsImport[]> {
  const { rows } = await conn.execute(sql`
    SELECT b.id, b.source, b.imported_at, pe.first_name || ' ' || pe.last_name AS imported_by,
           count(i.*)::int AS rows, coalesce(array_agg(DISTINCT i.country_code) FILTER (WHERE i.country_code IS NOT NULL), '{}') AS countries,
           to_char(min(i.day), 'YYYY-MM-DD') AS "from", to_char(max(i.day), 'YYYY-MM-DD') AS "to"
    FROM stat_import_batch b
    LEFT JOIN stat_import i ON i.batch_id = b.id
    LEFT JOIN person pe ON pe.id = b.imported_by
    ${id ? sql`WHERE b.id = ${id}` : sql``}
    GROUP BY b.id, pe.first_name, pe.last_name
    ORDER BY b.imported_at DESC`);
  return (rows as Record<string, unknown>[]).map((r) => ({
    id: String(r.id),
    source: String(r.source),
    rows: Number(r.rows),
    countries: (r.countries as string[]).sort(),
    from: String(r.from ?? ''),
    to: String(r.to ?? ''),
    importedAt: new Date(r.imported_at as string).toISOString(),
    importedBy: (r.imported_by as string | null) ?? null,
  }));
}

export async function listImports(ctx: ServiceContext, actor: Actor | null): Promise<{ imports: StatisticsImport[] }> {
  requireCss(actor);
  return { imports: await listBatches(ctx.db) };
}

export async function deleteImport(ctx: ServiceContext, actor: Actor | null, id: string): Promise<void> {
  const officer = requireCss(actor);
  await ctx.db.transaction(async (tx) => {
    const [gone] = await tx.delete(statImportBatch).where(eq(statImportBatch.id, id)).returning();
    if (!gone) throw new AppError('NOT_FOUND');
    await bumpStatisticsVersion(tx);
    await recordAudit(tx, {
      actor: { id: officer.personId, label: officer.username },
      action: 'statistics.import_deleted',
      subject: { id, label: gone.source },
    });
  });
  forgetStatistics(ctx.db);
}
