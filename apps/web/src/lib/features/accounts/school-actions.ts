import type { SchoolView } from '@opentwinning/contracts';
import type { Locale } from '@opentwinning/i18n';
import { redirect, type RequestEvent } from '@sveltejs/kit';
import { callApi, formFailure } from '$lib/api';
import { href } from '$lib/paths';
import { numberField, text, texts } from './form';

type Event = RequestEvent<{ lang: string }>;

/** Joins a school, or swaps the affiliation being changed for it (R-ACC-3: back to validation). */
async function joinSchool(event: Event, schoolId: string, affiliationId: string) {
  const result = affiliationId
    ? await callApi(event.fetch, `/api/me/affiliations/${encodeURIComponent(affiliationId)}/change`, {
        method: 'POST',
        body: { schoolId },
      })
    : await callApi(event.fetch, '/api/me/affiliations', { method: 'POST', body: { schoolId } });
  if (!result.ok) return formFailure(result, { intent: 'join' });
  redirect(303, href(event.params.lang as Locale, 'account', { joined: '1' }));
}

/** The school registration form as SchoolCreate (numbers as numbers, empty optionals as null). */
function schoolFromForm(data: FormData) {
  const regionId = numberField(data, 'regionId');
  const pupilCount = numberField(data, 'pupilCount');
  return {
    countryCode: text(data, 'countryCode'),
    regionId: regionId ?? null,
    name: text(data, 'name'),
    levels: texts(data, 'levels'),
    address: text(data, 'address'),
    city: text(data, 'city'),
    postalCode: text(data, 'postalCode'),
    ageMin: numberField(data, 'ageMin'),
    ageMax: numberField(data, 'ageMax'),
    pupilCount: pupilCount ?? null,
    website: text(data, 'website'),
    headName: text(data, 'headName'),
    headEmail: text(data, 'headEmail'),
  };
}

export const schoolActions = {
  /** POST /api/me/affiliations {schoolId} (or …/{id}/change when changing school). */
  join: async (event: Event) => {
    const data = await event.request.formData();
    return joinSchool(event, text(data, 'schoolId'), text(data, 'affiliationId'));
  },
  /** DELETE /api/me/affiliations/{id}. */
  leave: async (event: Event) => {
    const id = text(await event.request.formData(), 'affiliationId');
    const result = await callApi(event.fetch, `/api/me/affiliations/${encodeURIComponent(id)}`, { method: 'DELETE' });
    if (!result.ok) return formFailure(result, { intent: 'join' });
    redirect(303, href(event.params.lang as Locale, 'school', { left: '1' }));
  },
  /**
   * Registers a school in two steps: first the likely duplicates in the same city are shown
   * (GET /api/schools/similar); "none of these" (confirmed=1) then POST /api/schools and joins it.
   */
  create: async (event: Event) => {
    const data = await event.request.formData();
    const school = schoolFromForm(data);
    const affiliationId = text(data, 'affiliationId');
    const values = { ...school, affiliationId, intent: 'create' };
    if (!data.has('confirmed') && school.countryCode && school.city.trim() && school.name.trim()) {
      const query = new URLSearchParams({
        country: school.countryCode,
        city: school.city.trim(),
        name: school.name.trim(),
      });
      const similar = await callApi<{ schools: SchoolView[] }>(event.fetch, `/api/schools/similar?${query}`);
      if (similar.ok && similar.data.schools.length)
        return { intent: 'similar', similar: similar.data.schools, values };
    }
    const created = await callApi<SchoolView>(event.fetch, '/api/schools', { method: 'POST', body: school });
    if (!created.ok) return formFailure(created, values);
    return joinSchool(event, created.data.id, affiliationId);
  },
};
