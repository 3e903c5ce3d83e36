import type { MatchReason } from '@opentwinning/contracts';
import type { Locale } from '@opentwinning/i18n';
// The catalogue itself (not $lib/messages), so that this wording can be tested on its own.
import * as m from '@opentwinning/i18n/messages';

/**
 * Why a partner is suggested (R-PF-4), in the reader's language. The API gives the reasons as data
 * (shared ages, languages, subjects, common school time, school year, activity); this words them:
 * "pupils 12–14 on both sides · both work in French and English · 30 h of common school time a
 * week, Mon–Fri". Pure: the same on the server and in the browser.
 */

const formatLocale: Record<Locale, string> = { es: 'es-ES', en: 'en-GB' };
type Message = (inputs: Record<string, unknown>, options: { locale: Locale }) => string;
const catalogue = m as unknown as Record<string, Message | undefined>;

/** "French and English", "francés e inglés". */
export function listText(items: string[], lang: Locale): string {
  return new Intl.ListFormat(formatLocale[lang], { type: 'conjunction' }).format(items);
}

/** A language named as it reads inside a sentence (Spanish writes them in lower case). */
function languageInSentence(code: string, lang: Locale): string {
  try {
    return new Intl.DisplayNames([formatLocale[lang]], { type: 'language' }).of(code) ?? code;
  } catch {
    return code;
  }
}

/** A subject's catalogue label (subject_<id>); an unknown one is shown as it is. */
function subjectName(code: string, lang: Locale): string {
  return catalogue[`subject_${code}`]?.({}, { locale: lang }) ?? code;
}

const weekday = (day: number, lang: Locale) =>
  // 1 January 2024 was a Monday: day 1 = Monday … 7 = Sunday.
  new Intl.DateTimeFormat(formatLocale[lang], { weekday: 'short', timeZone: 'UTC' }).format(
    new Date(Date.UTC(2024, 0, day)),
  );

/**
 * School days (1 = Monday … 7 = Sunday) for reading: runs of three days or more as ranges
 * ("Mon–Fri"), the rest as a list ("Mon, Wed and Fri"; two days in a row read better listed).
 */
export function weekdaysText(days: number[], lang: Locale): string {
  const sorted = [...new Set(days)].filter((d) => d >= 1 && d <= 7).sort((a, b) => a - b);
  const parts: string[] = [];
  for (let i = 0; i < sorted.length;) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === sorted[j]! + 1) j++;
    if (j - i >= 2) parts.push(`${weekday(sorted[i]!, lang)}–${weekday(sorted[j]!, lang)}`);
    else for (let k = i; k <= j; k++) parts.push(weekday(sorted[k]!, lang));
    i = j + 1;
  }
  return listText(parts, lang);
}

const number = (n: number, lang: Locale) =>
  new Intl.NumberFormat(formatLocale[lang], { maximumFractionDigits: 1 }).format(n);

/** One reason in words. */
export function reasonText(reason: MatchReason, lang: Locale): string {
  const o = { locale: lang };
  switch (reason.kind) {
    case 'ages':
      return reason.min === reason.max
        ? m.reason_ages_one({ age: reason.min }, o)
        : m.reason_ages({ min: reason.min, max: reason.max }, o);
    case 'languages':
      return m.reason_languages(
        {
          languages: listText(
            reason.codes.map((c) => languageInSentence(c, lang)),
            lang,
          ),
        },
        o,
      );
    case 'subjects':
      return m.reason_subjects(
        {
          subjects: listText(
            reason.codes.map((c) => subjectName(c, lang)),
            lang,
          ),
        },
        o,
      );
    case 'school_time': {
      const hours = number(reason.hoursPerWeek, lang);
      return reason.days.length
        ? m.reason_school_time({ hours, days: weekdaysText(reason.days, lang) }, o)
        : m.reason_school_time_no_days({ hours }, o);
    }
    case 'school_year':
      return m.reason_school_year({ weeks: reason.weeks }, o);
    case 'active':
      return reason.daysAgo <= 30
        ? m.reason_active_recent({}, o)
        : m.reason_active_days_ago({ days: number(reason.daysAgo, lang) }, o);
  }
}

/** The reasons on one line, strongest first as the API gives them, joined with " · ". */
export function reasonsLine(reasons: MatchReason[], lang: Locale): string {
  const line = reasons.map((r) => reasonText(r, lang)).join(' · ');
  return line.charAt(0).toLocaleUpperCase(lang) + line.slice(1);
}
