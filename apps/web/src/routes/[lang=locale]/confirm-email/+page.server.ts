import type { Locale } from '@opentwinning/i18n';
import { redirect } from '@sveltejs/kit';
import { callApi, formFailure } from '$lib/api';
import { href } from '$lib/paths';
import { resendConfirmation } from '$features/accounts/actions';
import { text } from '$features/accounts/form';
import type { Actions, PageServerLoad } from './$types';

/** Shows a button only: mail scanners follow links, so the address is confirmed by a POST. */
export const load: PageServerLoad = ({ url }) => ({ token: url.searchParams.get('token') ?? '' });

export const actions: Actions = {
  /** POST /api/auth/confirm-email: the API signs the person in (its cookie comes back through handleFetch). */
  confirm: async ({ request, fetch, params }) => {
    const token = text(await request.formData(), 'token');
    const result = await callApi(fetch, '/api/auth/confirm-email', { method: 'POST', body: { token } });
    if (!result.ok) return formFailure(result, { intent: 'confirm' });
    redirect(303, href(params.lang as Locale, 'profile', { welcome: '1' }));
  },
  resend: resendConfirmation,
};
