import type { Locale } from '@opentwinning/i18n';
import { requireMe } from '$features/accounts/guard';
import { loadSearch } from '$features/search/search.server';
import type { PageServerLoad } from './$types';

/**
 * Partner search (R-PF-1): teachers or schools, with facets, from the address's query. Only
 * validated members may search: the API's 403 becomes a friendly explanation, not an error.
 */
export const load: PageServerLoad = async (event) => {
  requireMe((await event.parent()).me, event.params.lang as Locale, event.url);
  return loadSearch(event);
};
