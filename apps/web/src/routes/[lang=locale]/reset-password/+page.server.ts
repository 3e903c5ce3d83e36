import type { Locale } from '@opentwinning/i18n';
import { redirect } from '@sveltejs/kit';
import { callApi, formFailure } from '$lib/api';
import { href } from '$lib/paths';
import { text } from '$features/accounts/form';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ url }) => ({
  token: url.searchParams.get('token') ?? '',
  sent: url.searchParams.has('sent'),
});

export const actions: Actions = {
  /** POST /api/auth/password-reset: the answer is the same whether or not the address has an account. */
  request: async ({ request, fetch, params }) => {
    const email = text(await request.formData(), 'email');
    const result = await callApi(fetch, '/api/auth/password-reset', { method: 'POST', body: { email } });
    if (!result.ok) return formFailure(result, { email });
    redirect(303, href(params.lang as Locale, 'passwordReset', { sent: '1' }));
  },
  /** POST /api/auth/password-reset/complete, then sign in with the new password. */
  complete: async ({ request, fetch, params }) => {
    const data = await request.formData();
    const body = { token: text(data, 'token'), password: text(data, 'password') };
    const result = await callApi(fetch, '/api/auth/password-reset/complete', { method: 'POST', body });
    if (!result.ok) return formFailure(result);
    redirect(303, href(params.lang as Locale, 'signIn', { reset: '1' }));
  },
};
