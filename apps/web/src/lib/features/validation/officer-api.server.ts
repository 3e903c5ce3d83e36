import type { Locale } from '@opentwinning/i18n';
import { error, redirect } from '@sveltejs/kit';
import { callApi, formFailure, type ApiResult } from '$lib/api';
import { m } from '$lib/messages';
import { href } from '$lib/paths';

type Fetch = typeof globalThis.fetch;
interface Event {
  fetch: Fetch;
  url: URL;
  params: Partial<Record<string, string>>;
}

/** A signed-out visitor goes to the sign-in page, and comes back here afterwards. */
export function toSignIn(event: Event): never {
  const lang = event.params.lang as Locale;
  const query = new URLSearchParams(event.url.search);
  for (const key of [...query.keys()]) if (key.startsWith('/')) query.delete(key); // a form action's name
  const next = query.size ? `${event.url.pathname}?${query}` : event.url.pathname;
  redirect(303, href(lang, 'signIn', { next }));
}

/**
 * A read for an officer's page. The API decides who may see what: signed out → sign-in page;
 * any other refusal → the page's error, with the API's message (already in the page's language).
 * With `addressed`, a malformed id in the address (the API's 422) is a page that does not exist.
 */
export async function officerGet<T>(event: Event, path: string, addressed = false): Promise<T> {
  const result = await callApi<T>(event.fetch, path);
  if (result.ok) return result.data;
  if (result.status === 401) toSignIn(event);
  if (addressed && result.status === 422) error(404, { message: m.error_not_found(), code: 'NOT_FOUND' });
  error(result.status, { message: result.error.message, code: result.error.code });
}

/** A write from a form action: signed out → sign-in page; otherwise the API's answer. */
export async function officerWrite<T>(
  event: Event,
  path: string,
  method: 'POST' | 'PUT' | 'DELETE',
  body?: unknown,
): Promise<ApiResult<T>> {
  const result = await callApi<T>(event.fetch, path, { method, body });
  if (!result.ok && result.status === 401) toSignIn(event);
  return result;
}

/** The address to come back to after a form: the same page and filters, with a notice. */
export function backWith(url: URL, notice: Record<string, string>): string {
  const query = new URLSearchParams(url.search);
  for (const key of [...query.keys()]) if (key.startsWith('/')) query.delete(key);
  for (const key of ['done', 'decided', 'notice']) query.delete(key);
  for (const [key, value] of Object.entries(notice)) query.set(key, value);
  return `${url.pathname}?${query}`;
}

/** Runs a form's write; a refusal becomes the form's failure (keeping what was typed), success a 303. */
export async function submit<T>(
  event: Event,
  call: { path: string; method: 'POST' | 'PUT' | 'DELETE'; body?: unknown },
  values: Record<string, unknown>,
  onSuccess: (data: T) => Record<string, string>,
) {
  const result = await officerWrite<T>(event, call.path, call.method, call.body);
  if (!result.ok) return formFailure(result, values);
  redirect(303, backWith(event.url, onSuccess(result.data)));
}
