import type { PostDetail } from '@opentwinning/contracts';
import type { Locale } from '@opentwinning/i18n';
import { redirect } from '@sveltejs/kit';
import { callApi, formFailure } from '$lib/api';
import { m } from '$lib/messages';
import { requireMe } from '$features/accounts/guard';
import { founderFields, readFoundingForm } from '$features/projects/founding-form';
import { projectHref } from '$features/projects/links';
import { loadContacts, loadCountryNamer, mySchools } from '$features/projects/sources.server';
import type { Actions, PageServerLoad } from './$types';

/**
 * Founding a project (R-PRJ-1): one of my validated schools, a co-founder among my contacts (at
 * one of their schools) and a title; `?post={id}` starts from a forum post (its idea, ages,
 * subjects and languages fill in the draft). Members not validated yet are told why they cannot.
 */
export const load: PageServerLoad = async ({ parent, params, url, fetch }) => {
  const lang = params.lang as Locale;
  const me = requireMe((await parent()).me, lang, url);
  if (!me.abilities.actAsEtwinner) {
    return { refusal: m.error_account_not_validated({}, { locale: lang }), schools: [], contacts: [], post: null };
  }
  const country = await loadCountryNamer(fetch, lang);
  const postId = url.searchParams.get('post');
  const [contacts, post] = await Promise.all([
    loadContacts(fetch, lang, country),
    postId ? callApi<PostDetail>(fetch, `/api/forum/posts/${encodeURIComponent(postId)}`) : null,
  ]);
  return {
    refusal: null,
    schools: mySchools(me, country),
    contacts: contacts ?? [],
    post: post?.ok ? { id: post.data.id, title: post.data.title, lang: post.data.language } : null,
  };
};

export const actions: Actions = {
  /** POST /api/projects: on success, the new draft's page. */
  default: async ({ request, fetch, params }) => {
    const lang = params.lang as Locale;
    const { body, values } = readFoundingForm(await request.formData());
    const result = await callApi<{ id: string }>(fetch, '/api/projects', { method: 'POST', body });
    if (!result.ok) {
      const fields = founderFields(result.error.fields, lang);
      return formFailure({ status: result.status, error: { ...result.error, fields } }, { ...values });
    }
    redirect(303, projectHref(lang, result.data.id, { done: 'created' }));
  },
};
