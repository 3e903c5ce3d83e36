import type { Locale } from '@opentwinning/i18n';
import { error } from '@sveltejs/kit';
import { callApi } from '$lib/api';
import { href } from '$lib/paths';
import { requireMe } from '$features/accounts/guard';
import { formatDay } from '$features/accounts/options';
import { relationActions } from '$features/partners/actions';
import { fullName, type ContactLink, type ContactsOverview, type LinkView } from '$features/partners/types';
import type { Actions, PageServerLoad } from './$types';

/**
 * My contacts, the requests received and sent, and the people I blocked (GET /api/contacts).
 * Only validated teachers have contacts: the API's 403 becomes a friendly page, not an error.
 */
export const load: PageServerLoad = async ({ parent, params, url, fetch }) => {
  const lang = params.lang as Locale;
  const me = requireMe((await parent()).me, lang, url);
  const result = await callApi<ContactsOverview>(fetch, '/api/contacts');
  if (!result.ok) {
    if (result.status === 403) return { refusal: result.error.message, lists: null };
    error(result.status, { message: result.error.message, code: result.error.code });
  }
  // Dated here, in the person's time zone, so that the page and its hydration agree.
  const day = (iso: string) => formatDay(iso, lang, me.timeZone);
  const view = (l: ContactLink): LinkView => ({
    requestId: l.requestId,
    username: l.person.username,
    name: fullName(l.person),
    message: l.message,
    since: l.since,
    sinceText: day(l.since),
  });
  const { contacts, incoming, outgoing, blocked } = result.data;
  return {
    refusal: null,
    lists: {
      contacts: contacts.map(view),
      incoming: incoming.map(view),
      outgoing: outgoing.map(view),
      blocked: blocked.map((b) => ({
        username: b.username,
        name: fullName(b),
        since: b.since,
        sinceText: day(b.since),
      })),
    },
  };
};

export const actions: Actions = relationActions((lang, _params, done) => href(lang, 'contacts', { done }));
