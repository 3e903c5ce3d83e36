import type { Locale } from '@opentwinning/i18n';
import { redirect } from '@sveltejs/kit';
import { confirmAction } from '$features/validation/queue.server';
import { officerGet } from '$features/validation/officer-api.server';
import type { QueuePage } from '$features/validation/types';
import { nssHref } from '$features/validation/urls';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  const { me } = await event.parent();
  // National officers follow the regional step from their own console.
  if (me && me.abilities.confirmRegions.length === 0 && me.abilities.validateCountries.length > 0) {
    redirect(303, nssHref(event.params.lang as Locale, undefined, { regionalStatus: 'awaiting' }));
  }
  const page = Math.max(1, Number.parseInt(event.url.searchParams.get('page') ?? '', 10) || 1);
  // The API limits the queue to the coordinator's regions.
  const queue = await officerGet<QueuePage>(event, `/api/validation/queue?regionalStatus=awaiting&page=${page}`);
  return { queue };
};

export const actions: Actions = {
  confirm: confirmAction,
};
