import type { CountriesResponse, MeResponse, ProjectDetail, ProjectQueueResponse } from '@opentwinning/contracts';
import type { Locale } from '@opentwinning/i18n';
import { error, redirect } from '@sveltejs/kit';
import { callApi, formFailure } from '$lib/api';
import { m } from '$lib/messages';
import { href } from '$lib/paths';
import { decisionText, intlCountryName, presentFigures, presentRow, type CountryNamer } from './present';
import { afterDecision, apiQuery, atCursor, hasFilters, readNotice, readQuery, type Decision } from './query';
import type { Option, QueueView } from './types';

type Fetch = typeof globalThis.fetch;
interface Event {
  fetch: Fetch;
  url: URL;
  params: Partial<Record<string, string>>;
}

/** A signed-out visitor goes to the sign-in page, and comes back here afterwards. */
function toSignIn(event: Event): never {
  const query = new URLSearchParams(event.url.search);
  for (const key of [...query.keys()]) if (key.startsWith('/')) query.delete(key); // a form action's name
  const next = query.size ? `${event.url.pathname}?${query}` : event.url.pathname;
  redirect(303, href(event.params.lang as Locale, 'signIn', { next }));
}

/** One project's page (another feature's): /es/proyectos/{id}, /en/projects/{id}. */
export function projectHref(lang: Locale, id: string): string {
  return `${href(lang, 'projects')}/${encodeURIComponent(id)}`;
}

/** The participating countries, named in the page's language (the API answers in it). */
async function loadCountries(fetch: Fetch, lang: Locale): Promise<{ name: CountryNamer; all: Option[] }> {
  const result = await callApi<CountriesResponse>(fetch, '/api/countries');
  const countries = result.ok ? result.data.countries : [];
  const names = new Map(countries.map((c) => [c.code, c.name]));
  const collator = new Intl.Collator(lang);
  const all = countries
    .map((c) => ({ value: c.code, label: c.name }))
    .sort((a, b) => collator.compare(a.label, b.label));
  return { name: (code) => names.get(code) ?? intlCountryName(code, lang), all };
}

/** The country filter: every country for the CSS (`*`), an officer's own ones when several, else none. */
function countryOptions(validateCountries: string[], all: Option[], name: CountryNamer): Option[] | null {
  if (validateCountries.includes('*')) return all;
  if (validateCountries.length < 2) return null;
  return validateCountries.map((code) => ({ value: code, label: name(code) }));
}

/**
 * The project-approval queue (GET /api/project-queue) for the address's filters, worded for the
 * page. The API decides who may read it: signed out → sign-in; a refusal → the page's error;
 * refused filters (422) are shown on the filter form.
 */
export async function loadProjectQueue(event: Event, me: MeResponse): Promise<QueueView> {
  const { fetch, url } = event;
  const lang = event.params.lang as Locale;
  const query = readQuery(url.searchParams);
  const notice = readNotice(url.searchParams);
  const [result, countries, decided] = await Promise.all([
    callApi<ProjectQueueResponse>(fetch, `/api/project-queue?${apiQuery(query)}`),
    loadCountries(fetch, lang),
    notice ? callApi<ProjectDetail>(fetch, `/api/projects/${encodeURIComponent(notice.projectId)}`) : null,
  ]);
  if (!result.ok && result.status === 401) toSignIn(event);
  // A page address that was tampered with: the same queue from its first page.
  if (!result.ok && result.status === 422 && result.error.fields?.cursor) redirect(303, atCursor(url, null));
  if (!result.ok && result.status !== 422) {
    error(result.status, { message: result.error.message, code: result.error.code });
  }
  const view = {
    query,
    countries: countryOptions(me.abilities.validateCountries, countries.all, countries.name),
    firstHref: query.cursor ? atCursor(url, null) : null,
    resetHref: hasFilters(query) ? url.pathname : null,
    notice: notice
      ? decisionText(notice.decision, notice.at, decided?.ok ? decided.data : null, lang, countries.name)
      : null,
  };
  if (!result.ok) {
    const filterError = { message: result.error.message, fields: result.error.fields ?? {} };
    return { ...view, rows: null, figures: null, total: 0, nextHref: null, allHref: null, filterError };
  }
  const rows = result.data.items.map((item) =>
    presentRow(item, {
      lang,
      country: countries.name,
      projectHref: (id) => projectHref(lang, id),
      actionable: item.canDecide,
    }),
  );
  const allParams = new URLSearchParams({
    ...(query.country && { country: query.country }),
    ...(query.kind && { kind: query.kind }),
    scope: 'all',
  });
  return {
    ...view,
    rows,
    figures: presentFigures(result.data, lang),
    total: result.data.total,
    nextHref: result.data.nextCursor ? atCursor(url, result.data.nextCursor) : null,
    allHref: query.scope === 'mine' && result.data.total === 0 ? `${url.pathname}?${allParams}` : null,
    filterError: null,
  };
}

const calls: Record<Decision, { path: string; body: (f: FormValues) => unknown }> = {
  approved: { path: 'approve', body: (f) => ({ countryCode: f.country || undefined }) },
  rejected: { path: 'reject', body: (f) => ({ countryCode: f.country || undefined, reason: f.reason }) },
  consented: { path: 'consent', body: (f) => ({ regionId: Number(f.region) || undefined }) },
};

interface FormValues {
  /** The row the form belongs to, so that a refusal is shown by it. */
  row: string;
  project: string;
  country: string;
  region: string;
  reason: string;
  decision: Decision;
}

/**
 * Form action of a row: approve, reject (with a reason) or consent
 * (POST /api/projects/{id}/approve|reject|consent). A refusal (409: decided meanwhile; 422: no
 * reason) comes back to the form with what was typed; success comes back to the queue with a notice.
 */
export function decideAction(decision: Decision) {
  return async (event: Event & { request: Request }) => {
    const form = await event.request.formData();
    const text = (key: string) => {
      const v = form.get(key);
      return typeof v === 'string' ? v : '';
    };
    const values: FormValues = {
      row: text('row'),
      project: text('project'),
      country: text('country'),
      region: text('region'),
      reason: text('reason'),
      decision,
    };
    if (!values.project) error(404, { message: m.error_page_not_found_title(), code: 'NOT_FOUND' });
    const call = calls[decision];
    const result = await callApi<ProjectDetail>(
      event.fetch,
      `/api/projects/${encodeURIComponent(values.project)}/${call.path}`,
      { method: 'POST', body: call.body(values) },
    );
    if (!result.ok && result.status === 401) toSignIn(event);
    if (!result.ok) return formFailure(result, { ...values });
    redirect(
      303,
      afterDecision(event.url, decision, values.project, decision === 'consented' ? values.region : values.country),
    );
  };
}
