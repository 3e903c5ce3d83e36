import type { SuggestionsResponse } from '@opentwinning/contracts';
import type { Locale } from '@opentwinning/i18n';
import { error } from '@sveltejs/kit';
import { callApi } from '$lib/api';
import { requireMe } from '$features/accounts/guard';
import { loadCountries } from '$features/forum/wording';
import { presentSuggestions } from '$features/matching/present';
import type { PageServerLoad } from './$types';

/**
 * Partners suggested to me (R-PF-4, GET /api/suggestions), each with its score and its reasons in
 * words. Members not validated yet get the API's refusal in words.
 */
export const load: PageServerLoad = async ({ parent, params, url, fetch }) => {
  const lang = params.lang as Locale;
  requireMe((await parent()).me, lang, url);
  const [result, countries] = await Promise.all([
    callApi<SuggestionsResponse>(fetch, '/api/suggestions?limit=12'),
    loadCountries(fetch, lang),
  ]);
  if (!result.ok) {
    if (result.status === 403) return { refusal: result.error.message } as const;
    error(result.status, { message: result.error.message, code: result.error.code });
  }
  return { refusal: null, suggestions: presentSuggestions(result.data, lang, countries.name) };
};
