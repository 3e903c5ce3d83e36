import type {
  ApprovalStepView,
  AwaitedStepView,
  ProjectQueueItem,
  ProjectQueueResponse,
} from '@opentwinning/contracts';
import type { Locale } from '@opentwinning/i18n';
// The catalogue itself (not $lib/messages), so that this wording can be tested on its own.
import * as m from '@opentwinning/i18n/messages';
import type { Decision } from './query';
import type { OtherStepView, QueueRow, WaitingFigures } from './types';

/**
 * The queue worded for its reader (R-PRJ-3): who is awaited, for how long, what the other
 * countries have done. Pure: the same on the server and in a test.
 */

const formatLocale: Record<Locale, string> = { es: 'es-ES', en: 'en-GB' };
export type CountryNamer = (code: string) => string;

/** A country named by Intl when the list of participating countries does not know it. */
export function intlCountryName(code: string, lang: Locale): string {
  try {
    return new Intl.DisplayNames([formatLocale[lang]], { type: 'region' }).of(code) ?? code;
  } catch {
    return code;
  }
}

export const numberText = (n: number, lang: Locale) => new Intl.NumberFormat(formatLocale[lang]).format(n);

/** A day for reading, from an ISO timestamp or date: "3 March 2026". */
export function dayText(iso: string, lang: Locale): string {
  return new Intl.DateTimeFormat(formatLocale[lang], { dateStyle: 'long', timeZone: 'UTC' }).format(
    new Date(iso.length === 10 ? `${iso}T00:00:00Z` : iso),
  );
}

/** "1 day", "4.5 days", "12 days", with the language's plural rule and number format (one decimal at most). */
export function daysText(days: number, lang: Locale): string {
  const o = { locale: lang };
  const count = Math.round(days * 10) / 10;
  const n = new Intl.NumberFormat(formatLocale[lang], { maximumFractionDigits: 1 }).format(count);
  return new Intl.PluralRules(lang).select(count) === 'one'
    ? m.queue_project_days_one({ count: n }, o)
    : m.queue_project_days_other({ count: n }, o);
}

const list = (items: string[], lang: Locale) =>
  new Intl.ListFormat(formatLocale[lang], { type: 'conjunction' }).format(items);

export function kindText(kind: string, lang: Locale): string {
  const o = { locale: lang };
  if (kind === 'european') return m.queue_project_kind_european({}, o);
  if (kind === 'national') return m.queue_project_kind_national({}, o);
  return kind;
}

/** Who is awaited: "National support service of Spain", "Consent of Andalucía (Spain)". */
export function awaitedText(
  step: { kind: string; countryCode: string | null; regionName: string | null },
  lang: Locale,
  country: CountryNamer,
): string {
  const o = { locale: lang };
  const name = step.countryCode ? country(step.countryCode) : '';
  if (step.kind === 'region') {
    return m.queue_project_awaited_region({ region: step.regionName ?? name, country: name }, o);
  }
  return m.queue_project_awaited_nss({ country: name }, o);
}

/** Another country's step: "France: approved on 3 March 2026", or what it still waits for. */
export function otherStepText(step: ApprovalStepView, lang: Locale, country: CountryNamer): OtherStepView {
  const o = { locale: lang };
  const name = country(step.countryCode);
  if (step.approvedAt) {
    return {
      text: m.queue_project_other_approved({ country: name, date: dayText(step.approvedAt, lang) }, o),
      done: true,
    };
  }
  if (step.regionId !== null && !step.regionConsentedAt) {
    const region = step.regionName ?? name;
    return { text: m.queue_project_other_region({ country: name, region }, o), done: false };
  }
  return { text: m.queue_project_other_nss({ country: name }, o), done: false };
}

export function presentRow(
  item: ProjectQueueItem,
  options: { lang: Locale; country: CountryNamer; projectHref: (id: string) => string; actionable: boolean },
): QueueRow {
  const { lang, country } = options;
  const { project, step } = item;
  return {
    key: `${project.id}:${step.kind}:${step.countryCode}:${step.regionId ?? ''}`,
    projectId: project.id,
    title: project.title,
    href: options.projectHref(project.id),
    kind: kindText(project.kind, lang),
    countries: list(project.countries.map(country), lang),
    founders: item.founders.map((f) => ({
      name: `${f.person.firstName} ${f.person.lastName}`,
      school: f.school.name,
      place: [f.school.city, country(f.school.countryCode)].filter(Boolean).join(' · '),
    })),
    awaited: awaitedText(step, lang, country),
    step: { kind: step.kind, countryCode: step.countryCode, regionId: step.regionId },
    others: item.otherSteps.map((s) => otherStepText(s, lang, country)),
    since: { iso: item.waitingSince, text: dayText(item.waitingSince, lang) },
    days: daysText(item.waitingDays, lang),
    actionable: options.actionable,
  };
}

/** The waiting-time figures of the whole queue (days), worded; null figures stay null. */
export function presentFigures(data: Pick<ProjectQueueResponse, 'total' | 'waiting'>, lang: Locale): WaitingFigures {
  const days = (n: number | null) => (n === null ? null : daysText(n, lang));
  return {
    total: numberText(data.total, lang),
    p50: days(data.waiting.p50),
    p90: days(data.waiting.p90),
    max: days(data.waiting.max),
  };
}

/**
 * The notice after a decision. With the project as it now is (when it could be read): whether it
 * became active, or who it still awaits.
 */
export function decisionText(
  decision: Decision,
  at: string,
  project: { title: string; state: string; awaited: AwaitedStepView[]; steps: ApprovalStepView[] } | null,
  lang: Locale,
  country: CountryNamer,
): string {
  const o = { locale: lang };
  if (!project) return m.queue_project_done_generic({}, o);
  const title = project.title;
  if (decision === 'rejected') return m.queue_project_done_rejected({ title }, o);
  if (decision === 'consented') {
    const region =
      project.steps.find((s) => String(s.regionId) === at)?.regionName ?? m.queue_project_your_region({}, o);
    return m.queue_project_done_consented({ title, region }, o);
  }
  const done = m.queue_project_done_approved({ title, country: at ? country(at) : '' }, o);
  if (project.state === 'active') return `${done} ${m.queue_project_done_active({}, o)}`;
  const still = project.awaited.filter((a) => a.kind !== 'cofounder').map((a) => awaitedText(a, lang, country));
  return still.length ? `${done} ${m.queue_project_done_still({ steps: list(still, lang) }, o)}` : done;
}
