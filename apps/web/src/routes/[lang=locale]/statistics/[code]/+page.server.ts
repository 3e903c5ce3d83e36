import { loadCountryStatistics } from '$features/statistics/country.server';
import type { PageServerLoad } from './$types';

/** Public statistics of one country on a date: figures, share of Europe, charts, partners. */
export const load: PageServerLoad = async (event) => loadCountryStatistics(event);
