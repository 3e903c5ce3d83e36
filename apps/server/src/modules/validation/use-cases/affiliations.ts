import { pagePath, type AffiliationView, type RoleGrant } from '@opentwinning/contracts';
import { AppError } from '../../../platform/errors.ts';
import type { ServiceContext, Tx } from '../../../platform/context.ts';
import type { Db } from '../../../platform/db/database.ts';
import type { Actor } from '../../../platform/auth/actor.ts';
import { signLink } from '../../../platform/auth/secrets.ts';
import type { Locale } from '../../../platform/i18n.ts';
import { registerPersonalData } from '../../../platform/privacy/registry.ts';
import { recordAudit } from '../../audit/audit.service.ts';
import { getCountry } from '../../countries/countries.service.ts';
import { getSchool, schoolCreatedBy } from '../../schools/schools.service.ts';
import * as repo from '../validation.repository.ts';

export const HEAD_TEACHER_LINK_DAYS = 14;

export async function rolesOf(db: Db, personId: string): Promise<RoleGrant[]> {
  const rows = await repo.activeRoles(db, personId);
  return rows.map((r) => ({ role: r.role, countryCode: r.countryCode, regionId: r.regionId }));
}

export function isValidated(db: Db, personId: string): Promise<boolean> {
  return repo.hasValidatedAffiliation(db, personId);
}

const regionNameOf = (names: Record<string, string> | null, locale: Locale) =>
  names ? (names[locale] ?? names.en ?? null) : null;

export async function affiliationsOf(db: Db, personId: string, locale: Locale): Promise<AffiliationView[]> {
  const rows = await repo.affiliationsOfPerson(db, personId);
  return rows.map((r) => ({
    id: r.affiliation.id,
    school: {
      id: r.school.id,
      name: r.school.name,
      city: r.school.city,
      countryCode: r.school.countryCode,
      regionName: regionNameOf(r.regionNames, locale),
    },
    status: r.affiliation.status,
    regionalStatus: r.affiliation.regionalStatus,
    decisionReason: r.affiliation.decisionReason,
    createdAt: r.affiliation.createdAt.toISOString(),
    decidedAt: r.affiliation.decidedAt?.toISOString() ?? null,
  }));
}

interface AffiliationPlan {
  schoolId: string;
  countryCode: string;
  schoolName: string;
  regional: boolean;
  /** Ask the head teacher by email (not when the person registered the school and typed that address). */
  askHeadTeacher: boolean;
}

/** Checks that the person may join the school (reads only: call it before opening a transaction). */
async function planAffiliation(
  ctx: ServiceContext,
  actor: Actor,
  schoolId: string,
  replacing?: string,
): Promise<AffiliationPlan> {
  if (!actor.emailConfirmed) throw new AppError('EMAIL_NOT_CONFIRMED', 'error_email_not_confirmed');
  if (!actor.profileCompleted) throw new AppError('CONFLICT', 'error_profile_first');
  const school = await getSchool(ctx, schoolId, actor.uiLanguage);
  const current = await repo.affiliationsOfPerson(ctx.db, actor.personId);
  if (current.some((a) => a.school.id === schoolId && a.affiliation.id !== replacing)) {
    throw new AppError('CONFLICT', 'error_already_affiliated');
  }
  const country = await getCountry(ctx.db, school.countryCode, actor.uiLanguage);
  const regional = country.usesRegionalStep && school.regionId !== null;
  return {
    schoolId,
    countryCode: school.countryCode,
    schoolName: school.name,
    regional,
    askHeadTeacher: regional && (await schoolCreatedBy(ctx, schoolId)) !== actor.personId,
  };
}

async function insertPlanned(ctx: ServiceContext, tx: Tx, actor: Actor, plan: AffiliationPlan): Promise<string> {
  const row = await repo.insertAffiliation(tx, {
    personId: actor.personId,
    schoolId: plan.schoolId,
    regionalStatus: plan.regional ? 'awaiting' : 'not_required',
    createdAt: ctx.now(),
  });
  await recordAudit(tx, {
    actor: { id: actor.personId, label: actor.username },
    action: 'affiliation.requested',
    subject: { id: actor.personId, label: actor.username },
    countryCode: plan.countryCode,
    details: { affiliationId: row.id, school: plan.schoolName },
  });
  if (plan.askHeadTeacher) await emailHeadTeacher(ctx, tx, row.id, actor, plan.schoolId);
  return row.id;
}

/**
 * R-ACC-1, R-ACC-3: the person joins a school; the affiliation waits for the NSS. Where the country
 * uses its regional step, the head teacher gets a signed link to confirm (the region may confirm too).
 */
export async function requestAffiliation(ctx: ServiceContext, actor: Actor, schoolId: string): Promise<string> {
  const plan = await planAffiliation(ctx, actor, schoolId);
  const id = await ctx.db.transaction((tx) => insertPlanned(ctx, tx, actor, plan));
  await ctx.mailer.flush();
  return id;
}

async function emailHeadTeacher(ctx: ServiceContext, tx: Tx, affiliationId: string, actor: Actor, schoolId: string) {
  const [row] = await repo.affiliationsWithPeople(tx, [affiliationId]);
  if (!row) return;
  const expires = new Date(ctx.now().getTime() + HEAD_TEACHER_LINK_DAYS * 86_400_000);
  const token = signLink(ctx.sessionSecret, `head:${affiliationId}:${schoolId}`, expires);
  await ctx.mailer.enqueue(tx, {
    to: row.school.headEmail,
    locale: actor.uiLanguage,
    kind: 'head_teacher_confirm',
    aboutPersonId: actor.personId,
    inputs: {
      head: row.school.headName,
      teacher: `${actor.firstName} ${actor.lastName}`,
      school: row.school.name,
      link: `${ctx.publicUrl}${pagePath(actor.uiLanguage, 'headTeacher', { token })}`,
      days: HEAD_TEACHER_LINK_DAYS,
    },
  });
}

/** R-ACC-3: changing school ends the old affiliation; the new one goes back to the queue. */
export async function changeSchool(
  ctx: ServiceContext,
  actor: Actor,
  affiliationId: string,
  schoolId: string,
): Promise<string> {
  const mine = await repo.affiliationsOfPerson(ctx.db, actor.personId);
  if (!mine.some((a) => a.affiliation.id === affiliationId)) throw new AppError('NOT_FOUND');
  const plan = await planAffiliation(ctx, actor, schoolId, affiliationId);
  const id = await ctx.db.transaction(async (tx) => {
    await repo.updateAffiliations(tx, [affiliationId], { endedAt: ctx.now() });
    return insertPlanned(ctx, tx, actor, plan);
  });
  await ctx.mailer.flush();
  return id;
}

export async function leaveSchool(ctx: ServiceContext, actor: Actor, affiliationId: string): Promise<void> {
  const mine = await repo.affiliationsOfPerson(ctx.db, actor.personId);
  if (!mine.some((a) => a.affiliation.id === affiliationId)) throw new AppError('NOT_FOUND');
  await repo.updateAffiliations(ctx.db, [affiliationId], { endedAt: ctx.now() });
}

registerPersonalData({
  name: 'schools_and_roles',
  async export(db, personId) {
    return {
      affiliations: await repo.allAffiliationsOfPerson(db, personId),
      roles: await repo.rolesOfPersonAll(db, personId),
    };
  },
  async erase() {
    // Affiliations and roles are removed with the person (foreign keys cascade).
  },
});
