import { and, eq, lt } from 'drizzle-orm';
import { requireSignedIn, requireValidated, type Actor } from '../../../platform/auth/actor.ts';
import type { ServiceContext, Tx } from '../../../platform/context.ts';
import { AppError } from '../../../platform/errors.ts';
import { recordEvent } from '../../../platform/events/events.ts';
import { recordAudit } from '../../audit/audit.service.ts';
import { createTwinspace } from '../../twinspace/twinspace.service.ts';
import { awaitedSteps, type ApprovalStep } from '../lifecycle.ts';
import { assertWritable, readerOf, stateConflict, visibleTo } from '../policy.ts';
import * as repo from '../projects.repository.ts';
import { project, projectInvitation } from '../projects.tables.ts';
import { applyEvent, tell, withProject } from './apply.ts';

/** The first calendar year of the school year (September–August) a date falls in. */
export function schoolYearOf(d: Date): number {
  return d.getUTCMonth() >= 8 ? d.getUTCFullYear() : d.getUTCFullYear() - 1;
}

/** Tells whoever decides the next awaited steps (a region's coordinators, else the NSS). */
async function tellDeciders(ctx: ServiceContext, tx: Tx, p: repo.ProjectRow, steps: ApprovalStep[], actor: Actor) {
  for (const { kind, step } of awaitedSteps(steps)) {
    await tell(ctx, tx, await repo.deciders(tx, step, kind), 'project_approval_needed', p, actor);
  }
}

async function founders(tx: Tx, projectId: string) {
  const ids = (await repo.membersOf(tx, projectId)).filter((m) => m.role === 'founder').map((m) => m.person_id);
  return repo.peopleByIds(tx, ids);
}

/** The co-founder accepts (R-PRJ-3): they become a founder and the approvals start. */
export async function acceptAsCofounder(ctx: ServiceContext, actor: Actor | null, id: string) {
  const me = requireValidated(actor);
  return withProject(ctx, id, async (tx, p, steps) => {
    const r = await readerOf(tx, me, p, steps);
    visibleTo(r, p);
    assertWritable(p);
    if (!r.isCofounder) throw new AppError('FORBIDDEN', 'error_project_cofounder_only');
    const school = (await repo.validatedSchools(tx, me.personId)).find((s) => s.id === p.cofounderSchoolId);
    if (!school && p.state === 'awaiting_partner')
      throw new AppError(
        'PROJECT_NOT_ELIGIBLE',
        'error_project_not_eligible',
        {},
        { cofounder: 'cofounder_not_validated' },
      );
    const t = await applyEvent(
      ctx,
      tx,
      p,
      steps,
      { type: 'partner_accept' },
      { actor: me, name: 'project.cofounder_accepted' },
    );
    await repo.addMember(tx, {
      projectId: p.id,
      personId: me.personId,
      schoolId: school!.id,
      role: 'founder',
      at: ctx.now(),
    });
    await repo.startAwaiting(tx, p.id, ctx.now());
    await tell(ctx, tx, await repo.peopleByIds(tx, [p.createdBy]), 'project_cofounder_accepted', p, me);
    if (t.ok) await tellDeciders(ctx, tx, p, t.steps, me);
  });
}

/** The co-founder declines: the project goes back to its creator's drafts. */
export async function declineAsCofounder(ctx: ServiceContext, actor: Actor | null, id: string) {
  const me = requireValidated(actor);
  return withProject(ctx, id, async (tx, p, steps) => {
    const r = await readerOf(tx, me, p, steps);
    visibleTo(r, p);
    assertWritable(p);
    if (!r.isCofounder) throw new AppError('FORBIDDEN', 'error_project_cofounder_only');
    await applyEvent(ctx, tx, p, steps, { type: 'partner_decline' }, { actor: me, name: 'project.cofounder_declined' });
    await repo.replaceSteps(tx, p.id, []);
    await tell(ctx, tx, await repo.peopleByIds(tx, [p.createdBy]), 'project_cofounder_declined', p, me);
  });
}

/** A regional coordinator consents for the founder's region; the NSS of the country is told next. */
export async function consentForRegion(ctx: ServiceContext, actor: Actor | null, id: string, regionId?: number) {
  const me = requireSignedIn(actor);
  return withProject(ctx, id, async (tx, p, steps) => {
    const r = await readerOf(tx, me, p, steps);
    visibleTo(r, p);
    assertWritable(p);
    const mine = r.regions;
    const region = regionId ?? (mine.length === 1 ? mine[0] : undefined);
    if (region === undefined || !mine.includes(region)) throw new AppError('FORBIDDEN', 'error_project_not_your_step');
    const step = steps.find((s) => s.regionId === region)!;
    const t = await applyEvent(
      ctx,
      tx,
      p,
      steps,
      { type: 'region_consent', regionId: region },
      { actor: me, name: 'project.region_consented', countryCode: step.countryCode, data: { regionId: region } },
    );
    if (!t.ok) return;
    await repo.updateSteps(tx, p.id, t.steps, { personId: me.personId, regionId: region });
    await tell(ctx, tx, await repo.deciders(tx, step, 'nss'), 'project_approval_needed', p, me);
  });
}

