import { AppError } from '../../../platform/errors.ts';
import type { ServiceContext } from '../../../platform/context.ts';
import { canDecideFor, coordinatedRegions, type Actor } from '../../../platform/auth/actor.ts';
import { verifyLink } from '../../../platform/auth/secrets.ts';
import { recordAudit } from '../../audit/audit.service.ts';
import * as repo from '../validation.repository.ts';

type Rows = Awaited<ReturnType<typeof repo.affiliationsWithPeople>>;

async function load(ctx: ServiceContext, ids: string[]): Promise<Rows> {
  const unique = [...new Set(ids)];
  const rows = await repo.affiliationsWithPeople(ctx.db, unique);
  if (rows.length !== unique.length) throw new AppError('NOT_FOUND');
  return rows;
}

/**
 * R-ACC-3: an NSS officer (or the CSS) validates or rejects pending affiliations of its country,
 * in bulk; a rejection carries a reason, which reaches the person by email in their language.
 * All or nothing: one affiliation it may not decide on, and nothing is decided.
 */
export async function decide(
  ctx: ServiceContext,
  actor: Actor,
  ids: string[],
  decision: 'validate' | 'reject',
  reason: string | undefined,
): Promise<{ decided: number }> {
  if (decision === 'reject' && !reason?.trim())
    throw new AppError('VALIDATION', 'error_validation', {}, { reason: 'reason_required' });
  const rows = await load(ctx, ids);
  if (rows.some((r) => !canDecideFor(actor, r.school.countryCode)))
    throw new AppError('FORBIDDEN', 'error_not_your_country');
  if (rows.some((r) => r.affiliation.status !== 'pending' || r.affiliation.endedAt)) {
    throw new AppError('CONFLICT', 'error_not_pending');
  }
  if (rows.some((r) => r.affiliation.regionalStatus === 'awaiting'))
    throw new AppError('CONFLICT', 'error_awaiting_region');
  const now = ctx.now();
  await ctx.db.transaction(async (tx) => {
    // Checked again in the update itself: of two officers deciding at once, the second gets 409.
    const changed = await repo.decideOpen(
      tx,
      rows.map((r) => r.affiliation.id),
      {
        status: decision === 'validate' ? 'validated' : 'rejected',
        decidedBy: actor.personId,
        decidedAt: now,
        decisionReason: decision === 'reject' ? reason!.trim() : (reason?.trim() ?? null),
      },
    );
    if (changed !== rows.length) throw new AppError('CONFLICT', 'error_not_pending');
    for (const r of rows) {
      await recordAudit(tx, {
        actor: { id: actor.personId, label: actor.username },
        action: decision === 'validate' ? 'affiliation.validated' : 'affiliation.rejected',
        subject: { id: r.person.id, label: r.person.username },
        countryCode: r.school.countryCode,
        reason: reason?.trim() || null,
        details: { affiliationId: r.affiliation.id, school: r.school.name },
      });
      await ctx.mailer.enqueue(tx, {
        to: r.person.email,
        locale: r.person.uiLanguage as 'es' | 'en',
        kind: decision === 'validate' ? 'affiliation_validated' : 'affiliation_rejected',
        aboutPersonId: r.person.id,
        inputs: { name: r.person.firstName, school: r.school.name, reason: reason?.trim() ?? '' },
      });
    }
  });
  await ctx.mailer.flush();
  return { decided: rows.length };
}

/** R-ACC-3: the regional coordinator confirms affiliations of schools in its region first. */
export async function confirmRegionally(
  ctx: ServiceContext,
  actor: Actor,
  ids: string[],
): Promise<{ confirmed: number }> {
  const rows = await load(ctx, ids);
  const regions = coordinatedRegions(actor);
  if (rows.some((r) => r.school.regionId === null || !regions.includes(r.school.regionId))) {
    throw new AppError('FORBIDDEN', 'error_not_your_region');
  }
  if (rows.some((r) => r.affiliation.regionalStatus !== 'awaiting' || r.affiliation.status !== 'pending')) {
    throw new AppError('CONFLICT', 'error_not_awaiting_region');
  }
  await ctx.db.transaction(async (tx) => {
    const changed = await repo.confirmAwaiting(
      tx,
      rows.map((r) => r.affiliation.id),
      { regionalConfirmedBy: actor.personId, regionalConfirmedAt: ctx.now() },
    );
    if (changed !== rows.length) throw new AppError('CONFLICT', 'error_not_awaiting_region');
    for (const r of rows) {
      await recordAudit(tx, {
        actor: { id: actor.personId, label: actor.username },
        action: 'affiliation.region_confirmed',
        subject: { id: r.person.id, label: r.person.username },
        countryCode: r.school.countryCode,
        details: { affiliationId: r.affiliation.id, school: r.school.name },
      });
    }
  });
  return { confirmed: rows.length };
}

function readHeadLink(ctx: ServiceContext, token: string): string {
  const payload = verifyLink(ctx.sessionSecret, token, ctx.now());
  const [kind, affiliationId] = payload?.split(':') ?? [];
  if (kind !== 'head' || !affiliationId) throw new AppError('TOKEN_INVALID', 'error_link_invalid');
  return affiliationId;
}

/** What the head teacher is asked to confirm (the link itself is the authorisation). */
export async function headTeacherRequest(ctx: ServiceContext, token: string) {
  const [row] = await repo.affiliationsWithPeople(ctx.db, [readHeadLink(ctx, token)]);
  if (!row || row.affiliation.endedAt) throw new AppError('TOKEN_INVALID', 'error_link_invalid');
  return {
    teacher: `${row.person.firstName} ${row.person.lastName}`,
    school: row.school.name,
    city: row.school.city,
    alreadyConfirmed: row.affiliation.regionalStatus === 'confirmed',
  };
}

/** The head teacher confirms through the signed, expiring link emailed to the school. */
export async function confirmByHeadTeacher(ctx: ServiceContext, token: string): Promise<void> {
  const id = readHeadLink(ctx, token);
  const [row] = await repo.affiliationsWithPeople(ctx.db, [id]);
  if (!row || row.affiliation.endedAt) throw new AppError('TOKEN_INVALID', 'error_link_invalid');
  if (row.affiliation.regionalStatus !== 'awaiting') return; // already confirmed: nothing to do
  await ctx.db.transaction(async (tx) => {
    await repo.updateAffiliations(tx, [id], {
      regionalStatus: 'confirmed',
      headConfirmedAt: ctx.now(),
      regionalConfirmedAt: ctx.now(),
    });
    await recordAudit(tx, {
      actor: { id: null, label: `head teacher <${row.school.headEmail}>` },
      action: 'affiliation.head_confirmed',
      subject: { id: row.person.id, label: row.person.username },
      countryCode: row.school.countryCode,
      details: { affiliationId: id, school: row.school.name },
    });
  });
}
