import type { PersonRef, ProjectDetail } from '@opentwinning/contracts';
import * as m from '@opentwinning/i18n/messages';
import type { PresentContext } from './present';
import type { StepView } from './types';
import { dayText, daysSince, waitingText } from './wording';

/**
 * The approval tracker (R-PRJ-3) as an ordered list: the co-founder's answer, then for each
 * founder country its region's consent (where the country has that step) and its National Support
 * Service's approval. Each step is done (with its date), awaited (since when, for how long),
 * refused (the rejection) or still to come.
 */
export function tracker(p: ProjectDetail, cofounder: PersonRef | null, ctx: PresentContext): StepView[] {
  const o = { locale: ctx.lang };
  const day = (iso: string) => dayText(iso, ctx.lang, ctx.timeZone);
  const done = (key: string, who: string, at: string | null): StepView => ({
    key,
    who,
    status: 'done',
    text: at ? m.projects_step_done_on({ date: day(at) }, o) : m.projects_step_done({}, o),
    at,
    mine: false,
  });
  const awaited = (key: string, who: string, since: string, mine = false): StepView => ({
    key,
    who,
    status: 'awaited',
    // "for 3 days (since 2 March 2026)"; a step awaited since today needs no date.
    text:
      daysSince(since, ctx.now) === 0
        ? waitingText(since, ctx.lang, ctx.now)
        : m.projects_step_awaited({ waiting: waitingText(since, ctx.lang, ctx.now), date: day(since) }, o),
    at: since,
    mine,
  });
  const later = (key: string, who: string, text: string): StepView => ({
    key,
    who,
    status: 'later',
    text,
    at: null,
    mine: false,
  });

  const steps: StepView[] = [];
  const cofounderWho = cofounder
    ? m.projects_who_cofounder({ name: `${cofounder.firstName} ${cofounder.lastName}` }, o)
    : m.projects_the_cofounder({}, o);
  const waitingCofounder = p.awaited.find((a) => a.kind === 'cofounder');
  if (p.state === 'draft') {
    steps.push(later('cofounder', cofounderWho, m.projects_step_after_submit({}, o)));
  } else if (waitingCofounder) {
    steps.push(awaited('cofounder', cofounderWho, waitingCofounder.since, cofounder?.username === ctx.me));
  } else {
    steps.push(done('cofounder', cofounderWho, null));
  }

  if (p.steps.length === 0) {
    // Not submitted yet (or sent back): the steps to come, one per founder country.
    const countries = [...new Set(p.members.filter((x) => x.role === 'founder').map((x) => x.school.countryCode))];
    const known = countries.length ? countries : p.countries;
    for (const code of known) {
      steps.push(
        later(`nss-${code}`, m.projects_who_nss_title({ country: ctx.country(code) }, o), m.projects_step_later({}, o)),
      );
    }
    // A European draft: the co-founder's country is not known to the page yet, its service decides too.
    if (p.kind === 'european' && known.length < 2) {
      steps.push(later('nss-cofounder', m.projects_who_nss_cofounder_country({}, o), m.projects_step_later({}, o)));
    }
    return steps;
  }

  for (const s of p.steps) {
    const country = ctx.country(s.countryCode);
    const refused = p.state === 'rejected' && p.rejection?.countryCode === s.countryCode ? p.rejection : null;
    if (s.regionId !== null) {
      const key = `region-${s.regionId}`;
      const who = m.projects_who_region_title({ region: s.regionName ?? '', country }, o);
      const waiting = p.awaited.find((a) => a.kind === 'region' && a.regionId === s.regionId);
      if (s.regionConsentedAt) steps.push(done(key, who, s.regionConsentedAt));
      else if (waiting) steps.push(awaited(key, who, waiting.since));
      else steps.push(later(key, who, m.projects_step_later({}, o)));
    }
    const key = `nss-${s.countryCode}`;
    const who = m.projects_who_nss_title({ country }, o);
    const waiting = p.awaited.find((a) => a.kind === 'nss' && a.countryCode === s.countryCode);
    if (refused) {
      steps.push({
        key,
        who,
        status: 'refused',
        text: m.projects_step_refused_on({ date: day(refused.at) }, o),
        at: refused.at,
        mine: false,
      });
    } else if (s.approvedAt) steps.push(done(key, who, s.approvedAt));
    else if (waiting) steps.push(awaited(key, who, waiting.since));
    else
      steps.push(
        later(key, who, s.regionId !== null ? m.projects_step_after_region({}, o) : m.projects_step_later({}, o)),
      );
  }
  return steps;
}
