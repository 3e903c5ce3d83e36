import type { Locale } from '@opentwinning/i18n';
import { error } from '@sveltejs/kit';
import { callApi } from '$lib/api';
import { requireMe } from '$features/accounts/guard';
import type { PageServerLoad } from './$types';

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
 * API's 403 ACCOUNT_NOT_VALIDATED becomes a friendly page, not an error.
 */
export const load: PageServerLoad = async ({ parent, params, url, fetch }) => {
  requireMe((await parent()).me, params.lang as Locale, url);
  const result = await callApi<PublicProfile>(fetch, `/api/people/${encodeURIComponent(params.username)}`);
  if (result.ok) return { person: result.data, refusal: null };
  if (result.status === 403) return { person: null, refusal: result.error.message };
  error(result.status, { message: result.error.message, code: result.error.code });
};
