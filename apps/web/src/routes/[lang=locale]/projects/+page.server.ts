import type { MyProjectsResponse } from '@opentwinning/contracts';
import type { Locale } from '@opentwinning/i18n';
import { error } from '@sveltejs/kit';
import { callApi } from '$lib/api';
import { requireMe } from '$features/accounts/guard';
import { invitationActions } from '$features/projects/invitation-actions';
import { presentCard, presentInvitation } from '$features/projects/present';
import { loadCountryNamer, mySchools } from '$features/projects/sources.server';
import type { Actions, PageServerLoad } from './$types';

/**
 * My projects (GET /api/projects/mine), grouped by state with the steps each one awaits, and the
 * invitations waiting for my answer. Members not validated yet are told why they have none.
 */
export const load: PageServerLoad = async ({ parent, params, url, fetch }) => {
  const lang = params.lang as Locale;
  const me = requireMe((await parent()).me, lang, url);
  const result = await callApi<MyProjectsResponse>(fetch, '/api/projects/mine');
  if (!result.ok) {
    if (result.status === 403)
      return { refusal: result.error.message, projects: [], invitations: [], schools: [], done: '' };
    error(result.status, { message: result.error.message, code: result.error.code });
  }
  const country = await loadCountryNamer(fetch, lang);
  const ctx = { lang, timeZone: me.timeZone, now: new Date(), country, me: me.username };
  return {
    refusal: null,
    projects: result.data.items.map((p) => presentCard(p, ctx)),
    invitations: result.data.invitations.map((i) => presentInvitation(i, ctx)),
    schools: mySchools(me, country),
    done: url.searchParams.get('done') ?? '',
  };
};

export const actions: Actions = invitationActions;
