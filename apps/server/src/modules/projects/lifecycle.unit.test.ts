import { describe, expect, it } from 'vitest';
import {
  awaitedSteps,
  projectKind,
  projectStates,
  transition,
  type ApprovalStep,
  type ProjectEvent,
  type ProjectState,
  type Transition,
} from './lifecycle.ts';

const at = new Date('2027-01-10T10:00:00Z');
const es = { countryCode: 'ES', regionId: 1 };
const fr = { countryCode: 'FR', regionId: null };
const it_ = { countryCode: 'IT', regionId: null };

/** Runs events from draft and returns the last answer. */
function run(events: ProjectEvent[]) {
  let state: ProjectState = 'draft';
  let steps: ApprovalStep[] = [];
  let last: Transition | undefined;
  for (const e of events) {
    last = transition(state, steps, e, at);
    if (!last.ok) return last;
    state = last.state;
    steps = last.steps;
  }
  if (!last) throw new Error('no events');
  return last;
}

describe('project kind (R-PRJ-1)', () => {
  it('is European across two countries, national within one', () => {
    expect(projectKind(['ES', 'FR'])).toBe('european');
    expect(projectKind(['IT', 'IT'])).toBe('national');
  });
});

describe('project lifecycle (R-PRJ-3)', () => {
  it('a European project needs both NSS approvals; one alone never activates it', () => {
    const one = run([
      { type: 'submit', steps: [fr, it_] },
      { type: 'partner_accept' },
      { type: 'nss_approve', countryCode: 'FR' },
    ]);
    expect(one).toMatchObject({ ok: true, state: 'awaiting_approval' });
    const both = run([
      { type: 'submit', steps: [fr, it_] },
      { type: 'partner_accept' },
      { type: 'nss_approve', countryCode: 'FR' },
      { type: 'nss_approve', countryCode: 'IT' },
    ]);
    expect(both).toMatchObject({ ok: true, state: 'active' });
  });

  it('a national project needs its one NSS', () => {
    const r = run([
      { type: 'submit', steps: [it_] },
      { type: 'partner_accept' },
      { type: 'nss_approve', countryCode: 'IT' },
    ]);
    expect(r).toMatchObject({ ok: true, state: 'active' });
  });

  it('with regions, the region consents before the NSS may approve', () => {
    const early = run([
      { type: 'submit', steps: [es, fr] },
      { type: 'partner_accept' },
      { type: 'nss_approve', countryCode: 'ES' },
    ]);
    expect(early).toEqual({ ok: false, refusal: 'region_first', state: 'awaiting_approval' });
    const r = run([
      { type: 'submit', steps: [es, fr] },
      { type: 'partner_accept' },
      { type: 'region_consent', regionId: 1 },
      { type: 'nss_approve', countryCode: 'ES' },
      { type: 'nss_approve', countryCode: 'FR' },
    ]);
    expect(r).toMatchObject({ ok: true, state: 'active' });
  });

  it('the tracker lists what is still awaited, region first', () => {
    const r = run([
      { type: 'submit', steps: [es, fr] },
      { type: 'partner_accept' },
      { type: 'nss_approve', countryCode: 'FR' },
    ]);
    if (!r.ok) throw new Error('refused');
    expect(awaitedSteps(r.steps).map((a) => [a.kind, a.step.countryCode])).toEqual([['region', 'ES']]);
  });

  it('a rejection needs a reason; the way back is edit (draft) and submit again, steps afresh', () => {
    const base: ProjectEvent[] = [
      { type: 'submit', steps: [fr, it_] },
      { type: 'partner_accept' },
      { type: 'nss_approve', countryCode: 'FR' },
    ];
    expect(run([...base, { type: 'nss_reject', countryCode: 'IT', reason: ' ' }])).toMatchObject({
      ok: false,
      refusal: 'reason_required',
    });
    expect(run([...base, { type: 'nss_reject', countryCode: 'IT', reason: 'Falta el plan de trabajo' }])).toMatchObject(
      {
        ok: true,
        state: 'rejected',
        reason: 'Falta el plan de trabajo',
      },
    );
    const again = run([
      ...base,
      { type: 'nss_reject', countryCode: 'IT', reason: 'Falta el plan de trabajo' },
      { type: 'edit' },
      { type: 'submit', steps: [fr, it_] },
      { type: 'partner_accept' },
    ]);
    expect(again).toMatchObject({ ok: true, state: 'awaiting_approval' });
    if (again.ok) expect(again.steps.every((s) => s.approvedAt === null)).toBe(true);
  });

  it('the co-founder declining sends the project back to draft', () => {
    expect(run([{ type: 'submit', steps: [fr, it_] }, { type: 'partner_decline' }])).toMatchObject({
      ok: true,
      state: 'draft',
    });
  });

  it('refuses every illegal transition with the current state, and steps that are not the project’s', () => {
    const events: ProjectEvent[] = [
      { type: 'submit', steps: [fr] },
      { type: 'partner_accept' },
      { type: 'partner_decline' },
      { type: 'region_consent', regionId: 1 },
      { type: 'nss_approve', countryCode: 'FR' },
      { type: 'nss_reject', countryCode: 'FR', reason: 'x' },
      { type: 'edit' },
      { type: 'close' },
      { type: 'archive' },
    ];
    const legal: Record<ProjectState, ProjectEvent['type'][]> = {
      draft: ['submit'],
      awaiting_partner: ['partner_accept', 'partner_decline'],
      awaiting_approval: ['region_consent', 'nss_approve', 'nss_reject'],
      active: ['close'],
      closed: ['archive'],
      archived: [],
      rejected: ['edit'],
    };
    const steps: ApprovalStep[] = [{ ...fr, regionConsentedAt: null, approvedAt: null }];
    for (const state of projectStates)
      for (const e of events) {
        const r = transition(state, steps, e, at);
        if (legal[state].includes(e.type)) {
          if (!r.ok) expect(r.refusal).not.toBe('illegal_transition');
        } else expect(r, `${state} + ${e.type}`).toEqual({ ok: false, refusal: 'illegal_transition', state });
      }
    const r = run([
      { type: 'submit', steps: [fr] },
      { type: 'partner_accept' },
      { type: 'nss_approve', countryCode: 'PL' },
    ]);
    expect(r).toEqual({ ok: false, refusal: 'not_a_step', state: 'awaiting_approval' });
    const twice = run([
      { type: 'submit', steps: [fr, it_] },
      { type: 'partner_accept' },
      { type: 'nss_approve', countryCode: 'FR' },
      { type: 'nss_approve', countryCode: 'FR' },
    ]);
    expect(twice).toEqual({ ok: false, refusal: 'already_done', state: 'awaiting_approval' });
  });

  it('active → closed → archived', () => {
    const r = run([
      { type: 'submit', steps: [it_] },
      { type: 'partner_accept' },
      { type: 'nss_approve', countryCode: 'IT' },
      { type: 'close' },
      { type: 'archive' },
    ]);
    expect(r).toMatchObject({ ok: true, state: 'archived' });
  });
});

