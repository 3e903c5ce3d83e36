import type { ProjectKind, ProjectStateName } from '@opentwinning/contracts';
import type { Locale } from '@opentwinning/i18n';
// The catalogue itself (not $lib/messages), so that this wording can be tested on its own.
import * as m from '@opentwinning/i18n/messages';

/** Words shared by the project pages: states, kinds, subjects, languages, dates and waiting times. Pure. */

type Message = (inputs: object, options: { locale: Locale }) => string;
const catalogue = m as unknown as Record<string, Message | undefined>;
const formatLocale: Record<Locale, string> = { es: 'es-ES', en: 'en-GB' };

export type CountryNamer = (code: string) => string;

export function stateLabel(state: ProjectStateName, lang: Locale): string {
  return catalogue[`projects_state_${state}`]?.({}, { locale: lang }) ?? state;
}

/** The badge's colour class (the state is also written in words). */
export function stateTone(state: ProjectStateName): 'pending' | 'validated' | 'rejected' | 'neutral' {
  if (state === 'awaiting_partner' || state === 'awaiting_approval') return 'pending';
  if (state === 'active') return 'validated';
  if (state === 'rejected') return 'rejected';
  return 'neutral';
}

export function kindLabel(kind: ProjectKind, lang: Locale): string {
  const o = { locale: lang };
  return kind === 'european' ? m.projects_kind_european({}, o) : m.projects_kind_national({}, o);
}

export function subjectName(code: string, lang: Locale): string {
  return catalogue[`subject_${code}`]?.({}, { locale: lang }) ?? code;
}

/** A language named in the page's language, as it starts a line ("Español"). */
export function languageName(code: string, lang: Locale): string {
  let name = code;
  try {
    name = new Intl.DisplayNames([formatLocale[lang]], { type: 'language' }).of(code) ?? code;
  } catch {
    // an unknown code is shown as it is
  }
  return name.charAt(0).toLocaleUpperCase(lang) + name.slice(1);
}

/** "France, Spain and Italy". */
export function listText(items: string[], lang: Locale): string {
  return new Intl.ListFormat(formatLocale[lang], { type: 'conjunction' }).format(items);
}

/** A day for reading, in the reader's time zone: "3 March 2026". */
export function dayText(iso: string, lang: Locale, timeZone: string): string {
  try {
    return new Intl.DateTimeFormat(formatLocale[lang], { dateStyle: 'long', timeZone }).format(new Date(iso));
  } catch {
    return new Intl.DateTimeFormat(formatLocale[lang], { dateStyle: 'long' }).format(new Date(iso));
  }
}

/** Whole days between a moment and now (never negative). */
export function daysSince(iso: string, now: Date): number {
  return Math.max(0, Math.floor((now.getTime() - new Date(iso).getTime()) / 86_400_000));
}

/** "for 3 days" / "since today", after "Awaiting: …". */
export function waitingText(iso: string, lang: Locale, now: Date): string {
  const o = { locale: lang };
  const days = daysSince(iso, now);
  if (days === 0) return m.projects_waiting_today({}, o);
  return new Intl.PluralRules(lang).select(days) === 'one'
    ? m.projects_waiting_days_one({ count: days }, o)
    : m.projects_waiting_days_other({ count: days }, o);
}

/** "Pupils aged 12–14", or null when the draft does not say yet. */
export function agesText(min: number | null, max: number | null, lang: Locale): string | null {
  const o = { locale: lang };
  if (min === null || max === null) return null;
  return min === max ? m.projects_age_one({ age: min }, o) : m.projects_ages({ min, max }, o);
}

/** The form's fields in order, with their labels (also the names of the `missing` list). */
export const formFieldNames = [
  'title',
  'summary',
  'languages',
  'ageMin',
  'ageMax',
  'pupils',
  'subjects',
  'tools',
  'aims',
  'workProcess',
  'expectedResults',
  'erasmusReference',
] as const;
export type FormFieldName = (typeof formFieldNames)[number];

export function fieldLabel(name: string, lang: Locale): string {
  const key = name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
  return catalogue[`projects_field_${key}`]?.({}, { locale: lang }) ?? name;
}

export function fieldLabels(lang: Locale): Record<FormFieldName, string> {
  return Object.fromEntries(formFieldNames.map((f) => [f, fieldLabel(f, lang)])) as Record<FormFieldName, string>;
}
