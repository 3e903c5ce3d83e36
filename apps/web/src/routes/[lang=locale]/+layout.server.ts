import type { MeResponse } from '@opentwinning/contracts';
import { callApi } from '$lib/api';
import type { LayoutServerLoad } from './$types';

/** The signed-in person (or null) for every page: the header, and pages that need a session. */
export const load: LayoutServerLoad = async ({ fetch, cookies, depends }) => {
  depends('app:me');
  if (!cookies.get('ot_session')) return { me: null };
  const me = await callApi<MeResponse>(fetch, '/api/me');
  return { me: me.ok ? me.data : null };
};
