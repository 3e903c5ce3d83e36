import type { Locale } from '@opentwinning/i18n';
import { error } from '@sveltejs/kit';
import { callApi } from '$lib/api';
import { requireMe } from '$features/accounts/guard';
import { relationActions } from '$features/partners/actions';
import { personHref } from '$features/partners/links';
import type { Relation } from '$features/partners/types';
import type { Actions, PageServerLoad } from './$types';

export interface PublicProfile {
  username: string;
  firstName: string;
  lastName: string;
  schoolRole: string | null;
  subjects: string[];
  languages: string[];
  presentation: string;
  lookingForPartners: boolean;
  schools: { id: string; name: string; city: string; countryCode: string; regionName: string | null }[];
}

/**
 * Another member's profile (GET /api/people/{username}). Only validated members may see it: the
 * API's 403 ACCOUNT_NOT_VALIDATED becomes a friendly page, not an error. With it, where I stand
 * with them (GET /api/contacts/with/{username}) for the contact actions.
 */
export const load: PageServerLoad = async ({ parent, params, url, fetch }) => {
  requireMe((await parent()).me, params.lang as Locale, url);
  const username = encodeURIComponent(params.username);
  const result = await callApi<PublicProfile>(fetch, `/api/people/${username}`);
  if (result.ok) {
    const relation = await callApi<Relation>(fetch, `/api/contacts/with/${username}`);
    return { person: result.data, refusal: null, relation: relation.ok ? relation.data : null };
  }
  if (result.status === 403) return { person: null, refusal: result.error.message, relation: null };
  error(result.status, { message: result.error.message, code: result.error.code });
};

/** Ask, answer, withdraw, remove, block, unblock: back to this profile with a notice. */
export const actions: Actions = relationActions((lang, params, done) =>
  personHref(lang, params.username ?? '', { done }),
);
