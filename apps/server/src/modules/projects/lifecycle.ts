/**
 * The project lifecycle (R-PRJ-3) as one explicit state machine, pure: given a project's state,
 * its approval steps and an event, it answers the next state and steps, or refuses with the
 * current state. No I/O: the service applies the answer in a transaction (row, domain event,
 * audit, notification of the next actor).
 *
 *   draft ──submit──▶ awaiting_partner ──partner_accept──▶ awaiting_approval ──(every step done)──▶ active
 *     ▲                  │ partner_decline                    │ region_consent / nss_approve
 *     └──────────────────┘                                    │ nss_reject (reason)
 *     ▲                                                       ▼
 *     └───────────── edit ◀──────────────────────────────── rejected
 *   active ──close──▶ closed ──archive──▶ archived
 *
 * Approval steps: one per founder country (one for a national project, two for a European one);
 * where the country uses its regional step, each founder's region consents before the NSS may
 * approve (a national project of two regions has one step per region, approved together by the
 * NSS once both consented). One approval alone never activates a European project. A rejection (by any NSS)
 * sends the project to `rejected` with a reason; the founders edit it (back to `draft`, steps
 * cleared) and submit again — the co-founder confirms again, then every step starts afresh.
 */

export const projectStates = [
  'draft',
  'awaiting_partner',
  'awaiting_approval',
  'active',
  'closed',
  'archived',
  'rejected',
] as const;
export type ProjectState = (typeof projectStates)[number];

/** One country's approval: its region's consent first where the country uses regions. */
export interface ApprovalStep {
  countryCode: string;
  /** The founder's region, when the country uses its regional step. */
  regionId: number | null;
  regionConsentedAt: Date | null;
  approvedAt: Date | null;
}

export type ProjectEvent =
  | { type: 'submit'; steps: Omit<ApprovalStep, 'regionConsentedAt' | 'approvedAt'>[] }
  | { type: 'partner_accept' }
  | { type: 'partner_decline' }
  | { type: 'region_consent'; regionId: number }
  | { type: 'nss_approve'; countryCode: string }
  | { type: 'nss_reject'; countryCode: string; reason: string }
  | { type: 'edit' }
  | { type: 'close' }
  | { type: 'archive' };

export type Refusal =
  | 'illegal_transition' // the event does not apply in this state
  | 'not_a_step' // no approval step for that country or region
  | 'region_first' // the region has not consented yet
  | 'already_done' // this step is already done
  | 'reason_required';

export type Transition =
  | { ok: true; state: ProjectState; steps: ApprovalStep[]; reason?: string }
  | { ok: false; refusal: Refusal; state: ProjectState };

const refuse = (refusal: Refusal, state: ProjectState): Transition => ({ ok: false, refusal, state });

export interface AwaitedStep {
  kind: 'region' | 'nss';
  step: ApprovalStep;
}

const ofCountry = (steps: ApprovalStep[], countryCode: string) => steps.filter((s) => s.countryCode === countryCode);
const regionsWaiting = (steps: ApprovalStep[]) => steps.some((s) => s.regionId !== null && !s.regionConsentedAt);

/**
 * Steps still awaited, in order (the approval tracker): a country's regions' consents, else its NSS
 * (once per country).
 */
export function awaitedSteps(steps: ApprovalStep[]): AwaitedStep[] {
  const countries = [...new Set(steps.map((s) => s.countryCode))];
  return countries.flatMap((code): AwaitedStep[] => {
    const mine = ofCountry(steps, code);
    if (mine.every((s) => s.approvedAt)) return [];
    const regions = mine.filter((s) => s.regionId !== null && !s.regionConsentedAt);
    if (regions.length) return regions.map((step) => ({ kind: 'region', step }));
    return [{ kind: 'nss', step: mine[0]! }];
  });
}

export function transition(state: ProjectState, steps: ApprovalStep[], event: ProjectEvent, at: Date): Transition {
  switch (event.type) {
    case 'submit': {
      if (state !== 'draft') return refuse('illegal_transition', state);
      const fresh = event.steps.map((s) => ({ ...s, regionConsentedAt: null, approvedAt: null }));
      return { ok: true, state: 'awaiting_partner', steps: fresh };
    }
    case 'partner_accept':
      if (state !== 'awaiting_partner') return refuse('illegal_transition', state);
      return { ok: true, state: 'awaiting_approval', steps };
    case 'partner_decline':
      if (state !== 'awaiting_partner') return refuse('illegal_transition', state);
      return { ok: true, state: 'draft', steps: [] };
    case 'region_consent': {
      if (state !== 'awaiting_approval') return refuse('illegal_transition', state);
      const i = steps.findIndex((s) => s.regionId === event.regionId);
      if (i < 0) return refuse('not_a_step', state);
      if (steps[i]!.regionConsentedAt) return refuse('already_done', state);
      const next = steps.map((s, j) => (j === i ? { ...s, regionConsentedAt: at } : s));
      return { ok: true, state, steps: next };
    }
    case 'nss_approve': {
      if (state !== 'awaiting_approval') return refuse('illegal_transition', state);
      const mine = ofCountry(steps, event.countryCode);
      if (!mine.length) return refuse('not_a_step', state);
      if (mine.every((s) => s.approvedAt)) return refuse('already_done', state);
      if (regionsWaiting(mine)) return refuse('region_first', state);
      const next = steps.map((s) => (s.countryCode === event.countryCode ? { ...s, approvedAt: at } : s));
      return { ok: true, state: next.every((s) => s.approvedAt) ? 'active' : state, steps: next };
    }
    case 'nss_reject': {
      if (state !== 'awaiting_approval') return refuse('illegal_transition', state);
      const mine = ofCountry(steps, event.countryCode);
      if (!mine.length) return refuse('not_a_step', state);
      // A country that approved has decided: it does not take it back.
      if (mine.every((s) => s.approvedAt)) return refuse('already_done', state);
      if (!event.reason.trim()) return refuse('reason_required', state);
      return { ok: true, state: 'rejected', steps, reason: event.reason.trim() };
    }
    case 'edit':
      if (state !== 'rejected') return refuse('illegal_transition', state);
      return { ok: true, state: 'draft', steps: [] };
    case 'close':
      if (state !== 'active') return refuse('illegal_transition', state);
      return { ok: true, state: 'closed', steps };
    case 'archive':
      if (state !== 'closed') return refuse('illegal_transition', state);
      return { ok: true, state: 'archived', steps };
  }
}

/** A project's kind, computed once at founding from the founders' school countries (R-PRJ-1). */
export function projectKind(founderCountries: [string, string]): 'european' | 'national' {
  return founderCountries[0] === founderCountries[1] ? 'national' : 'european';
}
