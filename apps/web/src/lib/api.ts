import type { ApiErrorBody } from '@opentwinning/contracts';
import { error } from '@sveltejs/kit';

type Fetch = typeof globalThis.fetch;

export type ApiResult<T> = { ok: true; data: T } | { ok: false; status: number; error: ApiErrorBody['error'] };

/** Calls the API (in-process on the server) and returns its data or its error body. */
export async function callApi<T>(fetch: Fetch, path: string, as: 'json' | 'text' = 'json'): Promise<ApiResult<T>> {
  const res = await fetch(path);
  if (res.ok) return { ok: true, data: (as === 'json' ? await res.json() : await res.text()) as T };
  const body = (await res.json().catch(() => undefined)) as ApiErrorBody | undefined;
  return {
    ok: false,
    status: res.status,
    error: body?.error ?? { code: 'INTERNAL', message: res.statusText },
  };
}

/** Like callApi, but an error becomes the page's error (its message is already translated). */
export async function getFromApi<T>(fetch: Fetch, path: string, as: 'json' | 'text' = 'json'): Promise<T> {
  const result = await callApi<T>(fetch, path, as);
  if (!result.ok) error(result.status, { message: result.error.message, code: result.error.code });
  return result.data;
}
