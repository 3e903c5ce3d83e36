import {
  countryCategories,
  schoolLevels,
  type CountriesResponse,
  type FacetCount,
  type SchoolSearchResponse,
  type TeacherSearchResponse,
} from '@opentwinning/contracts';
import type { Locale } from '@opentwinning/i18n';
import { error, redirect } from '@sveltejs/kit';
import { callApi } from '$lib/api';
import { m } from '$lib/messages';
import { activeText, dayText, languageName, personHref, totalText } from './wording';
import { apiQuery, atCursor, facetGroups, readQuery, type FacetName, type SearchQuery } from './query';
import type { FacetOption, FacetView, SearchResults, SearchView } from './types';

type Fetch = typeof globalThis.fetch;
type Response = TeacherSearchResponse | SchoolSearchResponse;
type Facets = Partial<Record<FacetName, FacetCount[]>>;

interface Event {
  fetch: Fetch;
  url: URL;
  params: { lang?: string };
}

/**
 * The partner search (GET /api/search/teachers or /schools) for the address's query, worded for
 * the page. A member who is not validated gets the API's refusal (403) to show, not an error page.
 */
export async function loadSearch(event: Event): Promise<{ refusal: string } | ({ refusal: null } & SearchView)> {
  const lang = event.params.lang as Locale;
  const query = readQuery(event.url.searchParams);
  const path = `/api/search/${query.in}`;
  const [result, countries] = await Promise.all([
    callApi<Response>(event.fetch, `${path}?${apiQuery(query)}`),
    callApi<CountriesResponse>(event.fetch, '/api/countries'),
  ]);
  if (!result.ok && result.status === 403) return { refusal: result.error.message };
  // A page address that was tampered with: the same search from its first page.
  if (!result.ok && result.status === 422 && result.error.fields?.cursor) redirect(303, atCursor(event.url, null));
  if (!result.ok && result.status !== 422) {
    error(result.status, { message: result.error.message, code: result.error.code });
  }
  const names = new Map((countries.ok ? countries.data.countries : []).map((c) => [c.code, c.name]));
  const label = labeller(lang, names);
  const firstHref = query.cursor ? atCursor(event.url, null) : null;
  if (!result.ok) {
    const facets = facetGroups[query.in].map((name) => facetView(name, query, undefined, label, lang));
    const filterError = { message: result.error.message, fields: result.error.fields ?? {} };
    return { refusal: null, query, facets, results: null, firstHref, filterError };
  }
  const facets = await facetCounts(event.fetch, path, query, result.data.facets);
  return {
    refusal: null,
    query,
    facets: facetGroups[query.in].map((name) => facetView(name, query, facets[name], label, lang)),
    results: present(result.data, query, event.url, lang, label),
    firstHref,
    filterError: null,
  };
}

/**
 * Counts for each facet group. The API counts with every filter applied, so a group where
 * something is ticked would only show what is ticked: its counts come from the same search
 * without that group ("how many if I also tick this one"), so several countries can be chosen.
 */
async function facetCounts(fetch: Fetch, path: string, query: SearchQuery, facets: Facets): Promise<Facets> {
  const chosen = facetGroups[query.in].filter((g) => (g === 'looking' ? query.looking !== '' : query[g].length > 0));
  const wider = await Promise.all(
    chosen.map((g) => callApi<Response>(fetch, `${path}?${apiQuery(query, { without: g, limit: 1, page: false })}`)),
  );
  const counts: Facets = { ...facets };
  chosen.forEach((g, i) => {
    const r = wider[i];
    if (r?.ok) counts[g] = (r.data.facets as Facets)[g] ?? [];
  });
  return counts;
}

type Labeller = (name: FacetName, value: string) => string;

