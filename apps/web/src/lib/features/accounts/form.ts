/** Reading what a plain HTML form sent (FormData), the way the API expects it. */

export function text(data: FormData, name: string): string {
  const value = data.get(name);
  return typeof value === 'string' ? value : '';
}

export function texts(data: FormData, name: string): string[] {
  return data.getAll(name).filter((v): v is string => typeof v === 'string');
}

export const checked = (data: FormData, name: string): boolean => data.get(name) !== null;

/** A number field: empty → undefined (the API says "required"), not a number → the text (the API says "not valid"). */
export function numberField(data: FormData, name: string): number | string | undefined {
  const raw = text(data, name).trim();
  if (raw === '') return undefined;
  const n = Number(raw);
  return Number.isFinite(n) ? n : raw;
}

/** The action's address on the current page, keeping its query (country, search…) for the answer. */
export function actionUrl(url: URL, action: string): string {
  const query = new URLSearchParams(url.search);
  for (const key of [...query.keys()]) if (key.startsWith('/')) query.delete(key);
  const kept = query.toString();
  return `?${kept ? `${kept}&` : ''}/${action}`;
}

/** What a failed form sent back, as strings (formFailure keeps the values typed, never passwords). */
export function sentValue(form: { values?: Record<string, unknown> } | null | undefined, name: string): string {
  const value = form?.values?.[name];
  return typeof value === 'string' ? value : '';
}

export function sentValues(form: { values?: Record<string, unknown> } | null | undefined, name: string): string[] {
  const value = form?.values?.[name];
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

/** A form's answer as the components read it (formFailure's shape; every part optional). */
export type FormState =
  | { error?: string; code?: string; fields?: Record<string, string>; values?: Record<string, unknown> }
  | null
  | undefined;
