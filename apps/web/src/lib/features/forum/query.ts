/**
 * The forum's list lives in its address (R-PF-2): every filter is a query parameter, so that a
 * list can be bookmarked, paged with plain links and kept when the language changes. Values stay
 * as written; the API validates them (a refusal is shown on the form).
 */

export interface ForumQuery {
  q: string;
  /** 'offer', 'seek' or '' (both). */
  kind: string;
  /** The author's country. */
  country: string;
  /** Posts wanting partners from this country. */
  wanted: string;
  ageMin: string;
  ageMax: string;
  subject: string;
  language: string;
  /** 'open' (the API's default), 'closed' or 'all'. */
  status: string;
  /** Only my own posts. */
  mine: boolean;
  cursor: string;
}

export const kinds = ['offer', 'seek'] as const;
export const statuses = ['open', 'closed', 'all'] as const;

/** Posts per page. */
export const PAGE_SIZE = 20;

/** The list the address asks for. */
export function readQuery(params: URLSearchParams): ForumQuery {
  const one = (key: string) => params.get(key)?.trim() ?? '';
  return {
    q: one('q'),
    kind: one('kind'),
    country: one('country'),
    wanted: one('wanted'),
    ageMin: one('ageMin'),
    ageMax: one('ageMax'),
    subject: one('subject'),
    language: one('language'),
    status: one('status') || 'open',
    mine: one('mine') === 'true',
    cursor: one('cursor'),
  };
}

/** Whether anything narrows the list beyond the default (open posts of everyone). */
export function hasFilters(query: ForumQuery): boolean {
  const { q, kind, country, wanted, ageMin, ageMax, subject, language, mine } = query;
  return (
    Boolean(q || kind || country || wanted || ageMin || ageMax || subject || language || mine) ||
    query.status !== 'open'
  );
}

/** The API's query for this list (GET /api/forum/posts). */
export function apiQuery(query: ForumQuery): URLSearchParams {
  const params = new URLSearchParams();
  for (const key of ['q', 'kind', 'country', 'wanted', 'ageMin', 'ageMax', 'subject', 'language'] as const) {
    if (query[key]) params.set(key, query[key]);
  }
  if (query.status !== 'open') params.set('status', query.status);
  if (query.mine) params.set('mine', 'true');
  if (query.cursor) params.set('cursor', query.cursor);
  params.set('limit', String(PAGE_SIZE));
  return params;
}

/** The same list at another page: the address as it is, with only the cursor changed (null: the first page). */
export function atCursor(url: URL, cursor: string | null): string {
  const params = new URLSearchParams(url.search);
  params.delete('cursor');
  if (cursor) params.set('cursor', cursor);
  const search = params.toString();
  return search ? `${url.pathname}?${search}` : url.pathname;
}
