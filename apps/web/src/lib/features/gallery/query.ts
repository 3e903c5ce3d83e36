/**
 * The gallery's search lives in its address (R-PRJ-5): every filter is a query parameter (a GET
 * form), so that a search can be bookmarked, shared, paged with plain links and kept when the
 * language changes. Values stay as written; the API validates them (a refusal is shown on the
 * form). Pure: tested on its own.
 */

export const galleryKinds = ['european', 'national'] as const;
export const galleryStates = ['all', 'active', 'closed'] as const;

/** Filters given as repeated parameters (?country=FR&country=IT). */
export const listKeys = ['country', 'subject', 'language'] as const;
type ListKey = (typeof listKeys)[number];

export interface GalleryQuery {
  q: string;
  country: string[];
  subject: string[];
  language: string[];
  ageMin: string;
  ageMax: string;
  /** 'european', 'national' or '' (both). */
  kind: string;
  /** The school year's first calendar year ('2026' = 2026-27), or ''. */
  schoolYear: string;
  /** 'all' (the default), 'active' or 'closed'. */
  state: string;
  cursor: string;
}

/** Projects per page. */
export const PAGE_SIZE = 20;

const unique = (values: string[]) => [...new Set(values.map((v) => v.trim()).filter(Boolean))];

/** The search the address asks for. */
export function readQuery(params: URLSearchParams): GalleryQuery {
  const one = (key: string) => params.get(key)?.trim() ?? '';
  const lists = Object.fromEntries(listKeys.map((k) => [k, unique(params.getAll(k))])) as Record<ListKey, string[]>;
  const state = one('state');
  return {
    q: one('q'),
    ...lists,
    // Country codes are capitals (?country=fr is France too).
    country: unique(lists.country.map((c) => c.toUpperCase())),
    ageMin: one('ageMin'),
    ageMax: one('ageMax'),
    kind: one('kind'),
    schoolYear: one('schoolYear'),
    state: state === '' ? 'all' : state,
    cursor: one('cursor'),
  };
}

/** Whether anything narrows the gallery (words or filters, not the page). */
export function hasFilters(query: GalleryQuery): boolean {
  const { q, ageMin, ageMax, kind, schoolYear } = query;
  return (
    listKeys.some((k) => query[k].length > 0) ||
    Boolean(q || ageMin || ageMax || kind || schoolYear) ||
    query.state !== 'all'
  );
}

/** The API's query (GET /api/gallery). */
export function apiQuery(query: GalleryQuery, limit = PAGE_SIZE): URLSearchParams {
  const params = new URLSearchParams();
  if (query.q) params.set('q', query.q);
  for (const key of listKeys) for (const value of query[key]) params.append(key, value);
  for (const key of ['ageMin', 'ageMax', 'kind', 'schoolYear'] as const) if (query[key]) params.set(key, query[key]);
  if (query.state !== 'all') params.set('state', query.state);
  if (query.cursor) params.set('cursor', query.cursor);
  params.set('limit', String(limit));
  return params;
}

/** The same search at another page: the address as it is, with only the cursor changed (null: the first page). */
export function atCursor(url: URL, cursor: string | null): string {
  const params = new URLSearchParams(url.search);
  params.delete('cursor');
  if (cursor) params.set('cursor', cursor);
  const search = params.toString();
  return search ? `${url.pathname}?${search}` : url.pathname;
}

/** The school year a day falls in, by its first calendar year: from September (2026-09-01 → 2026). */
export function schoolYearOf(day: Date): number {
  return day.getUTCMonth() >= 8 ? day.getUTCFullYear() : day.getUTCFullYear() - 1;
}

/** The school years to choose from, newest first: the current one back to `from`. */
export function schoolYears(today: Date, from = 2005): number[] {
  const current = schoolYearOf(today);
  const years: number[] = [];
  for (let y = current; y >= from; y--) years.push(y);
  return years;
}

/** A school year as written in both languages: 2026 → "2026-27". */
export function schoolYearText(year: number): string {
  return `${year}-${String((year + 1) % 100).padStart(2, '0')}`;
}