describe('several regions of one country (R-PRJ-3)', () => {
  const andalucia = { countryCode: 'ES', regionId: 1 };
  const madrid = { countryCode: 'ES', regionId: 2 };
  it('each region consents, then the NSS approves the country once; the tracker names each region', () => {
    let t = run([{ type: 'submit', steps: [andalucia, madrid] }, { type: 'partner_accept' }]);
    if (!t.ok) throw new Error('refused');
    expect(awaitedSteps(t.steps).map((a) => `${a.kind}:${a.step.regionId}`)).toEqual(['region:1', 'region:2']);
    t = transition(t.state, t.steps, { type: 'region_consent', regionId: 1 }, at);
    if (!t.ok) throw new Error('refused');
    expect(transition(t.state, t.steps, { type: 'nss_approve', countryCode: 'ES' }, at)).toMatchObject({
      ok: false,
      refusal: 'region_first',
    });
    t = transition(t.state, t.steps, { type: 'region_consent', regionId: 2 }, at);
    if (!t.ok) throw new Error('refused');
    expect(awaitedSteps(t.steps).map((a) => a.kind)).toEqual(['nss']);
    expect(transition(t.state, t.steps, { type: 'nss_approve', countryCode: 'ES' }, at)).toMatchObject({
      ok: true,
      state: 'active',
    });
  });

  it('a country that approved cannot reject afterwards', () => {
    const r = run([
      { type: 'submit', steps: [fr, it_] },
      { type: 'partner_accept' },
      { type: 'nss_approve', countryCode: 'FR' },
      { type: 'nss_reject', countryCode: 'FR', reason: 'Second thoughts' },
    ]);
    expect(r).toMatchObject({ ok: false, refusal: 'already_done', state: 'awaiting_approval' });
  });
});
