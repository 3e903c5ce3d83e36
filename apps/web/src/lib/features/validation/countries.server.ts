import type { CountriesResponse, MeResponse } from '@opentwinning/contracts';
import { callApi } from '$lib/api';
import type { CountryDetail, Option } from './types';

type Fetch = typeof globalThis.fetch;

/**
 * Which country an officer works on. One NSS country: that one. The CSS (`*`) or an officer of
 * several countries chooses (`choices`), from the address's `country`.
 */
export function countryScope(me: MeResponse | null, requested: string | null) {
  const codes = me?.abilities.validateCountries ?? [];
  const all = codes.includes('*');
  if (!all && codes.length === 1) return { country: codes[0] ?? '', choices: null };
  const wanted = (requested ?? '').trim().toUpperCase();
  return { country: wanted, choices: all ? ('all' as const) : codes };
}

/** The countries to offer in a select, named in the page's language. */
export async function countryOptions(fetch: Fetch, choices: 'all' | string[] | null): Promise<Option[] | null> {
  if (!choices) return null;
  const result = await callApi<CountriesResponse>(fetch, '/api/countries');
  const countries = result.ok ? result.data.countries : [];
  const options = countries.map((c) => ({ value: c.code, label: c.name }));
  if (choices === 'all') return options;
  return choices.map((code) => options.find((o) => o.value === code) ?? { value: code, label: code });
}

/** One country with its regions and regional step (undefined if none is chosen or it is unknown). */
export async function countryDetail(fetch: Fetch, code: string): Promise<CountryDetail | undefined> {
  if (!/^[A-Z]{2}$/.test(code)) return undefined;
  const result = await callApi<CountryDetail>(fetch, `/api/countries/${code}`);
  return result.ok ? result.data : undefined;
}
