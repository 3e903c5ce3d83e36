import type { MeResponse, NotificationsResponse } from '@opentwinning/contracts';
import { callApi } from '$lib/api';
import type { LayoutServerLoad } from './$types';

/**
 * The signed-in person (or null) for every page: the header, and pages that need a session. For
 * validated members, also how many notifications are unread (the header's link says it).
 */
export const load: LayoutServerLoad = async ({ fetch, cookies, depends }) => {
  depends('app:me');
  if (!cookies.get('ot_session')) return { me: null, unread: null };
  const me = await callApi<MeResponse>(fetch, '/api/me');
  if (!me.ok) return { me: null, unread: null };
  // One cheap request (limit=1): only its `unread` count is used.
  const notifications = me.data.abilities.actAsEtwinner
    ? await callApi<NotificationsResponse>(fetch, '/api/notifications?limit=1')
    : null;
  return { me: me.data, unread: notifications?.ok ? notifications.data.unread : null };
};
