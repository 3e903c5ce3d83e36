import type { CountriesResponse, SchoolView } from '@opentwinning/contracts';
import type { Locale } from '@opentwinning/i18n';
import { callApi, getFromApi } from '$lib/api';
import { requireMe } from '$features/accounts/guard';
import type { Option } from '$features/accounts/options';
import { schoolActions } from '$features/accounts/school-actions';
import type { Actions, PageServerLoad } from './$types';

interface CountryDetail {
  regions: { id: number; code: string; name: string }[];
}

/**
 * Choosing the school (R-ACC-1): search by country (and region) and name, join it, or register it.
 * Everything is in the query (?country=&region=&q=&create=1&change=<affiliation>), so it works as plain links.
 */
export const load: PageServerLoad = async ({ parent, params, url, fetch }) => {
  const lang = params.lang as Locale;
  const me = requireMe((await parent()).me, lang, url);
  const query = url.searchParams;
  const { countries } = await getFromApi<CountriesResponse>(fetch, '/api/countries');
  const collator = new Intl.Collator(lang);
  const countryOptions: Option[] = countries
    .map((c) => ({ value: c.code, label: c.name }))
    .sort((a, b) => collator.compare(a.label, b.label));
  const chosen = countries.find((c) => c.code === (query.get('country') ?? '').toUpperCase());
  const regions: Option[] = chosen?.hasRegions
    ? (await getFromApi<CountryDetail>(fetch, `/api/countries/${chosen.code}`)).regions
        .map((r) => ({ value: String(r.id), label: r.name }))
        .sort((a, b) => collator.compare(a.label, b.label))
    : [];
  const region = regions.some((r) => r.value === query.get('region')) ? (query.get('region') ?? '') : '';
  const q = query.get('q');

  let results: SchoolView[] | null = null;
  if (chosen && q !== null) {
    const search = new URLSearchParams({ country: chosen.code, q: q.trim() });
    const found = await callApi<{ schools: SchoolView[] }>(fetch, `/api/schools?${search}`);
    results = found.ok ? found.data.schools.filter((s) => !region || String(s.regionId) === region) : [];
  }
  return {
    me,
    countries: countryOptions,
    country: chosen?.code ?? '',
    countryName: chosen?.name ?? '',
    regions,
    region,
    q: q ?? '',
    results,
    creating: query.has('create'),
    changing: me.affiliations.find((a) => a.id === query.get('change')) ?? null,
    leaveId: query.get('leave') ?? '',
    left: query.has('left'),
  };
};

export const actions: Actions = schoolActions;
