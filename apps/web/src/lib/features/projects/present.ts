import type {
  AwaitedStepView,
  InvitationView,
  PersonRef,
  ProjectDetail,
  ProjectSummary,
} from '@opentwinning/contracts';
import type { Locale } from '@opentwinning/i18n';
import * as m from '@opentwinning/i18n/messages';
import { personHref, projectHref } from './links';
import { tracker } from './tracker';
import type { DraftValues, FactView, InvitationCardView, MemberView, ProjectCardView, ProjectPageView } from './types';
import {
  agesText,
  dayText,
  fieldLabel,
  kindLabel,
  languageName,
  listText,
  stateLabel,
  stateTone,
  subjectName,
  waitingText,
  type CountryNamer,
} from './wording';

/** Everything the wording needs to know about the reader and the moment. Pure: tested on its own. */
export interface PresentContext {
  lang: Locale;
  timeZone: string;
  now: Date;
  country: CountryNamer;
  /** The reader's username. */
  me: string;
}

export const fullName = (p: PersonRef) => `${p.firstName} ${p.lastName}`;

/** Who a step awaits, in words: "the National Support Service of France". */
export function awaitedWho(step: AwaitedStepView, ctx: PresentContext): string {
  const o = { locale: ctx.lang };
  const country = step.countryCode ? ctx.country(step.countryCode) : '';
  switch (step.kind) {
    case 'cofounder':
      return m.projects_who_cofounder_answer({ name: step.person ? fullName(step.person) : '' }, o);
    case 'region':
      return m.projects_who_region({ region: step.regionName ?? '', country }, o);
    case 'nss':
      return m.projects_who_nss({ country }, o);
  }
}

/** "Awaiting your answer as co-founder", or "Awaiting: the NSS of France, for 3 days". */
export function awaitedLine(step: AwaitedStepView, ctx: PresentContext): { text: string; mine: boolean } {
  const o = { locale: ctx.lang };
  if (step.kind === 'cofounder' && step.person?.username === ctx.me) {
    return { text: m.projects_awaiting_your_answer({}, o), mine: true };
  }
  return {
    text: m.projects_awaiting_line(
      { who: awaitedWho(step, ctx), waiting: waitingText(step.since, ctx.lang, ctx.now) },
      o,
    ),
    mine: false,
  };
}

/** "1 country", "3 countries". */
const countText = (count: number, ctx: PresentContext) =>
  new Intl.PluralRules(ctx.lang).select(count) === 'one'
    ? m.projects_countries_count_one({ count }, { locale: ctx.lang })
    : m.projects_countries_count_other({ count }, { locale: ctx.lang });

const countriesText = (codes: string[], ctx: PresentContext) =>
  listText(
    codes.map(ctx.country).sort((a, b) => a.localeCompare(b, ctx.lang)),
    ctx.lang,
  );

export function presentCard(p: ProjectSummary, ctx: PresentContext): ProjectCardView {
  return {
    id: p.id,
    href: projectHref(ctx.lang, p.id),
    title: p.title,
    kind: p.kind,
    kindLabel: kindLabel(p.kind, ctx.lang),
    state: p.state,
    stateLabel: stateLabel(p.state, ctx.lang),
    tone: stateTone(p.state),
    countries: countriesText(p.countries, ctx),
    ages: agesText(p.ageMin, p.ageMax, ctx.lang),
    subjects: listText(
      p.subjects.map((s) => subjectName(s, ctx.lang)),
      ctx.lang,
    ),
    changedAt: p.stateChangedAt,
    changed: dayText(p.stateChangedAt, ctx.lang, ctx.timeZone),
    awaited: p.awaited.map((a) => awaitedLine(a, ctx)),
  };
}

export function presentInvitation(i: InvitationView, ctx: PresentContext): InvitationCardView {
  return {
    id: i.id,
    projectHref: projectHref(ctx.lang, i.project.id),
    title: i.project.title,
    kindLabel: kindLabel(i.project.kind, ctx.lang),
    countries: countriesText(i.project.countries, ctx),
    invitedBy: i.invitedBy ? fullName(i.invitedBy) : null,
    createdAt: i.createdAt,
    created: dayText(i.createdAt, ctx.lang, ctx.timeZone),
  };
}

const str = (v: string | number | null) => (v === null ? '' : String(v));

function draftValues(p: ProjectDetail): DraftValues {
  return {
    title: p.title,
    summary: str(p.summary),
    languages: p.languages,
    ageMin: str(p.ageMin),
    ageMax: str(p.ageMax),
    pupils: str(p.pupils),
    subjects: p.subjects,
    tools: str(p.tools),
    aims: str(p.aims),
    workProcess: str(p.workProcess),
    expectedResults: str(p.expectedResults),
    erasmusReference: str(p.erasmusReference),
  };
}

