import type {
  CountryFigures,
  CountryStatisticsResponse,
  EuropeFigures,
  SchoolYear,
  StatisticsResponse,
} from '@opentwinning/contracts';
import type { Db } from '../../platform/db/database.ts';
import { AppError } from '../../platform/errors.ts';
import type { Locale } from '../../platform/i18n.ts';
import { addDays, isoDay } from './statistics.rollup.ts';
import type { DayDelta } from './statistics.rollup.ts';
import { epochDay, lastOnOrBefore, statisticsState, type Snapshot } from './statistics.snapshot.ts';

const dayOf = (epoch: number) => isoDay(new Date(epoch * 86_400_000));

export const LICENCE = { name: 'CC BY 4.0', url: 'https://creativecommons.org/licenses/by/4.0/' };

/** A country's live figures at the end of a day. */
export type Values = Omit<DayDelta, 'area' | 'day'>;
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
  const first = String(Math.max(start, 0)).padStart(4, '0');
  return { start, label: `${first}-${String((start + 1) % 100).padStart(2, '0')}`, from: `${first}-09-01` };
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
 * Every country's live values at each of `dates`: the roll-up's last change on or before the day
 * (held in memory, statistics.snapshot.ts), plus the live changes after the roll-up; and the
 * imported figures on or before each date.
 */
export async function countriesAt(db: Db, dates: string[], locale: Locale): Promise<CountryAt[]> {
  const { snapshot, deltas } = await statisticsState(
    db,
    dates.reduce((a, b) => (a > b ? a : b)),
  );
  return countriesFrom(snapshot, deltas, dates, locale);
}

export function countriesFrom(snapshot: Snapshot, deltas: DayDelta[], dates: string[], locale: Locale): CountryAt[] {
  const out: CountryAt[] = snapshot.countries.map((meta) => {
    const series = snapshot.days.get(meta.code);
    const imports = snapshot.imports.get(meta.code) ?? [];
    const at = new Map<string, { live: Values; imported: Imported | null }>();
    for (const day of dates) {
      const live: Values = { ...ZERO };
      const i = series ? lastOnOrBefore(series.days, epochDay(day)) : -1;
      if (series && i >= 0) for (const m of metrics) live[m] = series[m][i]!;
      const imported = imports.findLast((r) => r.day <= day) ?? null;
      at.set(day, { live, imported });
    }
    return {
      code: meta.code,
      name: meta.names[locale] ?? meta.names.en ?? meta.code,
      joinedOn: meta.joinedOn,
      leftOn: meta.leftOn,
      firstLive: series ? dayOf(series.days[0]!) : null,
      at,
    };
  });
  const byCode = new Map(out.map((c) => [c.code, c]));
  for (const d of deltas) {
    const c = byCode.get(d.area);
    if (!c) continue;
    if (c.firstLive === null || d.day < c.firstLive) c.firstLive = d.day;
    for (const [day, entry] of c.at) {
      if (d.day > day) continue;
      for (const m of metrics) entry.live[m] += d[m];
    }
  }
  return out;
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
    // Known only from two imports: one within the school year, one at its eve or before.
    const before = eve.imported && (c.firstLive === null || yearEve < c.firstLive) ? eve.imported : null;
    const inYear = before && i.day > yearEve && before.day !== i.day ? Math.max(0, i.projects - before.projects) : null;
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
  const { snapshot, deltas, partnerDeltas } = await statisticsState(db, day, true);
  const schoolYear = schoolYearOf(day);
  const yearEve = addDays(schoolYear.from, -1);
  const all = statisticsFrom(countriesFrom(snapshot, deltas, [day, yearEve], locale), day, yearEve, schoolYear, locale);
  const meta = snapshot.countries.find((c) => c.code === code);
  if (!meta) throw new AppError('NOT_FOUND', 'error_country_not_found', { code });
  const country: CountryFigures = all.countries.find((c) => c.code === code) ?? {
    code,
    name: meta.names[locale] ?? meta.names.en ?? code,
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
  // The countries sharing most approved projects with it on or before the day, most first (top 10).
  const names = new Map(snapshot.countries.map((c) => [c.code, c.names[locale] ?? c.names.en ?? c.code]));
  const counts = new Map<string, number>();
  for (const [partner, series] of snapshot.partners.get(code) ?? []) {
    const i = lastOnOrBefore(series.days, epochDay(day));
    if (i >= 0) counts.set(partner, series.projects[i]!);
  }
  for (const d of partnerDeltas)
    if (d.country === code) counts.set(d.partner, (counts.get(d.partner) ?? 0) + d.projects);
  const collator = new Intl.Collator(locale);
  const partners = [...counts]
    .filter(([, n]) => n > 0)
    .map(([partner, projects]) => ({ code: partner, name: names.get(partner) ?? partner, projects }))
    .sort((a, b) => b.projects - a.projects || collator.compare(a.name, b.name))
    .slice(0, 10);
  return { date: day, schoolYear: all.schoolYear, country, europe: all.europe, partners, licence: LICENCE };
}
