import type { SeriesPeriod, SeriesPoint, SeriesResponse } from '@opentwinning/contracts';
import type { Db } from '../../platform/db/database.ts';
import { AppError } from '../../platform/errors.ts';
import { translate, type Locale } from '../../platform/i18n.ts';
import { addDays } from './statistics.rollup.ts';
import { countriesFrom, LICENCE, schoolYearOf, statisticsFrom, type CountryAt } from './statistics.figures.ts';
import { statisticsState, type ImportRow, type Snapshot } from './statistics.snapshot.ts';

const schoolYearLabel = (month: string) => schoolYearOf(`${month}-01`).label;

/**
 * R-STAT-2: the figures at the end of every month (or school year) up to `day`, for Europe or a
 * country: the finished months from the monthly roll-up, the running one as of `day`; before the
 * platform's own data, the imported figures (marked as such).
 */
export async function seriesAt(
  db: Db,
  options: { country?: string; by: SeriesPeriod; day: string; locale: Locale },
): Promise<SeriesResponse> {
  const { day, locale, by } = options;
  const code = options.country?.trim().toUpperCase() || undefined;
  const area = code ?? 'EU';
  const schoolYear = schoolYearOf(day);
  const yearEve = addDays(schoolYear.from, -1);
  const { snapshot, deltas } = await statisticsState(db, day);
  // The finished months of the monthly roll-up (a month the roll-up ended within is not finished there).
  const stored = (snapshot.months.get(area) ?? []).filter(
    (r) => r.month < day.slice(0, 7) && r.endDay === addDays(nextMonth(r.month), -1),
  );
  // Months after the roll-up (a missed night, the first hour of a month): computed like the running one.
  const fromMonth = stored.length ? nextMonth(stored.at(-1)!.month).slice(0, 7) : day.slice(0, 7);
  const gap: string[] = [];
  for (let m = fromMonth; m < day.slice(0, 7) && gap.length < 36; m = nextMonth(m).slice(0, 7)) gap.push(m);
  const ends = [...gap.map((m) => addDays(nextMonth(m), -1)), day];
  const eveOf = (end: string) => addDays(schoolYearOf(end).from, -1);
  const dates = new Set([
    day,
    yearEve,
    ...ends,
    ...ends.map(eveOf),
    ...[...gap, day.slice(0, 7)].map((m) => addDays(`${m}-01`, -1)),
  ]);
  const countries = countriesFrom(snapshot, deltas, [...dates], locale);
  const country = code ? countries.find((c) => c.code === code) : undefined;
  if (code && !country) throw new AppError('NOT_FOUND', 'error_country_not_found', { code });

  const months: SeriesPoint[] = stored.map((r) => ({
    period: r.month,
    end: r.endDay,
    teachers: r.teachers,
    schools: r.schools,
    projects: r.projects,
    newProjects: r.newProjects,
    activeProjects: r.activeProjects,
    source: 'live',
  }));

  /** The point of a month from the live values at its end and at the previous month's end. */
  const pointAt = (month: string, end: string): SeriesPoint | undefined => {
    const eve = addDays(`${month}-01`, -1);
    const figures = statisticsFrom(countries, end, eveOf(end), schoolYearOf(end), locale);
    if (country) {
      const c = figures.countries.find((f) => f.code === code);
      if (!c || c.source.kind !== 'live' || (country.firstLive ?? '9999') > end) return undefined;
      const before = country.at.get(eve)!.live;
      return {
        period: month,
        end,
        teachers: c.teachers,
        schools: c.schools,
        projects: c.projects,
        newProjects: c.projects - before.projects,
        activeProjects: c.activeProjects,
        source: 'live',
      };
    }
    const taking = countries.filter((c) => c.joinedOn <= end && (c.leftOn === null || c.leftOn >= end));
    if (!taking.some((c) => c.firstLive !== null && c.firstLive <= end)) return undefined;
    return {
      period: month,
      end,
      teachers: figures.europe.teachers,
      schools: figures.europe.schools,
      projects: figures.europe.projects,
      newProjects: taking.reduce((sum, c) => sum + c.at.get(end)!.live.founded - c.at.get(eve)!.live.founded, 0),
      activeProjects: figures.europe.activeProjects,
      source: 'live',
    };
  };
  for (const [i, m] of [...gap, day.slice(0, 7)].entries()) {
    const point = pointAt(m, ends[i]!);
    if (point) months.push(point);
  }

  if (!country) addImportedToEurope(months, countries, snapshot, day);
  const imported = country ? importedPoints(snapshot.imports.get(country.code) ?? [], day, country.firstLive) : [];
  const points = by === 'month' ? [...imported, ...months] : bySchoolYear([...imported, ...months]);
  return {
    date: day,
    area: code ?? 'europe',
    name: country ? country.name : translate(locale, 'statistics_europe'),
    by,
    points,
    licence: LICENCE,
  };
}

