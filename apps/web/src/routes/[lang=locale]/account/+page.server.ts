import type { Locale } from '@opentwinning/i18n';
import { redirect } from '@sveltejs/kit';
import { callApi } from '$lib/api';
import { href } from '$lib/paths';
import { requireMe } from '$features/accounts/guard';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ parent, params, url }) => {
  const me = requireMe((await parent()).me, params.lang as Locale, url);
  return { me, joined: url.searchParams.has('joined') };
};

export const actions: Actions = {
  /** The header's sign-out button: POST /api/auth/sign-out (the API clears the cookie), then home. */
  signOut: async ({ fetch, params }) => {
    await callApi(fetch, '/api/auth/sign-out', { method: 'POST' });
    redirect(303, href(params.lang as Locale, 'home', { notice: 'signed-out' }));
  },
};
