import type { ApiErrorBody } from '@opentwinning/contracts';
import { error, fail } from '@sveltejs/kit';

type Fetch = typeof globalThis.fetch;

export type ApiError = ApiErrorBody['error'];
export type ApiResult<T> = { ok: true; status: number; data: T } | { ok: false; status: number; error: ApiError };

/** Calls the API (in-process on the server) and returns its data or its error body. */
export async function callApi<T>(
  fetch: Fetch,
  path: string,
  options: { method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'; body?: unknown; as?: 'json' | 'text' } = {},
): Promise<ApiResult<T>> {
  const res = await fetch(path, {
    method: options.method ?? 'GET',
    headers: options.body === undefined ? undefined : { 'content-type': 'application/json' },
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
  });
  if (res.ok) {
    const data = res.status === 204 ? undefined : options.as === 'text' ? await res.text() : await res.json();
    return { ok: true, status: res.status, data: data as T };
  }
  const body = (await res.json().catch(() => undefined)) as ApiErrorBody | undefined;
  return { ok: false, status: res.status, error: body?.error ?? { code: 'INTERNAL', message: res.statusText } };
}

/** Like callApi for a GET, but an error becomes the page's error (its message is already translated). */
export async function getFromApi<T>(fetch: Fetch, path: string, as: 'json' | 'text' = 'json'): Promise<T> {
  const result = await callApi<T>(fetch, path, { as });
  if (!result.ok) error(result.status, { message: result.error.message, code: result.error.code });
  return result.data;
}

/**
 * For form actions: the API's refusal as the form's failure, with the values typed so far
 * (never passwords) so that nothing is lost.
 */
export function formFailure(result: { status: number; error: ApiError }, values: Record<string, unknown> = {}) {
  return fail(result.status, {
    error: result.error.message,
    code: result.error.code,
    fields: result.error.fields ?? {},
    values,
  });
}