/**
 * Europe's months with the imported figures of the countries taking part at each month's end that
 * have no data of their own yet (as Europe's "as of" figures count them); such points are 'mixed',
 * or 'imported' when no country has data of its own.
 */
function addImportedToEurope(months: SeriesPoint[], countries: CountryAt[], snapshot: Snapshot, day: string): void {
  const importing = countries.filter((c) => snapshot.imports.has(c.code));
  if (!importing.length) return;
  const first = importing.map((c) => snapshot.imports.get(c.code)![0]!.day.slice(0, 7)).sort()[0]!;
  const byMonth = new Map(months.map((p) => [p.period, p]));
  let previousProjects = 0;
  for (let m = first; m <= day.slice(0, 7); m = nextMonth(m).slice(0, 7)) {
    const end = m === day.slice(0, 7) ? day : addDays(nextMonth(m), -1);
    let teachers = 0;
    let schools = 0;
    let projects = 0;
    for (const c of importing) {
      if (!(c.joinedOn <= end && (c.leftOn === null || c.leftOn >= end))) continue;
      if (c.firstLive !== null && c.firstLive <= end) continue;
      const row = snapshot.imports.get(c.code)!.findLast((r) => r.day <= end);
      if (!row) continue;
      teachers += row.teachers;
      schools += row.schools;
      projects += row.projects;
    }
    const added = Math.max(0, projects - previousProjects);
    previousProjects = projects;
    if (teachers + schools + projects === 0) continue;
    const point = byMonth.get(m);
    if (point) {
      point.teachers += teachers;
      point.schools += schools;
      point.projects += projects;
      point.newProjects += added;
      point.source = 'mixed';
    } else {
      const created: SeriesPoint = {
        period: m,
        end,
        teachers,
        schools,
        projects,
        newProjects: added,
        activeProjects: null,
        source: 'imported',
      };
      byMonth.set(m, created);
    }
  }
  months.splice(0, months.length, ...[...byMonth.values()].sort((a, b) => a.period.localeCompare(b.period)));
}

/** The first day of the month after `month` ('YYYY-MM'). */
function nextMonth(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return m === 12
    ? `${String(y + 1).padStart(4, '0')}-01-01`
    : `${String(y).padStart(4, '0')}-${String(m + 1).padStart(2, '0')}-01`;
}

/** Imported figures before the platform's own data, one point per month (the month's latest). */
function importedPoints(rows: ImportRow[], day: string, firstLive: string | null): SeriesPoint[] {
  const kept = rows.filter((r) => r.day <= day && (firstLive === null || r.day < firstLive));
  const lastOfMonth = kept.filter((r, i) => kept[i + 1]?.day.slice(0, 7) !== r.day.slice(0, 7));
  let previous = 0;
  return lastOfMonth.map((r) => {
    const point: SeriesPoint = {
      period: r.day.slice(0, 7),
      end: r.day,
      teachers: r.teachers,
      schools: r.schools,
      projects: r.projects,
      newProjects: Math.max(0, r.projects - previous),
      activeProjects: null,
      source: 'imported',
    };
    previous = r.projects;
    return point;
  });
}

/** Months grouped by school year: the figures at the year's last month, the projects approved during it. */
function bySchoolYear(months: SeriesPoint[]): SeriesPoint[] {
  const years: SeriesPoint[] = [];
  for (const m of months) {
    const label = schoolYearLabel(m.period);
    const current = years.at(-1);
    if (current && current.period === label) {
      const source = current.source === m.source ? m.source : 'mixed';
      years[years.length - 1] = { ...m, period: label, newProjects: current.newProjects + m.newProjects, source };
    } else {
      years.push({ ...m, period: label });
    }
  }
  return years;
}
