import type { CountriesResponse, CountryHistoryResponse } from '@opentwinning/contracts';
import { callApi, getFromApi } from '$lib/api';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ fetch, url }) => {
  const date = url.searchParams.get('date') ?? '';
  const query = date ? `?date=${encodeURIComponent(date)}` : '';
  const [countries, map, history] = await Promise.all([
    callApi<CountriesResponse>(fetch, `/api/countries${query}`),
    callApi<string>(fetch, `/api/countries/map.svg${query}`, { as: 'text' }),
    getFromApi<CountryHistoryResponse>(fetch, '/api/countries/history'),
  ]);
  if (!countries.ok) {
    return {
      date,
      error: countries.error.fields?.date ?? countries.error.message,
      countries: undefined,
      map: undefined,
      history,
    };
  }
  return {
    date: countries.data.date,
    error: undefined,
    countries: countries.data,
    map: map.ok ? map.data : undefined,
    history,
  };
};
