/**
 * The partner search lives in its address (R-PF-1): every filter is a query parameter, so that a
 * search can be bookmarked, shared, paged with plain links and kept when the language changes.
 * Values stay as written; the API validates them (a refusal is shown on the form).
 */

export type SearchIn = 'teachers' | 'schools';

/** Filters given as repeated parameters (?country=FR&country=DE). */
export const listKeys = ['country', 'category', 'subject', 'language', 'schoolType'] as const;
export type ListKey = (typeof listKeys)[number];

/** Facet groups of each search, in the order the form shows them. */
export const facetGroups: Record<SearchIn, readonly FacetName[]> = {
  teachers: ['country', 'category', 'subject', 'language', 'schoolType', 'looking'],
  schools: ['country', 'category', 'schoolType'],
};
export type FacetName = ListKey | 'looking';

/** The "active within" choices, in months ('' = any time). */
export const activeChoices = ['', '3', '6', '12'] as const;

export interface SearchQuery {
  in: SearchIn;
  q: string;
  country: string[];
  category: string[];
  subject: string[];
  language: string[];
  schoolType: string[];
  /** 'true' when only people looking for partners are wanted. */
  looking: string;
  activeMonths: string;
  ageMin: string;
  ageMax: string;
  cursor: string;
}

/** Results per page. */
export const PAGE_SIZE = 20;

const unique = (values: string[]) => [...new Set(values.map((v) => v.trim()).filter(Boolean))];

/** The search the address asks for. */
export function readQuery(params: URLSearchParams): SearchQuery {
  const one = (key: string) => params.get(key)?.trim() ?? '';
  const lists = Object.fromEntries(listKeys.map((k) => [k, unique(params.getAll(k))])) as Record<ListKey, string[]>;
  return {
    in: one('in') === 'schools' ? 'schools' : 'teachers',
    q: one('q'),
    ...lists,
    looking: one('looking'),
    activeMonths: one('activeMonths'),
    ageMin: one('ageMin'),
    ageMax: one('ageMax'),
    cursor: one('cursor'),
  };
}

/** Whether any filter (not the text, not the page) is set. */
export function hasFilters(query: SearchQuery): boolean {
  return (
    listKeys.some((k) => query[k].length > 0) ||
    Boolean(query.looking || query.activeMonths || query.ageMin || query.ageMax)
  );
}

/**
 * The API's query for this search (GET /api/search/teachers or /schools). The school search does
 * not take the teacher-only filters. `without` leaves one facet group out (for its counts).
 */
export function apiQuery(
  query: SearchQuery,
  options: { without?: FacetName; limit?: number; page?: boolean } = {},
): URLSearchParams {
  const params = new URLSearchParams();
  const teachers = query.in === 'teachers';
  if (query.q) params.set('q', query.q);
  for (const key of listKeys) {
    if (key === options.without) continue;
    if (!teachers && (key === 'subject' || key === 'language')) continue;
    for (const value of query[key]) params.append(key, value);
  }
  if (query.ageMin) params.set('ageMin', query.ageMin);
  if (query.ageMax) params.set('ageMax', query.ageMax);
  if (teachers && query.looking && options.without !== 'looking') params.set('looking', query.looking);
  if (teachers && query.activeMonths) params.set('activeMonths', query.activeMonths);
  if (options.page !== false && query.cursor) params.set('cursor', query.cursor);
  params.set('limit', String(options.limit ?? PAGE_SIZE));
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

/** The same search without its filters: the words and where to look are kept. */
export function withoutFilters(url: URL, query: SearchQuery): string {
  const params = new URLSearchParams();
  if (query.q) params.set('q', query.q);
  params.set('in', query.in);
  return `${url.pathname}?${params}`;
}
