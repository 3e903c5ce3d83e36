import type { SeriesPeriod, SeriesPoint, SeriesResponse } from '@opentwinning/contracts';
import type { Db } from '../../platform/db/database.ts';
import { AppError } from '../../platform/errors.ts';
import { translate, type Locale } from '../../platform/i18n.ts';
import { addDays } from './statistics.rollup.ts';
import { countriesFrom, LICENCE, schoolYearOf, statisticsFrom } from './statistics.figures.ts';
import { statisticsState, type ImportRow } from './statistics.snapshot.ts';

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
  const monthStart = `${day.slice(0, 7)}-01`;
  const eve = addDays(monthStart, -1);
  const schoolYear = schoolYearOf(day);
  const yearEve = addDays(schoolYear.from, -1);
  const { snapshot, deltas } = await statisticsState(db, day);
  const countries = countriesFrom(snapshot, deltas, [...new Set([day, yearEve, eve])], locale);
  const country = code ? countries.find((c) => c.code === code) : undefined;
  if (code && !country) throw new AppError('NOT_FOUND', 'error_country_not_found', { code });

  const months: SeriesPoint[] = (snapshot.months.get(area) ?? [])
    .filter((r) => r.month < day.slice(0, 7))
    .map((r) => ({
      period: r.month,
      end: r.endDay,
      teachers: r.teachers,
      schools: r.schools,
      projects: r.projects,
      newProjects: r.newProjects,
      activeProjects: r.activeProjects,
      source: 'live',
    }));

  // The running month, as of the day.
  const now = statisticsFrom(countries, day, yearEve, schoolYear, locale);
  let last: SeriesPoint | undefined;
  if (country) {
    const figures = now.countries.find((c) => c.code === code);
    const atEve = country.at.get(eve)!.live;
    if (figures && figures.source.kind === 'live' && (country.firstLive ?? '9999') <= day) {
      last = {
        period: day.slice(0, 7),
        end: day,
        teachers: figures.teachers,
        schools: figures.schools,
        projects: figures.projects,
        newProjects: figures.projects - atEve.projects,
        activeProjects: figures.activeProjects,
        source: 'live',
      };
    }
  } else {
    const participating = countries.filter((c) => c.joinedOn <= day && (c.leftOn === null || c.leftOn >= day));
    const anyLive = participating.some((c) => c.firstLive !== null && c.firstLive <= day);
    if (anyLive) {
      last = {
        period: day.slice(0, 7),
        end: day,
        teachers: now.europe.teachers,
        schools: now.europe.schools,
        projects: now.europe.projects,
        newProjects: participating.reduce((s, c) => s + c.at.get(day)!.live.founded - c.at.get(eve)!.live.founded, 0),
        activeProjects: now.europe.activeProjects,
        source: 'live',
      };
    }
  }
  if (last) months.push(last);

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
    if (current && current.period === label && current.source === m.source) {
      years[years.length - 1] = { ...m, period: label, newProjects: current.newProjects + m.newProjects };
    } else {
      years.push({ ...m, period: label });
    }
  }
  return years;
}