/** The form read-only (outside drafts): only what is filled in. */
function facts(p: ProjectDetail, ctx: PresentContext): FactView[] {
  const { lang } = ctx;
  const lines: [string, string | null, boolean][] = [
    ['summary', p.summary, true],
    [
      'languages',
      p.languages.length
        ? listText(
            p.languages.map((l) => languageName(l, lang)),
            lang,
          )
        : null,
      false,
    ],
    ['ages', agesText(p.ageMin, p.ageMax, lang), false],
    ['pupils', p.pupils === null ? null : new Intl.NumberFormat(lang).format(p.pupils), false],
    [
      'subjects',
      p.subjects.length
        ? listText(
            p.subjects.map((s) => subjectName(s, lang)),
            lang,
          )
        : null,
      false,
    ],
    ['tools', p.tools, true],
    ['aims', p.aims, true],
    ['workProcess', p.workProcess, true],
    ['expectedResults', p.expectedResults, true],
    ['erasmusReference', p.erasmusReference, false],
  ];
  return lines
    .filter((l): l is [string, string, boolean] => l[1] !== null && l[1] !== '')
    .map(([name, value, long]) => ({ name, label: fieldLabel(name, lang), value, long }));
}

function member(mv: ProjectDetail['members'][number], ctx: PresentContext): MemberView {
  const o = { locale: ctx.lang };
  return {
    username: mv.person.username,
    name: fullName(mv.person),
    href: personHref(ctx.lang, mv.person.username),
    role: mv.role,
    roleLabel: mv.role === 'founder' ? m.projects_role_founder({}, o) : m.projects_role_partner({}, o),
    school: `${mv.school.name}, ${mv.school.city}`,
    country: ctx.country(mv.school.countryCode),
    joinedAt: mv.joinedAt,
    joined: dayText(mv.joinedAt, ctx.lang, ctx.timeZone),
    me: mv.person.username === ctx.me,
  };
}

/** The co-founder: the person awaited, else the founder who joined second (the creator joined first). */
export function cofounderOf(p: ProjectDetail): PersonRef | null {
  const awaited = p.awaited.find((a) => a.kind === 'cofounder')?.person;
  if (awaited) return awaited;
  const founders = p.members.filter((x) => x.role === 'founder').sort((a, b) => a.joinedAt.localeCompare(b.joinedAt));
  return founders[1]?.person ?? null;
}

export function presentProject(p: ProjectDetail, ctx: PresentContext): ProjectPageView {
  const { lang, timeZone } = ctx;
  const day = (iso: string) => dayText(iso, lang, timeZone);
  const cofounder = cofounderOf(p);
  const regionName = (id: number) => {
    const step = p.steps.find((s) => s.regionId === id);
    return step ? `${step.regionName ?? id} (${ctx.country(step.countryCode)})` : String(id);
  };
  return {
    id: p.id,
    title: p.title,
    state: p.state,
    stateLabel: stateLabel(p.state, lang),
    tone: stateTone(p.state),
    kind: p.kind,
    kindLabel: kindLabel(p.kind, lang),
    countries: countriesText(p.countries, ctx),
    countryCount: countText(p.countries.length, ctx),
    listed: p.listed,
    myRole: p.myRole,
    abilities: p.abilities,
    draft: draftValues(p),
    facts: facts(p, ctx),
    missing: p.missing.map((name) => ({ name, label: fieldLabel(name, lang) })),
    tracker: tracker(p, cofounder, ctx),
    members: p.members.map((x) => member(x, ctx)),
    invitations: p.invitations.map((i) => ({
      id: i.id,
      name: fullName(i.person),
      by: i.invitedBy ? fullName(i.invitedBy) : null,
      createdAt: i.createdAt,
      created: day(i.createdAt),
    })),
    rejection: p.rejection
      ? {
          reason: p.rejection.reason,
          by: ctx.country(p.rejection.countryCode),
          at: p.rejection.at,
          when: day(p.rejection.at),
        }
      : null,
    twinspace: p.twinspace ? { createdAt: p.twinspace.createdAt, created: day(p.twinspace.createdAt) } : null,
    since: p.closedAt
      ? m.projects_closed_on({ date: day(p.closedAt) }, { locale: lang })
      : p.activatedAt
        ? m.projects_activated_on({ date: day(p.activatedAt) }, { locale: lang })
        : null,
    approve: p.abilities.approve.map((code) => ({ countryCode: code, label: ctx.country(code) })),
    consent: p.abilities.consent.map((id) => ({ regionId: id, label: regionName(id) })),
    cofounder: cofounder ? fullName(cofounder) : null,
  };
}
