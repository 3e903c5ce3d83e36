import type { CountriesResponse } from '@opentwinning/contracts';
import { getFromApi } from '$lib/api';
import type { PageServerLoad } from './$types';

interface CountryDetail {
  code: string;
  name: string;
  regions: { code: string; name: string }[];
}

export const load: PageServerLoad = async ({ fetch }) => {
  const [countries, central] = await Promise.all([
    getFromApi<CountriesResponse>(fetch, '/api/countries'),
    getFromApi<{ name: string; website: string | null }>(fetch, '/api/support-services/central'),
  ]);
  const regional = await Promise.all(
    countries.countries
      .filter((c) => c.hasRegions)
      .map((c) => getFromApi<CountryDetail>(fetch, `/api/countries/${c.code}`)),
  );
  return { countries, central, regional };
};
