import type { MeResponse } from '@opentwinning/contracts';
import type { Locale } from '@opentwinning/i18n';
import { redirect } from '@sveltejs/kit';
import { callApi, formFailure } from '$lib/api';
import { href } from '$lib/paths';
import { checked, text, texts } from '$features/accounts/form';
import { requireMe } from '$features/accounts/guard';
import { languageOptions, timeZoneOptions } from '$features/accounts/options';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ parent, params, url }) => {
  const lang = params.lang as Locale;
  const me = requireMe((await parent()).me, lang, url);
  return {
    me,
    // Named and sorted here, so that the page and its hydration show the same lists.
    languages: languageOptions(lang),
    timeZones: timeZoneOptions(me.timeZone || 'Europe/Madrid'),
    welcome: url.searchParams.has('welcome'),
    saved: url.searchParams.has('saved'),
  };
};

export const actions: Actions = {
  /** PUT /api/me/profile. The first time, the sign-up continues with the school (step 4). */
  save: async ({ request, fetch, params }) => {
    const data = await request.formData();
    const body = {
      firstName: text(data, 'firstName'),
      lastName: text(data, 'lastName'),
      schoolRole: text(data, 'schoolRole'),
      subjects: texts(data, 'subjects'),
      languages: texts(data, 'languages'),
      presentation: text(data, 'presentation'),
      lookingForPartners: checked(data, 'lookingForPartners'),
      // Always sent: the API defaults what is missing, which would silently undo an opt-out.
      presentationLanguage: text(data, 'presentationLanguage') || null,
      discoverable: checked(data, 'discoverable'),
      dailyDigest: checked(data, 'dailyDigest'),
      uiLanguage: text(data, 'uiLanguage'),
      timeZone: text(data, 'timeZone'),
    };
    const before = await callApi<MeResponse>(fetch, '/api/me');
    const result = await callApi<MeResponse>(fetch, '/api/me/profile', { method: 'PUT', body });
    if (!result.ok) return formFailure(result, { ...body, presentationLanguage: body.presentationLanguage ?? '' });
    const lang = params.lang as Locale;
    const firstTime = before.ok && !before.data.profileCompleted;
    redirect(303, firstTime ? href(lang, 'school') : href(lang, 'profile', { saved: '1' }));
  },
};
