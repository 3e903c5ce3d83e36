import type { MeResponse } from '@opentwinning/contracts';
import { error } from '@sveltejs/kit';
import { callApi } from '$lib/api';
import { countryDetail, countryOptions, countryScope } from './countries.server';
import { submit, toSignIn } from './officer-api.server';
import type { QueueFilters, QueuePage } from './types';

type Event = Parameters<typeof toSignIn>[0];

function readFilters(url: URL, country: string): QueueFilters {
  const get = (key: string) => url.searchParams.get(key)?.trim() ?? '';
  const page = Number.parseInt(get('page'), 10);
  return {
    country,
    region: country ? get('region') : '',
    school: get('school'),
    status: get('status') || 'pending',
    regionalStatus: get('regionalStatus'),
    minWaitingDays: get('minWaitingDays'),
    page: Number.isFinite(page) && page > 0 ? page : 1,
  };
}

/** The NSS queue: filters from the address, the API's page of results, and what the filters offer. */
export async function loadQueue(event: Event, me: MeResponse | null) {
  const scope = countryScope(me, event.url.searchParams.get('country'));
  const [countries, country] = await Promise.all([
    countryOptions(event.fetch, scope.choices),
    countryDetail(event.fetch, scope.country),
  ]);
  const filters = readFilters(event.url, scope.country);
  // A region of another country (the country was just changed) no longer applies.
  if (filters.region && !country?.regions.some((r) => String(r.id) === filters.region)) filters.region = '';
  const query = new URLSearchParams(
    Object.entries({ ...filters, page: String(filters.page) }).filter(([, v]) => v !== ''),
  );
  const result = await callApi<QueuePage>(event.fetch, `/api/validation/queue?${query}`);
  if (!result.ok && result.status === 401) toSignIn(event);
  // Filters the API refuses are shown on the filter form; any other refusal is the page's error.
  if (!result.ok && result.status !== 422)
    error(result.status, { message: result.error.message, code: result.error.code });
  return {
    filters,
    queue: result.ok ? result.data : null,
    filterError: result.ok ? null : { message: result.error.message, fields: result.error.fields ?? {} },
    countries,
    country: country ? { code: country.code, name: country.name } : null,
    regions: country?.regions.map((r) => ({ value: String(r.id), label: r.name })) ?? null,
  };
}

/** Form action: validate or reject the ticked registrations (POST /api/validation/decisions). */
export async function decideAction(event: Event & { request: Request }) {
  const form = await event.request.formData();
  const affiliationIds = form.getAll('affiliationIds').map(String);
  const decision = String(form.get('decision') ?? '');
  const reason = String(form.get('reason') ?? '');
  return submit<{ decided: number }>(
    event,
    {
      path: '/api/validation/decisions',
      method: 'POST',
      body: { affiliationIds, decision, reason: reason.trim() || undefined },
    },
    { affiliationIds, decision, reason },
    (data) => ({ done: String(data.decided), decided: decision }),
  );
}

/** Form action: the regional coordinator confirms the ticked registrations. */
export async function confirmAction(event: Event & { request: Request }) {
  const form = await event.request.formData();
  const affiliationIds = form.getAll('affiliationIds').map(String);
  return submit<{ confirmed: number }>(
    event,
    { path: '/api/validation/regional-confirmations', method: 'POST', body: { affiliationIds } },
    { affiliationIds },
    (data) => ({ done: String(data.confirmed), decided: 'confirm' }),
  );
}
