import type { Locale } from '@opentwinning/i18n';
import { href } from '$lib/paths';

/** Query keys that only carry a notice after a redirect: not kept in links and form addresses. */
const noticeKeys = ['done', 'decided', 'notice'];

/** The current query without notices and action names. */
function cleanQuery(url: URL): URLSearchParams {
  const query = new URLSearchParams(url.search);
  for (const key of [...query.keys()]) if (key.startsWith('/') || noticeKeys.includes(key)) query.delete(key);
  return query;
}

/** A form action's address that keeps the page's filters (SvelteKit reads the `/name` parameter). */
export function actionUrl(url: URL, name: string): string {
  const query = cleanQuery(url).toString();
  return `?${query ? `${query}&` : ''}/${name}`;
}

/** The same page with some query values changed (undefined or '' removes them). */
export function withQuery(url: URL, changes: Record<string, string | undefined>): string {
  const query = cleanQuery(url);
  for (const [key, value] of Object.entries(changes)) {
    if (value === undefined || value === '') query.delete(key);
    else query.set(key, value);
  }
  const s = query.toString();
  return s ? `${url.pathname}?${s}` : url.pathname;
}

/** A page of the NSS console: the queue, one registration, the audit log or the settings. */
export function nssHref(lang: Locale, sub?: string, query?: Record<string, string | undefined>): string {
  const base = href(lang, 'nss');
  const path = sub ? `${base}/${sub}` : base;
  const params = new URLSearchParams(
    Object.entries(query ?? {}).filter((e): e is [string, string] => e[1] !== undefined && e[1] !== ''),
  ).toString();
  return params ? `${path}?${params}` : path;
}
