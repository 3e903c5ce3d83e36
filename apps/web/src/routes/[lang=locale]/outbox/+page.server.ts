import { officerGet } from '$features/validation/officer-api.server';
import type { OutboxResponse } from '$features/validation/types';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  const { me } = await event.parent();
  const outbox = await officerGet<OutboxResponse>(event, '/api/admin/outbox?limit=200');
  return { outbox, timeZone: me?.timeZone };
};
