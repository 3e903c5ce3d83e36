import type { Locale } from '@opentwinning/i18n';
import { formatNumber } from '$lib/i18n';
import { m } from '$lib/messages';
import { href } from '$lib/paths';
import type { SearchIn } from './query';

const DAY = 24 * 60 * 60 * 1000;
const formatLocale: Record<Locale, string> = { es: 'es-ES', en: 'en-GB' };

/** A member's profile: /es/personas/{username}, /en/people/{username}. */
export function personHref(lang: Locale, username: string): string {
  return `${href(lang, 'people')}/${encodeURIComponent(username)}`;
}

/** "23 teachers", "1 school", with the language's plural rule. */
export function totalText(kind: SearchIn, total: number, lang: Locale): string {
  const count = formatNumber(total, lang);
  const one = new Intl.PluralRules(lang).select(total) === 'one';
  const options = { locale: lang };
  if (kind === 'schools') {
    return one ? m.search_total_schools_one({ count }, options) : m.search_total_schools_other({ count }, options);
  }
  return one ? m.search_total_teachers_one({ count }, options) : m.search_total_teachers_other({ count }, options);
}

/** How long ago someone was last active: "today", "3 days ago", "last month", "2 years ago". */
export function activeText(iso: string, now: number, lang: Locale): string {
  const days = Math.max(0, Math.floor((now - Date.parse(iso)) / DAY));
  const rtf = new Intl.RelativeTimeFormat(formatLocale[lang], { numeric: 'auto' });
  if (days < 7) return rtf.format(-days, 'day');
  if (days < 30) return rtf.format(-Math.floor(days / 7), 'week');
  if (days < 365) return rtf.format(-Math.floor(days / 30), 'month');
  return rtf.format(-Math.floor(days / 365), 'year');
}

/** A day for reading: "3 March 2026". */
export function dayText(iso: string, lang: Locale): string {
  return new Intl.DateTimeFormat(formatLocale[lang], { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(iso));
}

/** A language named in the page's language, with a capital letter ("español" → "Español"). */
export function languageName(code: string, lang: Locale): string {
  let name = code;
  try {
    name = new Intl.DisplayNames([lang], { type: 'language' }).of(code) ?? code;
  } catch {
    // an unknown code is shown as it is
  }
  return name.charAt(0).toLocaleUpperCase(lang) + name.slice(1);
}
