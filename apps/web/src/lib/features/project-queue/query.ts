/**
 * The project-approval queue lives in its address: its filters are query parameters (a GET
 * form), so that a view can be bookmarked, paged with plain links and kept when the language
 * changes. After a decision the page comes back with a notice in the query (`done`, `project`,
 * `at`), which links and form addresses leave out. Pure: tested on its own.
 */

export const queueKinds = ['european', 'national'] as const;
export const queueScopes = ['mine', 'all'] as const;
export type QueueScope = (typeof queueScopes)[number];

export interface ProjectQueueQuery {
  /** ISO code of one country (offered to the CSS and to officers of several countries). */
  country: string;
  /** 'european', 'national' or '' (both). */
  kind: string;
  /** Steps I can act on now (the default), or every step awaited in my countries. */
  scope: QueueScope;
  cursor: string;
}

/** Steps per page. */
export const PAGE_SIZE = 25;

/** The decisions a row's forms make, and the notice each leaves. */
export const decisions = ['approved', 'rejected', 'consented'] as const;
export type Decision = (typeof decisions)[number];

/** Query keys that only carry a notice after a decision. */
const noticeKeys = ['done', 'project', 'at'];

/** The queue the address asks for. */
export function readQuery(params: URLSearchParams): ProjectQueueQuery {
  const one = (key: string) => params.get(key)?.trim() ?? '';
  return {
    country: one('country').toUpperCase(),
    kind: one('kind'),
    scope: one('scope') === 'all' ? 'all' : 'mine',
    cursor: one('cursor'),
  };
}

/** Whether anything narrows the queue beyond the default (the steps I can act on now). */
export function hasFilters(query: ProjectQueueQuery): boolean {
  return Boolean(query.country || query.kind) || query.scope !== 'mine';
}

/** The API's query (GET /api/project-queue). */
export function apiQuery(query: ProjectQueueQuery, limit = PAGE_SIZE): URLSearchParams {
  const params = new URLSearchParams();
  if (query.country) params.set('country', query.country);
  if (query.kind) params.set('kind', query.kind);
  params.set('scope', query.scope);
  if (query.cursor) params.set('cursor', query.cursor);
  params.set('limit', String(limit));
  return params;
}

/** The page's query without notices and form-action names. */
function cleanQuery(url: URL): URLSearchParams {
  const query = new URLSearchParams(url.search);
  for (const key of [...query.keys()]) if (key.startsWith('/') || noticeKeys.includes(key)) query.delete(key);
  return query;
}

/** The same queue at another page (null: the first one). */
export function atCursor(url: URL, cursor: string | null): string {
  const query = cleanQuery(url);
  query.delete('cursor');
  if (cursor) query.set('cursor', cursor);
  const s = query.toString();
  return s ? `${url.pathname}?${s}` : url.pathname;
}

/** A form action's address that keeps the queue's filters and page (SvelteKit reads `/name`). */
export function actionUrl(url: URL, name: string): string {
  const query = cleanQuery(url).toString();
  return `?${query ? `${query}&` : ''}/${name}`;
}

/**
 * Where a decision comes back to: the same filters with a notice. The page shown before may have
 * emptied (the step is no longer awaited), so the queue starts again from its first page.
 */
export function afterDecision(url: URL, decision: Decision, projectId: string, at: string): string {
  const query = cleanQuery(url);
  query.delete('cursor');
  query.set('done', decision);
  query.set('project', projectId);
  if (at) query.set('at', at);
  return `${url.pathname}?${query}`;
}

export interface DecisionNotice {
  decision: Decision;
  projectId: string;
  /** The country (approval, rejection) or the region's id (consent). */
  at: string;
}

/** The notice the address carries after a decision, if any. */
export function readNotice(params: URLSearchParams): DecisionNotice | null {
  const decision = params.get('done') ?? '';
  const projectId = params.get('project') ?? '';
  if (!(decisions as readonly string[]).includes(decision) || !projectId) return null;
  return { decision: decision as Decision, projectId, at: params.get('at') ?? '' };
}
