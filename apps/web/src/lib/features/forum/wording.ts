import {
  spokenLanguages,
  subjects,
  type CountriesResponse,
  type PostDetail,
  type PostSummary,
} from '@opentwinning/contracts';
import type { Locale } from '@opentwinning/i18n';
import { callApi } from '$lib/api';
import { formatDate } from '$lib/i18n';
import { m } from '$lib/messages';
import { href } from '$lib/paths';
import type { AuthorView, ForumOptions, Option, PostView, ReplyView } from './types';

type Fetch = typeof globalThis.fetch;
type Message = (inputs: object, options: { locale: Locale }) => string;
const catalogue = m as unknown as Record<string, Message | undefined>;
const formatLocale: Record<Locale, string> = { es: 'es-ES', en: 'en-GB' };

/** One post: /es/foro-de-socios/{id}, /en/partner-forum/{id}. */
export function postHref(lang: Locale, id: string, query?: Record<string, string | undefined>): string {
  const path = `${href(lang, 'forum')}/${encodeURIComponent(id)}`;
  const params = new URLSearchParams(
    Object.entries(query ?? {}).filter((e): e is [string, string] => e[1] !== undefined && e[1] !== ''),
  ).toString();
  return params ? `${path}?${params}` : path;
}

/** The posting form: /es/foro-de-socios/new. */
export function newPostHref(lang: Locale): string {
  return `${href(lang, 'forum')}/new`;
}

/** A member's profile: /es/personas/{username}. */
export function personHref(lang: Locale, username: string): string {
  return `${href(lang, 'people')}/${encodeURIComponent(username)}`;
}

export function subjectName(code: string, lang: Locale): string {
  return catalogue[`subject_${code}`]?.({}, { locale: lang }) ?? code;
}

/** A language as it reads inside a sentence (Spanish writes them in lower case: "español e italiano"). */
function languageInSentence(code: string, lang: Locale): string {
  try {
    return new Intl.DisplayNames([formatLocale[lang]], { type: 'language' }).of(code) ?? code;
  } catch {
    return code;
  }
}

/** With a capital letter, as it starts a line: "Español e italiano". */
const sentence = (text: string, lang: Locale) => text.charAt(0).toLocaleUpperCase(lang) + text.slice(1);

/** A language named in the page's language, with a capital letter as it starts a list item ("Español"). */
export function languageName(code: string, lang: Locale): string {
  return sentence(languageInSentence(code, lang), lang);
}

export type CountryNamer = (code: string) => string;

/**
 * The participating countries (GET /api/countries, named in the page's language) as options and
 * as a namer; a code it does not know is named by Intl, or shown as it is.
 */
export async function loadCountries(fetch: Fetch, lang: Locale): Promise<{ options: Option[]; name: CountryNamer }> {
  const result = await callApi<CountriesResponse>(fetch, '/api/countries');
  const countries = result.ok ? result.data.countries : [];
  const names = new Map(countries.map((c) => [c.code, c.name]));
  const collator = new Intl.Collator(lang);
  const options = countries
    .map((c) => ({ value: c.code, label: c.name }))
    .sort((a, b) => collator.compare(a.label, b.label));
  const name = (code: string) => {
    const known = names.get(code);
    if (known) return known;
    try {
      return new Intl.DisplayNames([formatLocale[lang]], { type: 'region' }).of(code) ?? code;
    } catch {
      return code;
    }
  };
  return { options, name };
}

/** Subjects in the profile's order, languages by name: the choices of the forms. */
export function formOptions(lang: Locale, countries: Option[]): ForumOptions {
  const collator = new Intl.Collator(lang);
  return {
    subjects: subjects.map((s) => ({ value: s, label: subjectName(s, lang) })),
    languages: spokenLanguages
      .map((l) => ({ value: l, label: languageName(l, lang) }))
      .sort((a, b) => collator.compare(a.label, b.label)),
    countries,
  };
}

export function kindLabel(kind: string, lang: Locale): string {
  const o = { locale: lang };
  return kind === 'offer' ? m.forum_kind_offer({}, o) : m.forum_kind_seek({}, o);
}

/** A moment for reading, in the reader's time zone: "3 March 2026, 14:05". */
export function momentText(iso: string, lang: Locale, timeZone: string): string {
  const options: Intl.DateTimeFormatOptions = { dateStyle: 'long', timeStyle: 'short' };
  try {
    return new Intl.DateTimeFormat(formatLocale[lang], { ...options, timeZone }).format(new Date(iso));
  } catch {
    return new Intl.DateTimeFormat(formatLocale[lang], options).format(new Date(iso));
  }
}

function authorView(author: PostSummary['author'], lang: Locale): AuthorView {
  if (!author) return { name: m.forum_former_member({}, { locale: lang }), href: null };
  return { name: `${author.firstName} ${author.lastName}`, href: personHref(lang, author.username) };
}

function durationText(months: number, lang: Locale): string {
  const o = { locale: lang };
  return new Intl.PluralRules(lang).select(months) === 'one'
    ? m.forum_duration_one({ count: months }, o)
    : m.forum_duration_other({ count: months }, o);
}

/** A post as the cards and the post page show it. */
export function presentPost(p: PostSummary, lang: Locale, country: CountryNamer, timeZone: string): PostView {
  const o = { locale: lang };
  const list = (items: string[]) => new Intl.ListFormat(formatLocale[lang], { type: 'conjunction' }).format(items);
  return {
    id: p.id,
    href: postHref(lang, p.id),
    kind: p.kind,
    kindLabel: kindLabel(p.kind, lang),
    status: p.status,
    title: p.title,
    lang: p.language,
    idea: p.idea,
    author: authorView(p.author, lang),
    country: country(p.countryCode),
    ages:
      p.ages.min === p.ages.max
        ? m.forum_age_one({ age: p.ages.min }, o)
        : m.forum_ages({ min: p.ages.min, max: p.ages.max }, o),
    subjects: list(p.subjects.map((s) => subjectName(s, lang))),
    languages: sentence(list(p.languages.map((l) => languageInSentence(l, lang))), lang),
    wanted: p.countriesWanted.length ? list(p.countriesWanted.map(country)) : m.forum_wanted_any({}, o),
    start: p.expectedStart ? formatDate(p.expectedStart, lang) : null,
    duration: p.durationMonths ? durationText(p.durationMonths, lang) : null,
    replies: p.replies,
    createdAt: p.createdAt,
    created: momentText(p.createdAt, lang, timeZone),
    mine: p.mine,
  };
}

export function presentReplies(post: PostDetail, lang: Locale, timeZone: string): ReplyView[] {
  return post.replyList.map((r) => ({
    id: r.id,
    body: r.body,
    author: authorView(r.author, lang),
    createdAt: r.createdAt,
    created: momentText(r.createdAt, lang, timeZone),
  }));
}
