import type { Locale } from '@opentwinning/i18n';
import { requireMe } from '$features/accounts/guard';
import { deleteAction, importAction, loadImports } from '$features/statistics/imports.server';
import type { Actions, PageServerLoad } from './$types';

/** Historical figures (aggregates for periods before the platform), imported by CSS officers. */
export const load: PageServerLoad = async (event) => {
  requireMe((await event.parent()).me, event.params.lang as Locale, event.url);
  return loadImports(event);
};

export const actions: Actions = {
  import: importAction,
  delete: deleteAction,
};