/** The country a decision is for: the one asked, or the only one this officer can decide now. */
function decisionCountry(r: Awaited<ReturnType<typeof readerOf>>, steps: ApprovalStep[], asked?: string): string {
  const open = [
    ...new Set(steps.filter((s) => r?.countries.includes(s.countryCode) && !s.approvedAt).map((s) => s.countryCode)),
  ];
  const country = asked ?? (open.length === 1 ? open[0] : r?.countries.length === 1 ? r.countries[0] : undefined);
  if (!country || !r?.countries.includes(country)) throw new AppError('FORBIDDEN', 'error_project_not_your_step');
  return country;
}

/**
 * An NSS approves for its country (R-PRJ-3). When it is the last awaited step the project becomes
 * active and its TwinSpace is created, with the founders as administrators — once, even when two
 * officers approve at the same instant (the project row is locked).
 */
export async function approveProject(ctx: ServiceContext, actor: Actor | null, id: string, countryCode?: string) {
  const me = requireSignedIn(actor);
  return withProject(ctx, id, async (tx, p, steps) => {
    const r = await readerOf(tx, me, p, steps);
    visibleTo(r, p);
    assertWritable(p);
    const country = decisionCountry(r, steps, countryCode);
    const now = ctx.now();
    const t = await applyEvent(
      ctx,
      tx,
      p,
      steps,
      { type: 'nss_approve', countryCode: country },
      { actor: me, name: 'project.approved', countryCode: country, data: { country } },
    );
    if (!t.ok) return;
    await repo.updateSteps(tx, p.id, t.steps, { personId: me.personId, countryCode: country });
    if (t.state !== 'active') return;
    await applyActivation(ctx, tx, { ...p, state: 'awaiting_approval' }, t.steps, me, now);
  });
}

async function applyActivation(
  ctx: ServiceContext,
  tx: Tx,
  p: repo.ProjectRow,
  steps: ApprovalStep[],
  me: Actor,
  now: Date,
) {
  await tx
    .update(project)
    .set({ activatedAt: now, schoolYear: schoolYearOf(now) })
    .where(eq(project.id, p.id));
  const people = await founders(tx, p.id);
  const space = await createTwinspace(
    tx,
    p.id,
    people.map((f) => f.id),
    now,
  );
  const data = { twinspaceId: space?.id ?? null, countries: [...new Set(steps.map((s) => s.countryCode))] };
  await recordEvent(tx, { name: 'project.activated', subjectId: p.id, actorId: me.personId, data, at: now });
  await recordAudit(tx, {
    actor: { id: me.personId, label: me.username },
    action: 'project.activated',
    subject: { id: p.id, label: p.title },
    details: data,
  });
  await tell(ctx, tx, people, 'project_activated', p, me);
}

/** An NSS rejects with a reason: the project goes back to its founders, who can edit and resubmit. */
export async function rejectProject(
  ctx: ServiceContext,
  actor: Actor | null,
  id: string,
  input: { countryCode?: string; reason: string },
) {
  const me = requireSignedIn(actor);
  return withProject(ctx, id, async (tx, p, steps) => {
    const r = await readerOf(tx, me, p, steps);
    visibleTo(r, p);
    assertWritable(p);
    const country = decisionCountry(r, steps, input.countryCode);
    const reason = input.reason.trim();
    await applyEvent(
      ctx,
      tx,
      p,
      steps,
      { type: 'nss_reject', countryCode: country, reason },
      {
        actor: me,
        name: 'project.rejected',
        countryCode: country,
        reason,
        data: { country },
        set: { rejectionReason: reason, rejectedCountry: country, rejectedAt: ctx.now() },
      },
    );
    await tell(ctx, tx, await founders(tx, p.id), 'project_rejected', p, me, { reason });
  });
}

/** Founders close an active project: read-only from then on. */
export async function closeProject(ctx: ServiceContext, actor: Actor | null, id: string) {
  const me = requireValidated(actor);
  return withProject(ctx, id, async (tx, p, steps) => {
    const r = await readerOf(tx, me, p, steps);
    visibleTo(r, p);
    assertWritable(p);
    if (r.memberRole !== 'founder') {
      if (p.state !== 'active') throw stateConflict(p.state);
      throw new AppError('FORBIDDEN', 'error_project_founders_only');
    }
    await applyEvent(
      ctx,
      tx,
      p,
      steps,
      { type: 'close' },
      { actor: me, name: 'project.closed', set: { closedAt: ctx.now() } },
    );
    // Nobody joins a closed project: invitations still pending are withdrawn.
    await tx
      .update(projectInvitation)
      .set({ status: 'withdrawn', answeredAt: ctx.now() })
      .where(and(eq(projectInvitation.projectId, p.id), eq(projectInvitation.status, 'pending')));
  });
}

/** The archiving job: projects closed for more than `months` months become archived. */
export async function archiveClosedProjects(ctx: ServiceContext, months: number): Promise<number> {
  const before = new Date(ctx.now());
  before.setUTCMonth(before.getUTCMonth() - months);
  const due = await ctx.db
    .select({ id: project.id })
    .from(project)
    .where(and(eq(project.state, 'closed'), lt(project.closedAt, before)))
    .limit(1000);
  let archived = 0;
  for (const { id } of due) {
    await withProject(ctx, id, async (tx, p, steps) => {
      if (p.state !== 'closed') return;
      await applyEvent(
        ctx,
        tx,
        p,
        steps,
        { type: 'archive' },
        { actor: null, name: 'project.archived', set: { archivedAt: ctx.now() } },
      );
      archived++;
    });
  }
  return archived;
}
