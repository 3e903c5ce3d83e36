import { countryDetail, countryOptions, countryScope } from '$features/validation/countries.server';
import { officerGet } from '$features/validation/officer-api.server';
import type { AuditEntry } from '$features/validation/types';
import type { PageServerLoad } from './$types';

const PAGE = 100; // the API's page size

export const load: PageServerLoad = async (event) => {
  const { me } = await event.parent();
  const scope = countryScope(me, event.url.searchParams.get('country'));
  const before = event.url.searchParams.get('before') ?? '';
  const query = new URLSearchParams(Object.entries({ country: scope.country, before }).filter(([, v]) => v !== ''));
  const [{ entries }, countries, country] = await Promise.all([
    officerGet<{ entries: AuditEntry[] }>(event, `/api/audit?${query}`),
    countryOptions(event.fetch, scope.choices),
    countryDetail(event.fetch, scope.country),
  ]);
  return {
    entries,
    before,
    // "Older" pages by the last id shown; a short page is the last one.
    older: entries.length === PAGE ? String(entries.at(-1)?.id ?? '') : '',
    countryCode: scope.country,
    country: country ? { code: country.code, name: country.name } : null,
    countries,
    timeZone: me?.timeZone,
  };
};
