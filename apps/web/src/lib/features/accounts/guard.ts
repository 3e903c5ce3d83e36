import type { MeResponse } from '@opentwinning/contracts';
import type { Locale } from '@opentwinning/i18n';
import { redirect } from '@sveltejs/kit';
import { href } from '$lib/paths';

/** The signed-in person, or a 303 to the sign-in page that comes back here afterwards. */
export function requireMe(me: MeResponse | null, lang: Locale, url: URL): MeResponse {
  if (!me) redirect(303, href(lang, 'signIn', { next: `${url.pathname}${url.search}` }));
  return me;
}
