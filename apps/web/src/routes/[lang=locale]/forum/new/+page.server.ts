import type { Locale } from '@opentwinning/i18n';
import { redirect } from '@sveltejs/kit';
import { callApi, formFailure } from '$lib/api';
import { m } from '$lib/messages';
import { requireMe } from '$features/accounts/guard';
import { fieldsOfForm, readPostForm } from '$features/forum/post-form';
import { formOptions, loadCountries, postHref } from '$features/forum/wording';
import type { Actions, PageServerLoad } from './$types';

/** The posting form (R-PF-2), for validated members: the others are told why they cannot post yet. */
export const load: PageServerLoad = async ({ parent, params, url, fetch }) => {
  const lang = params.lang as Locale;
  const me = requireMe((await parent()).me, lang, url);
  if (!me.abilities.actAsEtwinner) {
    return { refusal: m.error_account_not_validated({}, { locale: lang }), options: null };
  }
  const countries = await loadCountries(fetch, lang);
  return { refusal: null, options: formOptions(lang, countries.options) };
};

export const actions: Actions = {
  /** POST /api/forum/posts: on success, the new post's page. */
  default: async ({ request, fetch, params }) => {
    const { body, values } = readPostForm(await request.formData());
    const result = await callApi<{ id: string }>(fetch, '/api/forum/posts', { method: 'POST', body });
    if (!result.ok) {
      const fields = fieldsOfForm(result.error.fields);
      // Nothing chosen is "choose one", not "not valid".
      if (fields.kind && !values.kind) fields.kind = m.validation_choose_one({}, { locale: params.lang as Locale });
      return formFailure({ status: result.status, error: { ...result.error, fields } }, { ...values });
    }
    redirect(303, postHref(params.lang as Locale, result.data.id, { done: 'posted' }));
  },
};
