import type {
  CountryFigures,
  CountryStatisticsResponse,
  EuropeFigures,
  SchoolYear,
  StatisticsResponse,
} from '@opentwinning/contracts';
import { sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/database.ts';
import { AppError } from '../../platform/errors.ts';
import type { Locale } from '../../platform/i18n.ts';
import { addDays, isoDay, liveDeltas, livePartnerDeltas, rolledUntil, type DayDelta } from './statistics.rollup.ts';

export const LICENCE = { name: 'CC BY 4.0', url: 'https://creativecommons.org/licenses/by/4.0/' };

/** A country's live figures at the end of a day. */
export interface Values {
  teachers: number;
  schools: number;
  projects: number;
  founded: number;
  activeProjects: number;
  foundedActive: number;
}
const ZERO: Values = { teachers: 0, schools: 0, projects: 0, founded: 0, activeProjects: 0, foundedActive: 0 };
const metrics = Object.keys(ZERO) as (keyof Values)[];

export interface Imported {
  day: string;
  teachers: number;
  schools: number;
  projects: number;
  source: string;
}

export interface CountryAt {
  code: string;
  name: string;
  joinedOn: string;
  leftOn: string | null;
  /** The first day of the platform's own figures for the country (null: none yet). */
  firstLive: string | null;
  /** Per asked date: the live values, and the latest imported figures on or before it. */
  at: Map<string, { live: Values; imported: Imported | null }>;
}

/** The school year (September–August) containing a day. */
export function schoolYearOf(day: string): SchoolYear {
  const year = Number(day.slice(0, 4));
  const start = Number(day.slice(5, 7)) >= 9 ? year : year - 1;
  return { start, label: `${start}-${String((start + 1) % 100).padStart(2, '0')}`, from: `${start}-09-01` };
}

/** Refuses a day after today (statistics describe the past). Unknown dates are refused by the schema. */
export function checkDate(date: string | undefined, now: Date): string {
  const today = isoDay(now);
  if (!date) return today;
  if (date > today) throw new AppError('VALIDATION', 'error_validation', {}, { date: 'date_in_future' });
  return date;
}

const participates = (c: { joinedOn: string; leftOn: string | null }, day: string) =>
  c.joinedOn <= day && (c.leftOn === null || c.leftOn >= day);

/**
 * Every country's live values at each of `dates`: the roll-up's last row on or before the day (one
 * index seek per country and date), plus the live changes after the roll-up; and the imported
 * figures on or before each date.
 */
export async function countriesAt(db: Db, dates: string[], locale: Locale, only?: string): Promise<CountryAt[]> {
  const until = await rolledUntil(db);
  const rolled = until ?? '0001-01-01';
  const { rows } = await db.execute(sql`
    SELECT c.code, c.names ->> ${locale} AS name, c.names ->> 'en' AS name_en,
           to_char(c.joined_on, 'YYYY-MM-DD') AS joined_on, to_char(c.left_on, 'YYYY-MM-DD') AS left_on,
           to_char(f.day, 'YYYY-MM-DD') AS first_live, to_char(d.d, 'YYYY-MM-DD') AS at,
           v.teachers, v.schools, v.projects, v.founded, v.active_projects, v.founded_active,
           to_char(i.day, 'YYYY-MM-DD') AS imported_day, i.teachers AS imported_teachers,
           i.schools AS imported_schools, i.projects AS imported_projects, b.source
    FROM country c
    CROSS JOIN unnest(${sql.param(dates)}::date[]) AS d(d)
    LEFT JOIN LATERAL (SELECT day FROM stat_day s WHERE s.area = c.code ORDER BY s.day LIMIT 1) f ON true
    LEFT JOIN LATERAL (
      SELECT * FROM stat_day s WHERE s.area = c.code AND s.day <= least(d.d, ${rolled}::date) ORDER BY s.day DESC LIMIT 1
    ) v ON true
    LEFT JOIN LATERAL (
      SELECT * FROM stat_import si WHERE si.country_code = c.code AND si.day <= d.d ORDER BY si.day DESC LIMIT 1
    ) i ON true
    LEFT JOIN stat_import_batch b ON b.id = i.batch_id
    ${only ? sql`WHERE c.code = ${only}` : sql``}`);
  const latest = dates.reduce((a, b) => (a > b ? a : b));
  const deltas: DayDelta[] = latest > rolled ? await liveDeltas(db, until, latest) : [];
  const byCode = new Map<string, CountryAt>();
  for (const r of rows as Record<string, string | number | null>[]) {
    const code = String(r.code);
    let c = byCode.get(code);
    if (!c) {
      c = {
        code,
        name: String(r.name ?? r.name_en ?? code),
        joinedOn: String(r.joined_on),
        leftOn: (r.left_on as string | null) ?? null,
        firstLive: (r.first_live as string | null) ?? null,
        at: new Map(),
      };
      byCode.set(code, c);
    }
    const live: Values = { ...ZERO };
    if (r.teachers !== null) {
      live.teachers = Number(r.teachers);
      live.schools = Number(r.schools);
      live.projects = Number(r.projects);
      live.founded = Number(r.founded);
      live.activeProjects = Number(r.active_projects);
      live.foundedActive = Number(r.founded_active);
    }
    const imported =
      r.imported_day === null
        ? null
        : {
            day: String(r.imported_day),
            teachers: Number(r.imported_teachers),
            schools: Number(r.imported_schools),
            projects: Number(r.imported_projects),
            source: String(r.source),
          };
    c.at.set(String(r.at), { live, imported });
  }
  for (const d of deltas) {
    const c = byCode.get(d.area);
    if (!c) continue;
    if (c.firstLive === null || d.day < c.firstLive) c.firstLive = d.day;
    for (const [day, entry] of c.at) {
      if (d.day > day) continue;
      for (const m of metrics) entry.live[m] += d[m];
    }
  }
  return [...byCode.values()];
}

interface Resolved {
  figures: Omit<CountryFigures, 'share' | 'rank' | 'code' | 'name' | 'participating'>;
  /** What the country adds to Europe's figures. */
  europe: { teachers: number; schools: number; projects: number; projectsThisSchoolYear: number; active: number };
}

/** The figures of one country on `day`, live or imported (imported only before the platform's own data). */
function resolve(c: CountryAt, day: string, yearEve: string): Resolved {
  const now = c.at.get(day)!;
  const eve = c.at.get(yearEve)!;
  if (now.imported && (c.firstLive === null || day < c.firstLive)) {
    const i = now.imported;
    const before = eve.imported && (c.firstLive === null || yearEve < c.firstLive) ? eve.imported : null;
    const inYear = before ? Math.max(0, i.projects - before.projects) : null;
    return {
      figures: {
        teachers: i.teachers,
        schools: i.schools,
        projects: i.projects,
        projectsThisSchoolYear: inYear,
        activeProjects: null,
        source: { kind: 'imported', name: i.source, date: i.day },
      },
      europe: {
        teachers: i.teachers,
        schools: i.schools,
        projects: i.projects,
        projectsThisSchoolYear: inYear ?? 0,
        active: 0,
      },
    };
  }
  const v = now.live;
  return {
    figures: {
      teachers: v.teachers,
      schools: v.schools,
      projects: v.projects,
      projectsThisSchoolYear: v.projects - eve.live.projects,
      activeProjects: v.activeProjects,
      source: { kind: 'live', name: null, date: null },
    },
    europe: {
      teachers: v.teachers,
      schools: v.schools,
      projects: v.founded,
      projectsThisSchoolYear: v.founded - eve.live.founded,
      active: v.foundedActive,
    },
  };
}

/** Standard competition ranking (1, 2, 2, 4) of the participating countries by a figure. */
function ranks(list: { code: string; value: number }[]): Map<string, number> {
  const sorted = [...list].sort((a, b) => b.value - a.value);
  const out = new Map<string, number>();
  sorted.forEach((e, i) =>
    out.set(e.code, i > 0 && sorted[i - 1]!.value === e.value ? out.get(sorted[i - 1]!.code)! : i + 1),
  );
  return out;
}

/** R-STAT-1/2: Europe and every country as of a day, with shares and ranks. */
export async function statisticsAt(db: Db, day: string, locale: Locale): Promise<StatisticsResponse> {
  const schoolYear = schoolYearOf(day);
  const yearEve = addDays(schoolYear.from, -1);
  const countries = await countriesAt(db, [day, yearEve], locale);
  return statisticsFrom(countries, day, yearEve, schoolYear, locale);
}

export function statisticsFrom(
  countries: CountryAt[],
  day: string,
  yearEve: string,
  schoolYear: SchoolYear,
  locale: Locale,
): StatisticsResponse {
  const europe: EuropeFigures = {
    teachers: 0,
    schools: 0,
    projects: 0,
    projectsThisSchoolYear: 0,
    activeProjects: 0,
    countries: 0,
    includesImported: false,
  };
  const resolved = countries.map((c) => ({ c, r: resolve(c, day, yearEve), participating: participates(c, day) }));
  for (const { r, participating } of resolved) {
    if (!participating) continue;
    europe.countries += 1;
    europe.teachers += r.europe.teachers;
    europe.schools += r.europe.schools;
    europe.projects += r.europe.projects;
    europe.projectsThisSchoolYear += r.europe.projectsThisSchoolYear;
    europe.activeProjects += r.europe.active;
    if (r.figures.source.kind === 'imported') europe.includesImported = true;
  }
  const taking = resolved.filter((e) => e.participating);
  const teacherRank = ranks(taking.map((e) => ({ code: e.c.code, value: e.r.figures.teachers })));
  const projectRank = ranks(taking.map((e) => ({ code: e.c.code, value: e.r.figures.projects })));
  const share = (value: number, total: number) => (total > 0 ? value / total : 0);
  const collator = new Intl.Collator(locale);
  const list: CountryFigures[] = resolved
    .filter((e) => e.participating || e.r.figures.teachers > 0 || e.r.figures.projects > 0)
    .map(({ c, r, participating }) => ({
      code: c.code,
      name: c.name,
      participating,
      ...r.figures,
      share: participating
        ? {
            teachers: share(r.figures.teachers, europe.teachers),
            schools: share(r.figures.schools, europe.schools),
            projects: share(r.figures.projects, europe.projects),
          }
        : { teachers: null, schools: null, projects: null },
      rank: { teachers: teacherRank.get(c.code) ?? null, projects: projectRank.get(c.code) ?? null },
    }))
    .sort((a, b) => collator.compare(a.name, b.name));
  return { date: day, schoolYear, europe, countries: list, licence: LICENCE };
}

/** A country's figures as of a day with Europe's, and its most frequent partner countries. */
export async function countryStatisticsAt(
  db: Db,
  code: string,
  day: string,
  locale: Locale,
): Promise<CountryStatisticsResponse> {
  const all = await statisticsAt(db, day, locale);
  const country = all.countries.find((c) => c.code === code);
  if (!country) {
    const known = await db.execute(sql`SELECT 1 FROM country WHERE code = ${code}`);
    if (!known.rows.length) throw new AppError('NOT_FOUND', 'error_country_not_found');
  }
  const figures: CountryFigures = country ?? {
    ...(await emptyCountry(db, code, locale)),
    participating: false,
  };
  return {
    date: day,
    schoolYear: all.schoolYear,
    country: figures,
    europe: all.europe,
    partners: await partnersAt(db, code, day, locale),
    licence: LICENCE,
  };
}

async function emptyCountry(db: Db, code: string, locale: Locale): Promise<CountryFigures> {
  const [row] = (await db.execute(sql`SELECT names ->> ${locale} AS name FROM country WHERE code = ${code}`)).rows as {
    name: string;
  }[];
  return {
    code,
    name: row?.name ?? code,
    participating: false,
    teachers: 0,
    schools: 0,
    projects: 0,
    projectsThisSchoolYear: 0,
    activeProjects: 0,
    source: { kind: 'live', name: null, date: null },
    share: { teachers: null, schools: null, projects: null },
    rank: { teachers: null, projects: null },
  };
}

/** The countries sharing most approved projects with `code` on or before `day`, most first (top 10). */
export async function partnersAt(db: Db, code: string, day: string, locale: Locale) {
  const until = await rolledUntil(db);
  const rolled = until ?? '0001-01-01';
  const { rows } = await db.execute(sql`
    SELECT c.code, c.names ->> ${locale} AS name, v.projects
    FROM country c
    JOIN LATERAL (
      SELECT projects FROM stat_partner_day s
      WHERE s.country_code = ${code} AND s.partner_code = c.code AND s.day <= least(${day}::date, ${rolled}::date)
      ORDER BY s.day DESC LIMIT 1
    ) v ON true
    WHERE c.code <> ${code}`);
  const counts = new Map((rows as { code: string; name: string; projects: number }[]).map((r) => [r.code, { ...r }]));
  if (day > rolled) {
    const names = new Map(
      (
        (await db.execute(sql`SELECT code, names ->> ${locale} AS name FROM country`)).rows as {
          code: string;
          name: string;
        }[]
      ).map((r) => [r.code, r.name]),
    );
    for (const d of await livePartnerDeltas(db, until, day)) {
      if (d.country !== code) continue;
      const entry = counts.get(d.partner) ?? { code: d.partner, name: names.get(d.partner) ?? d.partner, projects: 0 };
      entry.projects += d.projects;
      counts.set(d.partner, entry);
    }
  }
  const collator = new Intl.Collator(locale);
  return [...counts.values()]
    .filter((p) => p.projects > 0)
    .sort((a, b) => b.projects - a.projects || collator.compare(a.name, b.name))
    .slice(0, 10)
    .map((p) => ({ code: p.code, name: p.name, projects: Number(p.projects) }));
}
