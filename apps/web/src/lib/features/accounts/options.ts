import { spokenLanguages } from '@opentwinning/contracts';
import type { Locale } from '@opentwinning/i18n';

export interface Option {
  value: string;
  label: string;
  /** The language the label is written in, when not the page's. */
  lang?: string;
}

const collator = (lang: Locale) => new Intl.Collator(lang);

/**
 * Languages spoken, named in the page's language and sorted for reading. Computed on the server,
 * so that the page and its hydration agree.
 */
export function languageOptions(lang: Locale): Option[] {
  const c = collator(lang);
  return spokenLanguages
    .map((code) => ({ value: code, label: languageName(code, lang) }))
    .sort((a, b) => c.compare(a.label, b.label));
}

/**
 * The name of one language in the page's language, with a capital letter as it starts a label or a
 * list item (Intl writes Spanish names in lower case: "español" → "Español").
 */
export function languageName(code: string, lang: Locale): string {
  const name = new Intl.DisplayNames([lang], { type: 'language' }).of(code) ?? code;
  return name.charAt(0).toLocaleUpperCase(lang) + name.slice(1);
}

/** The IANA time zones this runtime knows, with the person's own one kept even if unknown here. */
export function timeZoneOptions(current: string): string[] {
  const zones = Intl.supportedValuesOf('timeZone');
  return zones.includes(current) || !current ? zones : [current, ...zones];
}

const formatLocale: Record<Locale, string> = { es: 'es-ES', en: 'en-GB' };

/** A moment (ISO timestamp) for reading: "3 March 2026, 14:05", in the person's time zone. */
export function formatMoment(iso: string, lang: Locale, timeZone = 'Europe/Madrid'): string {
  const options: Intl.DateTimeFormatOptions = { dateStyle: 'long', timeStyle: 'short' };
  try {
    return new Intl.DateTimeFormat(formatLocale[lang], { ...options, timeZone }).format(new Date(iso));
  } catch {
    return new Intl.DateTimeFormat(formatLocale[lang], options).format(new Date(iso));
  }
}

/** A day (ISO timestamp) for reading: "3 March 2026". */
export function formatDay(iso: string, lang: Locale, timeZone = 'Europe/Madrid'): string {
  try {
    return new Intl.DateTimeFormat(formatLocale[lang], { dateStyle: 'long', timeZone }).format(new Date(iso));
  } catch {
    return new Intl.DateTimeFormat(formatLocale[lang], { dateStyle: 'long' }).format(new Date(iso));
  }
}

/** The interface languages, each named in itself (as in the language switcher). */
export const uiLanguageOptions: Option[] = [
  { value: 'es', label: 'Español', lang: 'es' },
  { value: 'en', label: 'English', lang: 'en' },
];
