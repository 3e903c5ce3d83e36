import type { Locale } from '@opentwinning/i18n';
import { redirect } from '@sveltejs/kit';
import { decideAction, loadQueue } from '$features/validation/queue.server';
import { href } from '$lib/paths';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  const { me } = await event.parent();
  // A regional coordinator's work is on their own page (the API would show them their regions here).
  if (me && me.abilities.validateCountries.length === 0 && me.abilities.confirmRegions.length > 0) {
    redirect(303, href(event.params.lang as Locale, 'regional'));
  }
  return loadQueue(event, me);
};

export const actions: Actions = {
  decide: decideAction,
};
