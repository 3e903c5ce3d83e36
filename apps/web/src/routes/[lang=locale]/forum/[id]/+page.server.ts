import type { PostDetail, SuggestionsResponse } from '@opentwinning/contracts';
import type { Locale } from '@opentwinning/i18n';
import { error, redirect } from '@sveltejs/kit';
import { callApi, formFailure } from '$lib/api';
import { requireMe } from '$features/accounts/guard';
import { loadCountries, postHref, presentPost, presentReplies } from '$features/forum/wording';
import { presentSuggestions } from '$features/matching/present';
import type { Actions, PageServerLoad } from './$types';

/**
 * One forum post with its replies (GET /api/forum/posts/{id}). For its author, the partners
 * suggested for it (GET /api/forum/posts/{id}/suggestions). Members not validated yet get the
 * API's refusal in words.
 */
export const load: PageServerLoad = async ({ parent, params, url, fetch }) => {
  const lang = params.lang as Locale;
  const me = requireMe((await parent()).me, lang, url);
  const path = `/api/forum/posts/${encodeURIComponent(params.id)}`;
  const result = await callApi<PostDetail>(fetch, path);
  if (!result.ok) {
    if (result.status === 403) return { refusal: result.error.message } as const;
    // A malformed id is an address that does not exist.
    const status = result.status === 422 ? 404 : result.status;
    error(status, { message: result.error.message, code: result.error.code });
  }
  const countries = await loadCountries(fetch, lang);
  const mine = result.data.mine;
  const suggestions = mine ? await callApi<SuggestionsResponse>(fetch, `${path}/suggestions?limit=6`) : null;
  // The API marks the author's reply notices read when they open their post: refresh the header count.
  const readNow = mine ? 1 : 0;
  return {
    refusal: null,
    post: presentPost(result.data, lang, countries.name, me.timeZone),
    replies: presentReplies(result.data, lang, me.timeZone),
    suggestions: suggestions?.ok ? presentSuggestions(suggestions.data, lang, countries.name) : null,
    done: url.searchParams.get('done') ?? '',
    readNow,
  };
};

export const actions: Actions = {
  /** POST /api/forum/posts/{id}/replies: back to the post, at the new reply. A closed post answers 409. */
  reply: async ({ request, fetch, params }) => {
    const data = await request.formData();
    const body = typeof data.get('body') === 'string' ? (data.get('body') as string) : '';
    const result = await callApi<{ id: string }>(fetch, `/api/forum/posts/${encodeURIComponent(params.id)}/replies`, {
      method: 'POST',
      body: { body },
    });
    if (!result.ok) return formFailure(result, { body });
    redirect(303, `${postHref(params.lang as Locale, params.id, { done: 'replied' })}#reply-${result.data.id}`);
  },

  /** POST /api/forum/posts/{id}/close (its author only). */
  close: async ({ fetch, params }) => {
    const result = await callApi(fetch, `/api/forum/posts/${encodeURIComponent(params.id)}/close`, { method: 'POST' });
    // Marked, so that the page shows the refusal by the close button's place, not the reply form's.
    if (!result.ok) return formFailure(result, { action: 'close' });
    redirect(303, postHref(params.lang as Locale, params.id, { done: 'closed' }));
  },
};
