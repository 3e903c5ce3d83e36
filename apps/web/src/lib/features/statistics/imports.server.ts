import type { StatisticsImport, StatisticsImportsResponse } from '@opentwinning/contracts';
import type { Locale } from '@opentwinning/i18n';
import * as m from '@opentwinning/i18n/messages';
import { error, redirect } from '@sveltejs/kit';
import { callApi, formFailure } from '$lib/api';
import { toSignIn, type Event } from './monitoring.server';
import { dayText, momentText, numberText } from './present';
import type { ImportRow } from './types';

const formatLocale: Record<Locale, string> = { es: 'es-ES', en: 'en-GB' };

/** A country named by Intl (the import lists codes; they may be countries that no longer take part). */
function countryName(code: string, lang: Locale): string {
  try {
    return new Intl.DisplayNames([formatLocale[lang]], { type: 'region' }).of(code) ?? code;
  } catch {
    return code;
  }
}

function importRow(i: StatisticsImport, lang: Locale): ImportRow {
  const o = { locale: lang };
  const collator = new Intl.Collator(lang);
  return {
    id: i.id,
    source: i.source,
    rows: numberText(i.rows, lang),
    countries: i.countries
      .map((c) => countryName(c, lang))
      .sort(collator.compare)
      .join(', '),
    period:
      i.from === i.to
        ? dayText(i.from, lang)
        : m.stats_period({ from: dayText(i.from, lang), to: dayText(i.to, lang) }, o),
    imported: momentText(i.importedAt, lang),
    by: i.importedBy ?? m.stats_dash({}, o),
  };
}

/** The notice after a form, from the address (?notice=imported|deleted). */
function noticeText(url: URL, lang: Locale): string | null {
  const o = { locale: lang };
  const notice = url.searchParams.get('notice');
  if (notice === 'imported') return m.stats_import_done({ source: url.searchParams.get('source') ?? '' }, o);
  if (notice === 'deleted') return m.stats_import_deleted({}, o);
  return null;
}

/**
 * The imports of historical figures (GET /api/statistics/imports), for CSS officers. The API
 * decides who may read it: signed out → sign-in; refused → the page's error.
 */
export async function loadImports(event: Event): Promise<{ imports: ImportRow[]; notice: string | null }> {
  const lang = event.params.lang as Locale;
  const result = await callApi<StatisticsImportsResponse>(event.fetch, '/api/statistics/imports');
  if (!result.ok) {
    if (result.status === 401) toSignIn(event);
    error(result.status, { message: result.error.message, code: result.error.code });
  }
  return { imports: result.data.imports.map((i) => importRow(i, lang)), notice: noticeText(event.url, lang) };
}

/** The page again, with a notice (form actions' names and old notices dropped). */
function backWith(url: URL, notice: Record<string, string>): string {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(notice)) query.set(key, value);
  return `${url.pathname}?${query}`;
}

/**
 * Form action: imports a CSV (POST /api/statistics/imports), typed in the text area or chosen as a
 * file (the file wins when both are given). A refusal (422: per line) comes back with what was
 * typed; success comes back to the list with a notice.
 */
export async function importAction(event: Event & { request: Request }) {
  const form = await event.request.formData();
  const source = String(form.get('source') ?? '').trim();
  let csv = String(form.get('csv') ?? '');
  const file = form.get('file');
  if (file instanceof File && file.size > 0) csv = await file.text();
  const result = await callApi<StatisticsImport>(event.fetch, '/api/statistics/imports', {
    method: 'POST',
    body: { source, csv },
  });
  if (!result.ok) {
    if (result.status === 401) toSignIn(event);
    return formFailure(result, { source, csv });
  }
  redirect(303, backWith(event.url, { notice: 'imported', source: result.data.source }));
}

/** Form action: deletes an import and its figures (DELETE /api/statistics/imports/{id}). */
export async function deleteAction(event: Event & { request: Request }) {
  const form = await event.request.formData();
  const id = String(form.get('id') ?? '');
  if (!id) error(404, { message: m.error_not_found(), code: 'NOT_FOUND' });
  const result = await callApi<void>(event.fetch, `/api/statistics/imports/${encodeURIComponent(id)}`, {
    method: 'DELETE',
  });
  if (!result.ok) {
    if (result.status === 401) toSignIn(event);
    return formFailure(result, { form: 'delete' });
  }
  redirect(303, backWith(event.url, { notice: 'deleted' }));
}
