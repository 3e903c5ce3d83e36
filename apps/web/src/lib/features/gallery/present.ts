import { spokenLanguages, subjects, type GalleryCard, type PublicProject } from '@opentwinning/contracts';
import type { Locale } from '@opentwinning/i18n';
// The catalogue itself (not $lib/messages), so that this wording can be tested on its own.
import * as m from '@opentwinning/i18n/messages';
import { schoolYearText } from './query';
import type { CardView, Option, ProjectView } from './types';

/**
 * The gallery worded for its reader: countries, subjects and languages named in the page's
 * language, numbers and dates formatted for it. Pure: the same on the server and in a test.
 */

const formatLocale: Record<Locale, string> = { es: 'es-ES', en: 'en-GB' };
type Message = (inputs: object, options: { locale: Locale }) => string;
const catalogue = m as unknown as Record<string, Message | undefined>;
export type CountryNamer = (code: string) => string;

export const numberText = (n: number, lang: Locale) => new Intl.NumberFormat(formatLocale[lang]).format(n);
const list = (items: string[], lang: Locale) =>
  new Intl.ListFormat(formatLocale[lang], { type: 'conjunction' }).format(items);
const capital = (text: string, lang: Locale) => text.charAt(0).toLocaleUpperCase(lang) + text.slice(1);

/** A country named by Intl when the list of participating countries does not know it. */
export function intlCountryName(code: string, lang: Locale): string {
  try {
    return new Intl.DisplayNames([formatLocale[lang]], { type: 'region' }).of(code) ?? code;
  } catch {
    return code;
  }
}

export function subjectName(code: string, lang: Locale): string {
  return catalogue[`subject_${code}`]?.({}, { locale: lang }) ?? code;
}

/** A language as it reads inside a sentence (Spanish writes them in lower case). */
function languageInSentence(code: string, lang: Locale): string {
  try {
    return new Intl.DisplayNames([formatLocale[lang]], { type: 'language' }).of(code) ?? code;
  } catch {
    return code;
  }
}

/** A language as it starts a line or a choice ("Español"). */
export function languageName(code: string, lang: Locale): string {
  return capital(languageInSentence(code, lang), lang);
}

/** "1 234 projects", "1 project", with the language's plural rule and number format. */
export function totalText(total: number, lang: Locale): string {
  const o = { locale: lang };
  const count = numberText(total, lang);
  return new Intl.PluralRules(lang).select(total) === 'one'
    ? m.gallery_total_one({ count }, o)
    : m.gallery_total_other({ count }, o);
}

export function agesText(min: number, max: number, lang: Locale): string {
  const o = { locale: lang };
  return min === max ? m.gallery_age_one({ age: min }, o) : m.gallery_ages({ min, max }, o);
}

export function kindText(kind: string, lang: Locale): string {
  const o = { locale: lang };
  if (kind === 'european') return m.gallery_kind_european({}, o);
  if (kind === 'national') return m.gallery_kind_national({}, o);
  return kind;
}

export function stateText(state: string, lang: Locale): string {
  const o = { locale: lang };
  if (state === 'active') return m.gallery_state_active({}, o);
  if (state === 'closed') return m.gallery_state_closed({}, o);
  return m.gallery_state_all({}, o);
}

/** "3 schools", with the plural rule. */
export function schoolsText(count: number, lang: Locale): string {
  const o = { locale: lang };
  const n = numberText(count, lang);
  return new Intl.PluralRules(lang).select(count) === 'one'
    ? m.gallery_schools_one({ count: n }, o)
    : m.gallery_schools_other({ count: n }, o);
}

/** A day for reading, from an ISO timestamp: "3 March 2026". */
export function dayText(iso: string, lang: Locale): string {
  return new Intl.DateTimeFormat(formatLocale[lang], { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(iso));
}

/** The start of a text, cut at a word, for a card. */
export function excerpt(text: string, max = 240): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).replace(/[\s,.;:]+$/, '')}…`;
}

/** Subjects in the profile's order, languages and countries by name: the form's choices. */
export function choiceOptions(lang: Locale): { subjects: Option[]; languages: Option[] } {
  const collator = new Intl.Collator(lang);
  return {
    subjects: subjects.map((s) => ({ value: s, label: subjectName(s, lang) })),
    languages: spokenLanguages
      .map((l) => ({ value: l, label: languageName(l, lang) }))
      .sort((a, b) => collator.compare(a.label, b.label)),
  };
}

function common(p: GalleryCard, lang: Locale, country: CountryNamer) {
  return {
    id: p.id,
    title: p.title,
    kind: kindText(p.kind, lang),
    state: p.state,
    stateLabel: stateText(p.state, lang),
    ages: agesText(p.ageMin, p.ageMax, lang),
    subjects: list(
      p.subjects.map((s) => subjectName(s, lang)),
      lang,
    ),
    languages: capital(
      list(
        p.languages.map((l) => languageInSentence(l, lang)),
        lang,
      ),
      lang,
    ),
    schoolYear: schoolYearText(p.schoolYear),
    countryNames: p.countries.map(country),
  };
}

export function presentCard(p: GalleryCard, lang: Locale, country: CountryNamer, href: string): CardView {
  const { countryNames, ...rest } = common(p, lang, country);
  return {
    ...rest,
    href,
    excerpt: excerpt(p.summary),
    countries: list(countryNames, lang),
    schools: schoolsText(p.schools, lang),
  };
}

export function presentProject(
  p: PublicProject,
  lang: Locale,
  country: CountryNamer,
  personHref: (username: string) => string,
): ProjectView {
  const { countryNames, ...rest } = common(p, lang, country);
  const teachersShown = p.schoolList.some((s) => s.teachers !== null);
  return {
    ...rest,
    summary: p.summary,
    aims: p.aims,
    expectedResults: p.expectedResults,
    countries: countryNames,
    activated: { iso: p.activatedAt, text: dayText(p.activatedAt, lang) },
    closed: p.closedAt ? { iso: p.closedAt, text: dayText(p.closedAt, lang) } : null,
    schools: p.schoolList.map((s) => ({
      id: s.id,
      name: s.name,
      place: [s.city, country(s.countryCode)].filter(Boolean).join(' · '),
      teachers:
        s.teachers?.map((t) => ({ name: `${t.firstName} ${t.lastName}`, href: personHref(t.username) })) ?? null,
    })),
    teachersShown,
  };
}
