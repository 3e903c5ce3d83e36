import type { Locale } from '@opentwinning/i18n';
import { redirect } from '@sveltejs/kit';
import { callApi, formFailure } from '$lib/api';
import { href } from '$lib/paths';
import { resendConfirmation } from '$features/accounts/actions';
import { text } from '$features/accounts/form';
import { safeNext } from '$features/accounts/next';
import type { Actions, PageServerLoad } from './$types';

interface DemoAccounts {
  password: string;
  accounts: { email: string; role: string; description: string }[];
}

export const load: PageServerLoad = async ({ parent, params, url, fetch }) => {
  const { me } = await parent();
  const next = safeNext(url.searchParams.get('next'));
  if (me) redirect(303, next ?? href(params.lang as Locale, 'account'));
  // 200 in development only (404 otherwise): then the page lists the demo accounts.
  const demo = await callApi<DemoAccounts>(fetch, '/api/demo/accounts');
  return { demo: demo.ok ? demo.data : null, reset: url.searchParams.has('reset') };
};

export const actions: Actions = {
  /** POST /api/auth/sign-in; then back to ?next= (same-site paths only) or to the account page. */
  signIn: async ({ request, fetch, params, url }) => {
    const data = await request.formData();
    const email = text(data, 'email');
    const body = { email, password: text(data, 'password') };
    const result = await callApi(fetch, '/api/auth/sign-in', { method: 'POST', body });
    if (!result.ok) return formFailure(result, { email, intent: 'signIn' });
    redirect(303, safeNext(url.searchParams.get('next')) ?? href(params.lang as Locale, 'account'));
  },
  resend: resendConfirmation,
};
