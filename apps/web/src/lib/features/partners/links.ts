import type { Locale } from '@opentwinning/i18n';
import { href } from '$lib/paths';

/** A member's profile: /es/personas/{username}, /en/people/{username}. */
export function personHref(lang: Locale, username: string, query?: Record<string, string | undefined>): string {
  return withQuery(`${href(lang, 'people')}/${encodeURIComponent(username)}`, query);
}

/** Writing to someone: the inbox opens the conversation with them, or a first message (no JS needed). */
export function writeHref(lang: Locale, username: string): string {
  return href(lang, 'inbox', { to: username });
}

/** One conversation: /es/mensajes/{id}, /en/messages/{id}. */
export function conversationHref(lang: Locale, id: string, query?: Record<string, string | undefined>): string {
  return withQuery(`${href(lang, 'inbox')}/${encodeURIComponent(id)}`, query);
}

function withQuery(path: string, query: Record<string, string | undefined> = {}): string {
  const params = new URLSearchParams(
    Object.entries(query).filter((e): e is [string, string] => e[1] !== undefined && e[1] !== ''),
  ).toString();
  return params ? `${path}?${params}` : path;
}
