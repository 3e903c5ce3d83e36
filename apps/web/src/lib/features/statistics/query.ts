/**
 * The statistics pages keep their state in the address (GET forms and plain links): the date
 * (?date=YYYY-MM-DD, today when absent), the map's metric and the countries table's order. Values
 * stay as written; the API validates the date (its refusal is shown on the form). Pure: tested on
 * its own.
 */
import { statisticsMetrics, type StatisticsMetric } from '@opentwinning/contracts';

export { statisticsMetrics };

/** The countries table's sortable columns, in the order they show. */
export const sortColumns = [
  'country',
  'teachers',
  'schools',
  'projects',
  'thisYear',
  'active',
  'share',
  'rank',
  'source',
] as const;
export type SortColumn = (typeof sortColumns)[number];
export type SortDir = 'asc' | 'desc';

export interface StatisticsQuery {
  /** As written in the address ('' = today). */
  date: string;
  metric: StatisticsMetric;
  sort: SortColumn;
  dir: SortDir;
}

/** Without a choice: the biggest countries first (the ranking), teachers on the map. */
export const defaultSort: { sort: SortColumn; dir: SortDir } = { sort: 'teachers', dir: 'desc' };
export const defaultMetric: StatisticsMetric = 'teachers';

/** The direction a column is sorted in when first chosen: words A→Z, ranks 1→n, figures most first. */
export function firstDir(column: SortColumn): SortDir {
  return column === 'country' || column === 'rank' || column === 'source' ? 'asc' : 'desc';
}

const isMetric = (v: string): v is StatisticsMetric => (statisticsMetrics as readonly string[]).includes(v);
const isColumn = (v: string): v is SortColumn => (sortColumns as readonly string[]).includes(v);

/** What the address asks for; unknown values fall back to the defaults. */
export function readQuery(params: URLSearchParams): StatisticsQuery {
  const one = (key: string) => params.get(key)?.trim() ?? '';
  const metric = one('metric');
  const sort = one('sort');
  const dir = one('dir');
  const column = isColumn(sort) ? sort : defaultSort.sort;
  return {
    date: one('date'),
    metric: isMetric(metric) ? metric : defaultMetric,
    sort: column,
    dir: dir === 'asc' || dir === 'desc' ? dir : isColumn(sort) ? firstDir(column) : defaultSort.dir,
  };
}

/** A date the address may carry on to other pages (well formed; the API has the last word). */
export const isIsoDate = (v: string) => /^\d{4}-\d{2}-\d{2}$/.test(v);

/** The same page with some parameters changed ('' or undefined: removed), and an optional anchor. */
export function withParams(url: URL, changes: Record<string, string | undefined>, anchor?: string): string {
  const params = new URLSearchParams(url.search);
  for (const [key, value] of Object.entries(changes)) {
    if (value) params.set(key, value);
    else params.delete(key);
  }
  const search = params.toString();
  return `${url.pathname}${search ? `?${search}` : ''}${anchor ? `#${anchor}` : ''}`;
}

/**
 * A column header's link: the sorted column flips its direction, another one starts in its own
 * (date and metric kept). Lands on the table, so that a reader without JavaScript stays there.
 */
export function sortHref(url: URL, query: StatisticsQuery, column: SortColumn): string {
  const dir: SortDir = query.sort === column ? (query.dir === 'asc' ? 'desc' : 'asc') : firstDir(column);
  return withParams(url, { sort: column, dir }, 'countries-table');
}

/** A metric switcher's link (date and order kept); lands on the map. */
export function metricHref(url: URL, metric: StatisticsMetric): string {
  return withParams(url, { metric: metric === defaultMetric ? undefined : metric }, 'stats-map');
}

/** What a row is sorted by. */
export interface SortableRow {
  name: string;
  participating: boolean;
  teachers: number;
  schools: number;
  projects: number;
  /** Null: unknown (imported figures that do not say it). */
  projectsThisSchoolYear: number | null;
  activeProjects: number | null;
  share: number | null;
  rank: number | null;
  /** '' for live figures; the import's name for imported ones. */
  sourceKey: string;
}

function key(row: SortableRow, column: SortColumn): number | string {
  switch (column) {
    case 'country':
      return row.name;
    case 'teachers':
      return row.teachers;
    case 'schools':
      return row.schools;
    case 'projects':
      return row.projects;
    case 'thisYear':
      return row.projectsThisSchoolYear ?? -1;
    case 'active':
      return row.activeProjects ?? -1;
    case 'share':
      return row.share ?? -1;
    case 'rank':
      return row.rank ?? Number.MAX_SAFE_INTEGER;
    case 'source':
      return row.sourceKey;
  }
}

/**
 * The rows in the asked order: the countries taking part on the date first, then the others (each
 * group in that order); ties by name. Returns new arrays.
 */
export function sortRows<T extends SortableRow>(
  rows: T[],
  column: SortColumn,
  dir: SortDir,
  lang: string,
): { participating: T[]; others: T[] } {
  const collator = new Intl.Collator(lang, { sensitivity: 'base', numeric: true });
  const sign = dir === 'asc' ? 1 : -1;
  const compare = (a: T, b: T) => {
    const ka = key(a, column);
    const kb = key(b, column);
    const primary =
      typeof ka === 'number' && typeof kb === 'number' ? ka - kb : collator.compare(String(ka), String(kb));
    return primary !== 0 ? sign * primary : collator.compare(a.name, b.name);
  };
  return {
    participating: rows.filter((r) => r.participating).sort(compare),
    others: rows.filter((r) => !r.participating).sort(compare),
  };
}
