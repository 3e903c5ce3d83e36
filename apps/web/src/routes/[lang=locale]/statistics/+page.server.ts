import { loadStatistics } from '$features/statistics/statistics.server';
import type { PageServerLoad } from './$types';

/** Public statistics of Europe on a date (R-STAT-1..3): figures, map, countries, charts, open data. */
export const load: PageServerLoad = async (event) => loadStatistics(event);
