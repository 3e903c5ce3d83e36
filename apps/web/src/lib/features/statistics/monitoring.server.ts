import type { DashboardResponse, MeResponse, WaitingFigures } from '@opentwinning/contracts';
import type { Locale } from '@opentwinning/i18n';
import * as m from '@opentwinning/i18n/messages';
import { error, redirect } from '@sveltejs/kit';
import { callApi } from '$lib/api';
import { href } from '$lib/paths';
import { daysText, numberText, stepShare } from './present';
import type { FunnelStep, MonitoringView, WaitingView } from './types';

type Fetch = typeof globalThis.fetch;
export interface Event {
  fetch: Fetch;
  url: URL;
  params: Partial<Record<string, string>>;
}

/** A signed-out visitor goes to the sign-in page, and comes back here afterwards. */
export function toSignIn(event: Event): never {
  const query = new URLSearchParams(event.url.search);
  for (const key of [...query.keys()]) if (key.startsWith('/')) query.delete(key); // a form action's name
  const next = query.size ? `${event.url.pathname}?${query}` : event.url.pathname;
  redirect(303, href(event.params.lang as Locale, 'signIn', { next }));
}

function waitingGroups(f: WaitingFigures, lang: Locale): WaitingView['groups'] {
  const o = { locale: lang };
  return [
    {
      title: m.stats_waiting_now_title({}, o),
      items: [
        { label: m.stats_waiting_now({}, o), value: numberText(f.waiting, lang) },
        { label: m.stats_waiting_p50({}, o), value: daysText(f.waitingDays.p50, lang) },
        { label: m.stats_waiting_p90({}, o), value: daysText(f.waitingDays.p90, lang) },
        { label: m.stats_waiting_max({}, o), value: daysText(f.waitingDays.max, lang) },
      ],
    },
    {
      title: m.stats_decided_title({}, o),
      items: [
        { label: m.stats_decided_90({}, o), value: numberText(f.decided90, lang) },
        { label: m.stats_decided_p50({}, o), value: daysText(f.decidedDays.p50, lang) },
        { label: m.stats_decided_p90({}, o), value: daysText(f.decidedDays.p90, lang) },
      ],
    },
  ];
}

/** The funnel, each step with its share of the step before; labels are not awarded yet (null). */
function funnelSteps(f: DashboardResponse['funnel'], lang: Locale): FunnelStep[] {
  const o = { locale: lang };
  const steps: { key: string; label: string; count: number | null }[] = [
    { key: 'registered', label: m.stats_funnel_registered({}, o), count: f.registered },
    { key: 'validated', label: m.stats_funnel_validated({}, o), count: f.validated },
    { key: 'inProject', label: m.stats_funnel_in_project({}, o), count: f.inProject },
    { key: 'labelled', label: m.stats_funnel_labelled({}, o), count: f.labelled },
  ];
  return steps.map((step, i) => {
    const previous = i > 0 ? steps[i - 1]!.count : null;
    return {
      key: step.key,
      label: step.label,
      count: step.count === null ? null : numberText(step.count, lang),
      share: step.count === null || previous === null ? null : stepShare(step.count, previous, lang),
    };
  });
}

/**
 * The support services' dashboard (GET /api/statistics/dashboard, R-STAT-4): waiting times of
 * validations and project approvals, and the funnel from registration to quality label. An NSS
 * officer sees their country; the CSS all countries or one (?country=). The API decides who may
 * read it: signed out → sign-in; refused → the page's error.
 */
export async function loadMonitoring(event: Event, me: MeResponse): Promise<MonitoringView> {
  const lang = event.params.lang as Locale;
  const o = { locale: lang };
  const requested = (event.url.searchParams.get('country') ?? '').trim().toUpperCase();
  const query = requested ? `?${new URLSearchParams({ country: requested })}` : '';
  const result = await callApi<DashboardResponse>(event.fetch, `/api/statistics/dashboard${query}`);
  if (!result.ok) {
    if (result.status === 401) toSignIn(event);
    error(result.status, { message: result.error.message, code: result.error.code });
  }
  const data = result.data;
  const allowAll = me.abilities.validateCountries.includes('*');
  const country = data.country?.code;
  const collator = new Intl.Collator(lang);
  const options = data.scopes
    .map((s) => ({ value: s.code, label: s.name }))
    .sort((a, b) => collator.compare(a.label, b.label));
  const panels: WaitingView[] = [
    {
      title: m.stats_validations_title({}, o),
      groups: waitingGroups(data.validations, lang),
      link: { label: m.stats_validations_link({}, o), href: href(lang, 'nss', { country }) },
    },
    {
      title: m.stats_approvals_title({}, o),
      groups: waitingGroups(data.projectApprovals, lang),
      link: {
        label: m.stats_approvals_link({}, o),
        href: href(lang, 'projectQueue', { country, scope: allowAll ? 'all' : undefined }),
      },
    },
  ];
  return {
    title: data.country
      ? m.stats_monitoring_title_country({ country: data.country.name }, o)
      : m.stats_monitoring_title_all({}, o),
    scope: allowAll || options.length > 1 ? { value: country ?? '', options, allowAll } : null,
    panels,
    funnel: funnelSteps(data.funnel, lang),
  };
}
