import type { Locale } from '@opentwinning/i18n';
import { redirect, type Cookies } from '@sveltejs/kit';
import { callApi, formFailure } from '$lib/api';
import { href } from '$lib/paths';
import { text } from './form';

type Fetch = typeof globalThis.fetch;

/** Remembers the address just signed up with, for the "check your email" step (one hour, this site only). */
export const SIGNUP_EMAIL_COOKIE = 'ot_signup_email';

export function rememberSignUpEmail(cookies: Cookies, url: URL, email: string): void {
  cookies.set(SIGNUP_EMAIL_COOKIE, email.trim(), {
    path: '/',
    maxAge: 3600,
    httpOnly: true,
    sameSite: 'lax',
    secure: url.protocol === 'https:',
  });
}

/**
 * "Send the link again": POST /api/auth/resend-confirmation, then the "check your email" step.
 * The API answers the same whether or not the address is known.
 */
export async function resendConfirmation(event: {
  request: Request;
  fetch: Fetch;
  cookies: Cookies;
  url: URL;
  params: { lang: string };
}) {
  const data = await event.request.formData();
  const email = text(data, 'email');
  const result = await callApi(event.fetch, '/api/auth/resend-confirmation', { method: 'POST', body: { email } });
  if (!result.ok) return formFailure(result, { email, intent: 'resend' });
  rememberSignUpEmail(event.cookies, event.url, email);
  redirect(303, href(event.params.lang as Locale, 'signUp', { sent: '1', resent: '1' }));
}
