import type { CountriesResponse, MeResponse } from '@opentwinning/contracts';
import type { Locale } from '@opentwinning/i18n';
import { callApi } from '$lib/api';
import type { ContactChoice, SchoolChoice } from './types';
import type { CountryNamer } from './wording';

/** What the project pages read besides the project: country names, my schools, my contacts and theirs. */

type Fetch = typeof globalThis.fetch;
const formatLocale: Record<Locale, string> = { es: 'es-ES', en: 'en-GB' };

/** Countries named in the page's language (GET /api/countries); a code it does not know is named by Intl. */
export async function loadCountryNamer(fetch: Fetch, lang: Locale): Promise<CountryNamer> {
  const result = await callApi<CountriesResponse>(fetch, '/api/countries');
  const names = new Map((result.ok ? result.data.countries : []).map((c) => [c.code, c.name]));
  return (code: string) => {
    const known = names.get(code);
    if (known) return known;
    try {
      return new Intl.DisplayNames([formatLocale[lang]], { type: 'region' }).of(code) ?? code;
    } catch {
      return code;
    }
  };
}

/** My validated schools: the founder's school, or the school I join a project with. */
export function mySchools(me: MeResponse, country: CountryNamer): SchoolChoice[] {
  return me.affiliations
    .filter((a) => a.status === 'validated')
    .map((a) => ({
      id: a.school.id,
      label: `${a.school.name}, ${a.school.city} (${country(a.school.countryCode)})`,
      countryCode: a.school.countryCode,
      country: country(a.school.countryCode),
    }));
}

interface ContactsOverview {
  contacts: { person: { username: string; firstName: string; lastName: string } }[];
}

interface PublicProfile {
  schools: { id: string; name: string; city: string; countryCode: string }[];
}

/**
 * My contacts (GET /api/contacts), each with their schools (GET /api/people/{username}), sorted by
 * name: the people I may choose as co-founder or invite (R-PF-3). Someone whose profile cannot be
 * read (not validated any more) is left out.
 */
export async function loadContacts(fetch: Fetch, lang: Locale, country: CountryNamer): Promise<ContactChoice[] | null> {
  const result = await callApi<ContactsOverview>(fetch, '/api/contacts');
  if (!result.ok) return null;
  const people = await Promise.all(
    result.data.contacts.map(async ({ person }) => {
      const profile = await callApi<PublicProfile>(fetch, `/api/people/${encodeURIComponent(person.username)}`);
      if (!profile.ok || profile.data.schools.length === 0) return null;
      return {
        username: person.username,
        name: `${person.firstName} ${person.lastName}`,
        schools: profile.data.schools.map((s) => ({
          id: s.id,
          label: `${s.name}, ${s.city} (${country(s.countryCode)})`,
          countryCode: s.countryCode,
          country: country(s.countryCode),
        })),
      };
    }),
  );
  const collator = new Intl.Collator(lang);
  return people.filter((p): p is ContactChoice => p !== null).sort((a, b) => collator.compare(a.name, b.name));
}
