import type { PostListResponse } from '@opentwinning/contracts';
import type { Locale } from '@opentwinning/i18n';
import { error } from '@sveltejs/kit';
import { callApi } from '$lib/api';
import { requireMe } from '$features/accounts/guard';
import { apiQuery, atCursor, hasFilters, readQuery } from '$features/forum/query';
import { formOptions, loadCountries, presentPost } from '$features/forum/wording';
import type { PageServerLoad } from './$types';

/**
 * The partner-finding forum (R-PF-2): posts filtered by the address's query (GET
 * /api/forum/posts). Only validated members may read it: the API's 403 becomes a friendly
 * explanation; refused filters (422) are shown on the form.
 */
export const load: PageServerLoad = async ({ parent, params, url, fetch }) => {
  const lang = params.lang as Locale;
  const me = requireMe((await parent()).me, lang, url);
  const query = readQuery(url.searchParams);
  const [result, countries] = await Promise.all([
    callApi<PostListResponse>(fetch, `/api/forum/posts?${apiQuery(query)}`),
    loadCountries(fetch, lang),
  ]);
  if (!result.ok && result.status === 403) return { refusal: result.error.message } as const;
  if (!result.ok && result.status !== 422) {
    error(result.status, { message: result.error.message, code: result.error.code });
  }
  const filtered = hasFilters(query);
  return {
    refusal: null,
    query,
    options: formOptions(lang, countries.options),
    filterError: result.ok ? null : { message: result.error.message, fields: result.error.fields ?? {} },
    posts: result.ok ? result.data.items.map((p) => presentPost(p, lang, countries.name, me.timeZone)) : null,
    nextHref: result.ok && result.data.nextCursor ? atCursor(url, result.data.nextCursor) : null,
    firstHref: query.cursor ? atCursor(url, null) : null,
    resetHref: filtered ? url.pathname : null,
  };
};
