import type { Locale } from '@opentwinning/i18n';
import { requireMe } from '$features/accounts/guard';
import { decideAction, loadProjectQueue } from '$features/project-queue/queue.server';
import type { Actions, PageServerLoad } from './$types';

/**
 * The project-approval queue (R-PRJ-3) of NSS officers, regional coordinators and the CSS: the
 * steps awaited, longest wait first, with quick decisions. The API decides who may read it.
 */
export const load: PageServerLoad = async (event) => {
  const me = requireMe((await event.parent()).me, event.params.lang as Locale, event.url);
  return loadProjectQueue(event, me);
};

export const actions: Actions = {
  approve: decideAction('approved'),
  reject: decideAction('rejected'),
  consent: decideAction('consented'),
};
