import type { Locale } from '@opentwinning/i18n';
import { requireMe } from '$features/accounts/guard';
import { loadMonitoring } from '$features/statistics/monitoring.server';
import type { PageServerLoad } from './$types';

/** The support services' dashboard (R-STAT-4): NSS officers (their country) and the CSS (any). */
export const load: PageServerLoad = async (event) => {
  const me = requireMe((await event.parent()).me, event.params.lang as Locale, event.url);
  return loadMonitoring(event, me);
};
