import type { Locale } from '@opentwinning/i18n';
import { redirect } from '@sveltejs/kit';
import { callApi, formFailure } from '$lib/api';
import { href } from '$lib/paths';
import { text } from '$features/accounts/form';
import { requireMe } from '$features/accounts/guard';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ parent, params, url }) => {
  requireMe((await parent()).me, params.lang as Locale, url);
  return {};
};

export const actions: Actions = {
  /** POST /api/me/delete with the password (R-ACC-5); the API signs out; home says it is done. */
  delete: async ({ request, fetch, params }) => {
    const password = text(await request.formData(), 'password');
    const result = await callApi(fetch, '/api/me/delete', { method: 'POST', body: { password } });
    if (!result.ok) return formFailure(result);
    redirect(303, href(params.lang as Locale, 'home', { notice: 'account-deleted' }));
  },
};
