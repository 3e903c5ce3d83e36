import type { Locale } from '@opentwinning/i18n';
import { baseLocale } from '@opentwinning/i18n';

/**
 * The language the browser shows, set by the [lang] layout's load before each render.
 * (The server side keeps one per request in hooks.server.ts.)
 */
let clientLocale: Locale = baseLocale;

export const getClientLocale = (): Locale => clientLocale;
export function setClientLocale(locale: Locale): void {
  clientLocale = locale;
}

/** Formatting conventions per UI language: English is written the European way (19 February 2016). */
const formatLocale: Record<Locale, string> = { es: 'es-ES', en: 'en-GB' };

/** Formats a YYYY-MM-DD date for reading, in the page's language (no time-zone shift). */
export function formatDate(isoDate: string, lang: Locale, month: 'long' | 'short' = 'long'): string {
  return new Intl.DateTimeFormat(formatLocale[lang], {
    day: 'numeric',
    month,
    year: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(`${isoDate}T00:00:00Z`));
}

/** Formats a month (YYYY-MM-DD → "March 2015") for approximate dates. */
export function formatMonth(isoDate: string, lang: Locale): string {
  return new Intl.DateTimeFormat(formatLocale[lang], { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
    new Date(`${isoDate}T00:00:00Z`),
  );
}

export function formatNumber(n: number, lang: Locale): string {
  return new Intl.NumberFormat(formatLocale[lang]).format(n);
}
