import type { NotificationsResponse } from '@opentwinning/contracts';
import type { Locale } from '@opentwinning/i18n';
import { redirect } from '@sveltejs/kit';
import { callApi, formFailure, getFromApi } from '$lib/api';
import { href } from '$lib/paths';
import { requireMe } from '$features/accounts/guard';
import { formatMoment } from '$features/accounts/options';
import { presentNotification, unreadSummary } from '$features/notifications/present';
import type { Actions, PageServerLoad } from './$types';

/** My notifications (GET /api/notifications), newest first, dated in my time zone. */
export const load: PageServerLoad = async ({ parent, params, url, fetch }) => {
  const lang = params.lang as Locale;
  const me = requireMe((await parent()).me, lang, url);
  const { unread, items } = await getFromApi<NotificationsResponse>(fetch, '/api/notifications?limit=50');
  return {
    unread,
    summary: unreadSummary(unread, lang),
    notifications: items.map((n) => presentNotification(n, lang, (iso) => formatMoment(iso, lang, me.timeZone))),
    done: url.searchParams.get('done') === 'read',
  };
};

export const actions: Actions = {
  /** POST /api/notifications/read with no ids: all of them. */
  readAll: async ({ fetch, params }) => {
    const result = await callApi(fetch, '/api/notifications/read', { method: 'POST', body: {} });
    if (!result.ok) return formFailure(result);
    redirect(303, href(params.lang as Locale, 'notifications', { done: 'read' }));
  },
};
