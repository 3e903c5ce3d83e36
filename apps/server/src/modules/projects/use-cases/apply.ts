import { pagePath, type NotificationKind } from '@opentwinning/contracts';
import { eq } from 'drizzle-orm';
import type { Actor } from '../../../platform/auth/actor.ts';
import type { ServiceContext, Tx } from '../../../platform/context.ts';
import { AppError } from '../../../platform/errors.ts';
import { recordEvent } from '../../../platform/events/events.ts';
import { recordAudit } from '../../audit/audit.service.ts';
import { notify } from '../../notifications/notifications.service.ts';
import { transition, type ApprovalStep, type ProjectEvent } from '../lifecycle.ts';
import { stateConflict } from '../policy.ts';
import * as repo from '../projects.repository.ts';
import { project } from '../projects.tables.ts';

/**
 * Runs one lifecycle event on a locked project: asks the state machine, refuses with the current
 * state (409) when it does not apply, else writes the new state, the domain event and the audit row
 * in the caller's transaction.
 */
export async function applyEvent(
  ctx: ServiceContext,
  tx: Tx,
  p: repo.ProjectRow,
  steps: ApprovalStep[],
  event: ProjectEvent,
  record: {
    actor: Actor | null;
    name: string;
    countryCode?: string | null;
    reason?: string | null;
    data?: Record<string, unknown>;
    set?: Partial<typeof project.$inferInsert>;
  },
) {
  const now = ctx.now();
  const t = transition(p.state, steps, event, now);
  if (!t.ok) {
    switch (t.refusal) {
      case 'illegal_transition':
        throw stateConflict(t.state);
      case 'not_a_step':
        throw new AppError('FORBIDDEN', 'error_project_not_your_step');
      case 'region_first':
        throw new AppError('CONFLICT', 'error_project_region_first', {}, undefined, undefined, { state: t.state });
      case 'already_done':
        throw new AppError('CONFLICT', 'error_project_step_done', {}, undefined, undefined, { state: t.state });
      case 'reason_required':
        throw new AppError('VALIDATION', 'error_validation', {}, { reason: 'reason_required' });
    }
  }
  const changed = t.state !== p.state;
  await tx
    .update(project)
    .set({ ...record.set, state: t.state, updatedAt: now, ...(changed ? { stateChangedAt: now } : {}) })
    .where(eq(project.id, p.id));
  await recordEvent(tx, {
    name: record.name,
    subjectId: p.id,
    actorId: record.actor?.personId ?? null,
    data: { from: p.state, to: t.state, ...record.data },
    at: now,
  });
  await recordAudit(tx, {
    actor: record.actor ? { id: record.actor.personId, label: record.actor.username } : null,
    action: record.name,
    subject: { id: p.id, label: p.title },
    countryCode: record.countryCode ?? null,
    reason: record.reason ?? null,
    details: { from: p.state, to: t.state, ...record.data },
  });
  return t;
}

/** Records an event that does not move the lifecycle (membership, visibility, edits). */
export async function recordProjectEvent(
  ctx: ServiceContext,
  tx: Tx,
  p: repo.ProjectRow,
  record: { actor: Actor | null; name: string; data?: Record<string, unknown>; audit?: boolean },
) {
  const now = ctx.now();
  await recordEvent(tx, {
    name: record.name,
    subjectId: p.id,
    actorId: record.actor?.personId ?? null,
    data: record.data,
    at: now,
  });
  if (record.audit !== false)
    await recordAudit(tx, {
      actor: record.actor ? { id: record.actor.personId, label: record.actor.username } : null,
      action: record.name,
      subject: { id: p.id, label: p.title },
      details: record.data,
    });
}

/**
 * Tells the next actors: an in-app notification and an email in each one's language, written in
 * the caller's transaction (the mail leaves after commit).
 */
export async function tell(
  ctx: ServiceContext,
  tx: Tx,
  people: repo.PersonRow[],
  kind: NotificationKind,
  p: { id: string; title: string },
  actor: Actor | null,
  inputs: { reason?: string } = {},
) {
  const at = ctx.now();
  const seen = new Set<string>();
  for (const person of people) {
    if (seen.has(person.id) || person.anonymised || person.id === actor?.personId) continue;
    seen.add(person.id);
    await notify(tx, { personId: person.id, kind, actorId: actor?.personId ?? null, subjectId: p.id, at });
    await ctx.mailer.enqueue(tx, {
      to: person.email,
      locale: person.ui_language,
      kind,
      aboutPersonId: person.id,
      inputs: {
        name: person.first_name,
        who: actor ? `${actor.firstName} ${actor.lastName}` : '',
        title: p.title,
        reason: inputs.reason ?? '',
        link: `${ctx.publicUrl}${pagePath(person.ui_language, 'projects')}/${p.id}`,
      },
    });
  }
}

/** Runs a change on one project in a transaction with the project row locked; 404 when it does not exist. */
export async function withProject<T>(
  ctx: ServiceContext,
  id: string,
  fn: (tx: Tx, p: repo.ProjectRow, steps: repo.StepRow[]) => Promise<T>,
): Promise<T> {
  const result = await ctx.db.transaction(async (tx) => {
    const p = await repo.lockProject(tx, id);
    if (!p) throw new AppError('NOT_FOUND', 'error_project_not_found');
    return fn(tx, p, await repo.stepsOf(tx, id));
  });
  await ctx.mailer.flush();
  return result;
}
