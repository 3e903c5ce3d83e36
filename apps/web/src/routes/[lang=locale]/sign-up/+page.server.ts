import type { Locale } from '@opentwinning/i18n';
import { redirect } from '@sveltejs/kit';
import { callApi, formFailure } from '$lib/api';
import { href } from '$lib/paths';
import { rememberSignUpEmail, resendConfirmation, SIGNUP_EMAIL_COOKIE } from '$features/accounts/actions';
import { checked, text } from '$features/accounts/form';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ parent, params, url, cookies }) => {
  const { me } = await parent();
  if (me) redirect(303, href(params.lang as Locale, 'account'));
  const sent = url.searchParams.has('sent');
  return {
    sent,
    resent: url.searchParams.has('resent'),
    email: sent ? (cookies.get(SIGNUP_EMAIL_COOKIE) ?? '') : '',
  };
};

export const actions: Actions = {
  /** Step 1: POST /api/auth/sign-up, then "check your email". */
  signUp: async ({ request, fetch, cookies, url, params }) => {
    const data = await request.formData();
    const values = {
      email: text(data, 'email'),
      username: text(data, 'username'),
      firstName: text(data, 'firstName'),
      lastName: text(data, 'lastName'),
      uiLanguage: text(data, 'uiLanguage') || params.lang,
      acceptCodeOfConduct: checked(data, 'acceptCodeOfConduct'),
    };
    const body = { ...values, password: text(data, 'password') };
    const result = await callApi(fetch, '/api/auth/sign-up', { method: 'POST', body });
    if (!result.ok) return formFailure(result, values);
    rememberSignUpEmail(cookies, url, values.email);
    redirect(303, href(params.lang as Locale, 'signUp', { sent: '1' }));
  },
  resend: resendConfirmation,
};
