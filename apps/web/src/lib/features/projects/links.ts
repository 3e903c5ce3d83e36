import type { Locale } from '@opentwinning/i18n';
import { pagePath } from '@opentwinning/contracts/paths';

/** Addresses of the project pages (pure, so that the wording that uses them can be tested on its own). */

function withQuery(path: string, query: Record<string, string | undefined> = {}): string {
  const params = new URLSearchParams(
    Object.entries(query).filter((e): e is [string, string] => e[1] !== undefined && e[1] !== ''),
  ).toString();
  return params ? `${path}?${params}` : path;
}

/** My projects: /es/proyectos, /en/projects. */
export function projectsHref(lang: Locale, query?: Record<string, string | undefined>): string {
  return pagePath(lang, 'projects', query);
}

/** One project: /es/proyectos/{id}. */
export function projectHref(lang: Locale, id: string, query?: Record<string, string | undefined>): string {
  return withQuery(`${pagePath(lang, 'projects')}/${encodeURIComponent(id)}`, query);
}

/** The founding form: /es/proyectos/new, optionally from a forum post (?post={id}). */
export function newProjectHref(lang: Locale, query?: Record<string, string | undefined>): string {
  return withQuery(`${pagePath(lang, 'projects')}/new`, query);
}

/** A member's profile: /es/personas/{username}. */
export function personHref(lang: Locale, username: string): string {
  return `${pagePath(lang, 'people')}/${encodeURIComponent(username)}`;
}
