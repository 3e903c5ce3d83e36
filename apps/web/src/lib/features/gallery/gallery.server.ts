import type { CountriesResponse, GalleryResponse, PublicProject } from '@opentwinning/contracts';
import type { Locale } from '@opentwinning/i18n';
import { error, redirect } from '@sveltejs/kit';
import { callApi } from '$lib/api';
import { m } from '$lib/messages';
import { href } from '$lib/paths';
import { choiceOptions, intlCountryName, presentCard, presentProject, totalText, type CountryNamer } from './present';
import { apiQuery, atCursor, hasFilters, readQuery, schoolYears, schoolYearText } from './query';
import type { GalleryView, Option, ProjectView } from './types';

type Fetch = typeof globalThis.fetch;
interface Event {
  fetch: Fetch;
  url: URL;
  params: Partial<Record<string, string>>;
}

/** A project of the gallery: /es/galeria/{id}, /en/gallery/{id}. */
export function galleryProjectHref(lang: Locale, id: string): string {
  return `${href(lang, 'gallery')}/${encodeURIComponent(id)}`;
}

/** A member's profile: /es/personas/{username}, /en/people/{username}. */
function personHref(lang: Locale, username: string): string {
  return `${href(lang, 'people')}/${encodeURIComponent(username)}`;
}

/** The participating countries, named in the page's language (the API answers in it). */
async function loadCountries(fetch: Fetch, lang: Locale): Promise<{ name: CountryNamer; options: Option[] }> {
  const result = await callApi<CountriesResponse>(fetch, '/api/countries');
  const countries = result.ok ? result.data.countries : [];
  const names = new Map(countries.map((c) => [c.code, c.name]));
  const collator = new Intl.Collator(lang);
  const options = countries
    .map((c) => ({ value: c.code, label: c.name }))
    .sort((a, b) => collator.compare(a.label, b.label));
  return { name: (code) => names.get(code) ?? intlCountryName(code, lang), options };
}

/**
 * The public gallery (GET /api/gallery, R-PRJ-5) for the address's search, worded for the page.
 * No sign-in needed; refused filters (422) are shown on the form.
 */
export async function loadGallery(event: Event): Promise<GalleryView> {
  const { fetch, url } = event;
  const lang = event.params.lang as Locale;
  const query = readQuery(url.searchParams);
  const [result, countries] = await Promise.all([
    callApi<GalleryResponse>(fetch, `/api/gallery?${apiQuery(query)}`),
    loadCountries(fetch, lang),
  ]);
  // A page address that was tampered with: the same search from its first page.
  if (!result.ok && result.status === 422 && result.error.fields?.cursor) redirect(303, atCursor(url, null));
  if (!result.ok && result.status !== 422) {
    error(result.status, { message: result.error.message, code: result.error.code });
  }
  const years = schoolYears(new Date());
  // A year asked for in the address stays selectable even when older than the list.
  const asked = Number(query.schoolYear);
  if (Number.isInteger(asked) && asked > 0 && !years.includes(asked)) years.push(asked);
  const options = {
    ...choiceOptions(lang),
    countries: countries.options,
    schoolYears: years.map((y) => ({ value: String(y), label: schoolYearText(y) })),
  };
  const view = {
    query,
    options,
    firstHref: query.cursor ? atCursor(url, null) : null,
    resetHref: hasFilters(query) ? url.pathname : null,
  };
  if (!result.ok) {
    const filterError = { message: result.error.message, fields: result.error.fields ?? {} };
    return { ...view, summary: null, cards: null, nextHref: null, filterError };
  }
  return {
    ...view,
    summary: totalText(result.data.total, lang),
    cards: result.data.items.map((p) => presentCard(p, lang, countries.name, galleryProjectHref(lang, p.id))),
    nextHref: result.data.nextCursor ? atCursor(url, result.data.nextCursor) : null,
    filterError: null,
  };
}

/**
 * One public project (GET /api/gallery/{id}) and its map (GET /api/gallery/{id}/map.svg). A hidden,
 * unknown or malformed id is a page that does not exist.
 */
export async function loadPublicProject(event: Event): Promise<{ project: ProjectView; map: string | null }> {
  const { fetch } = event;
  const lang = event.params.lang as Locale;
  const path = `/api/gallery/${encodeURIComponent(event.params.id ?? '')}`;
  const [result, map, countries] = await Promise.all([
    callApi<PublicProject>(fetch, path),
    callApi<string>(fetch, `${path}/map.svg`, { as: 'text' }),
    loadCountries(fetch, lang),
  ]);
  if (!result.ok) {
    if (result.status === 404 || result.status === 422) {
      error(404, { message: m.gallery_not_found_text(), code: 'NOT_FOUND' });
    }
    error(result.status, { message: result.error.message, code: result.error.code });
  }
  return {
    project: presentProject(result.data, lang, countries.name, (u) => personHref(lang, u)),
    // Only an SVG made by the API is inlined.
    map: map.ok && map.data.trimStart().startsWith('<svg') ? map.data : null,
  };
}