/** Labels of facet values in the page's language (unknown values are shown as they are). */
function labeller(lang: Locale, countryNames: Map<string, string>): Labeller {
  const messages = m as unknown as Record<string, ((i: object, o: { locale: Locale }) => string) | undefined>;
  const message = (key: string, fallback: string) => messages[key]?.({}, { locale: lang }) ?? fallback;
  return (name, value) => {
    switch (name) {
      case 'country':
        return countryNames.get(value) ?? regionName(value, lang);
      case 'category':
        return message(`category_${value}`, value);
      case 'subject':
        return message(`subject_${value}`, value);
      case 'language':
        return languageName(value, lang);
      case 'schoolType':
        return message(`level_${value}`, value);
      case 'looking':
        return m.search_looking_only({}, { locale: lang });
    }
  };
}

function regionName(code: string, lang: Locale): string {
  try {
    return new Intl.DisplayNames([lang], { type: 'region' }).of(code) ?? code;
  } catch {
    return code;
  }
}

/** Fixed orders for short lists; long ones are sorted by name. */
const orders: Partial<Record<FacetName, readonly string[]>> = {
  category: countryCategories,
  schoolType: schoolLevels,
};

/** One group's options: the values with results, and the ticked ones even without. */
function facetView(
  name: FacetName,
  query: SearchQuery,
  counts: FacetCount[] | undefined,
  label: Labeller,
  lang: Locale,
): FacetView {
  if (name === 'looking') {
    const count = counts ? (counts.find((c) => c.value === 'true')?.count ?? 0) : null;
    const checked = query.looking === 'true';
    const options = checked || (count ?? 0) > 0 ? [{ value: 'true', label: label(name, 'true'), count, checked }] : [];
    return { name, options };
  }
  const selected = query[name];
  const found = new Map((counts ?? []).map((c) => [c.value, c.count]));
  const values = new Set([...(counts ?? []).filter((c) => c.count > 0).map((c) => c.value), ...selected]);
  const options: FacetOption[] = [...values].map((value) => ({
    value,
    label: label(name, value),
    count: counts ? (found.get(value) ?? 0) : null,
    checked: selected.includes(value),
  }));
  const order = orders[name];
  const collator = new Intl.Collator(lang);
  options.sort((a, b) =>
    order
      ? rank(order, a.value) - rank(order, b.value) || collator.compare(a.label, b.label)
      : collator.compare(a.label, b.label),
  );
  return { name, options };
}

const rank = (order: readonly string[], value: string) => {
  const i = order.indexOf(value);
  return i === -1 ? order.length : i;
};

function present(data: Response, query: SearchQuery, url: URL, lang: Locale, label: Labeller): SearchResults {
  const nextHref = data.nextCursor ? atCursor(url, data.nextCursor) : null;
  const summary = totalText(query.in, data.total, lang);
  const place = (city: string, country: string) => [city, label('country', country)].filter(Boolean).join(' · ');
  const fullName = (p: { firstName: string; lastName: string }) => `${p.firstName} ${p.lastName}`;
  const now = Date.now();
  if (query.in === 'schools') {
    const items = (data as SchoolSearchResponse).items.map((s) => ({
      id: s.id,
      name: s.name,
      place: place(s.city, s.countryCode),
      levels: s.levels.map((l) => label('schoolType', l)),
      ages: s.ages,
      teachers: s.teachers.map((t) => ({
        username: t.username,
        name: fullName(t),
        href: personHref(lang, t.username),
      })),
    }));
    return { in: 'schools', total: data.total, summary, items, nextHref };
  }
  const items = (data as TeacherSearchResponse).items.map((t) => ({
    username: t.username,
    name: fullName(t),
    href: personHref(lang, t.username),
    school: t.school.name,
    place: place(t.school.city, t.school.countryCode),
    ages: t.ages,
    subjects: t.subjects.map((s) => label('subject', s)),
    languages: t.languages.map((l) => label('language', l)),
    looking: t.lookingForPartners,
    presentation: t.presentation,
    presentationLanguage: t.presentationLanguage,
    active: { iso: t.lastActiveAt, text: activeText(t.lastActiveAt, now, lang), day: dayText(t.lastActiveAt, lang) },
  }));
  return { in: 'teachers', total: data.total, summary, items, nextHref };
}
