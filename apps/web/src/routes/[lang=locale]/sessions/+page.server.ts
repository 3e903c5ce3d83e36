import type { Locale } from '@opentwinning/i18n';
import { redirect } from '@sveltejs/kit';
import { callApi, formFailure, getFromApi } from '$lib/api';
import { m } from '$lib/messages';
import { href } from '$lib/paths';
import { describeUserAgent } from '$features/accounts/device';
import { text } from '$features/accounts/form';
import { requireMe } from '$features/accounts/guard';
import { formatMoment } from '$features/accounts/options';
import type { Actions, PageServerLoad } from './$types';

interface Session {
  id: string;
  current: boolean;
  createdAt: string;
  lastSeenAt: string;
  userAgent: string;
  ip: string;
}

export const load: PageServerLoad = async ({ parent, params, url, fetch }) => {
  const lang = params.lang as Locale;
  const me = requireMe((await parent()).me, lang, url);
  const { sessions } = await getFromApi<{ sessions: Session[] }>(fetch, '/api/me/sessions');
  return {
    closed: url.searchParams.has('closed'),
    // Described and dated here, in the person's time zone, so that the page and its hydration agree.
    sessions: sessions.map((s) => {
      const { browser, os } = describeUserAgent(s.userAgent);
      return {
        id: s.id,
        current: s.current,
        ip: s.ip,
        lastSeenAt: s.lastSeenAt,
        lastSeen: formatMoment(s.lastSeenAt, lang, me.timeZone),
        started: formatMoment(s.createdAt, lang, me.timeZone),
        device: m.sessions_device(
          {
            browser: browser ?? m.sessions_unknown_browser({}, { locale: lang }),
            os: os ?? m.sessions_unknown_os({}, { locale: lang }),
          },
          { locale: lang },
        ),
      };
    }),
  };
};

export const actions: Actions = {
  /** DELETE /api/me/sessions/{id}. Closing this device's session signs out (the API clears the cookie). */
  close: async ({ request, fetch, params }) => {
    const data = await request.formData();
    const id = text(data, 'id');
    const result = await callApi(fetch, `/api/me/sessions/${encodeURIComponent(id)}`, { method: 'DELETE' });
    if (!result.ok) return formFailure(result);
    const lang = params.lang as Locale;
    redirect(
      303,
      data.has('current') ? href(lang, 'home', { notice: 'signed-out' }) : href(lang, 'sessions', { closed: '1' }),
    );
  },
};
