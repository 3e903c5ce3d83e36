import type { CountriesResponse } from '@opentwinning/contracts';
import { getFromApi } from '$lib/api';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ fetch }) => ({
  countries: await getFromApi<CountriesResponse>(fetch, '/api/countries'),
});
