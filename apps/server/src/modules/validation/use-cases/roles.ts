import { AppError } from '../../../platform/errors.ts';
import type { ServiceContext, Tx } from '../../../platform/context.ts';
import { canDecideFor, isCssOfficer, type Actor } from '../../../platform/auth/actor.ts';
import type { Locale } from '../../../platform/i18n.ts';
import { findPersonById, findPersonForRole } from '../../accounts/accounts.service.ts';
import { recordAudit } from '../../audit/audit.service.ts';
import { getCountry, regionName, setRegionalStep } from '../../countries/countries.service.ts';
import * as repo from '../validation.repository.ts';

type Role = 'css_officer' | 'nss_officer' | 'regional_coordinator';

async function grant(
  ctx: ServiceContext,
  actor: Actor | null,
  username: string,
  role: Role,
  countryCode: string | null,
  regionId: number | null,
) {
  const person = await findPersonForRole(ctx, username);
  const existing = await repo.activeRoles(ctx.db, person.id);
  if (existing.some((r) => r.role === role && r.countryCode === countryCode && r.regionId === regionId)) {
    throw new AppError('CONFLICT', 'error_role_exists');
  }
  return ctx.db.transaction(async (tx) => {
    const row = await repo.insertRole(tx, {
      personId: person.id,
      role,
      countryCode,
      regionId,
      grantedBy: actor?.personId ?? null,
    });
    await recordAudit(tx, {
      actor: actor ? { id: actor.personId, label: actor.username } : null,
      action: 'role.granted',
      subject: { id: person.id, label: person.username },
      countryCode,
      details: { role, regionId },
    });
    return { id: row.id };
  });
}

/** The CSS names the officers of each national support service (R-CTRY-3). */
export async function grantNssOfficer(ctx: ServiceContext, actor: Actor, username: string, countryCode: string) {
  if (!isCssOfficer(actor)) throw new AppError('FORBIDDEN');
  await getCountry(ctx.db, countryCode, 'en'); // 404 for an unknown country
  return grant(ctx, actor, username, 'nss_officer', countryCode, null);
}

/** An NSS officer names the regional coordinators of its country's regions. */
export async function grantRegionalCoordinator(
  ctx: ServiceContext,
  actor: Actor,
  username: string,
  countryCode: string,
  regionId: number,
) {
  if (!canDecideFor(actor, countryCode)) throw new AppError('FORBIDDEN', 'error_not_your_country');
  const country = await getCountry(ctx.db, countryCode, 'en');
  if (!country.regions.some((r) => r.id === regionId))
    throw new AppError('VALIDATION', 'error_validation', {}, { regionId: 'region_not_in_country' });
  return grant(ctx, actor, username, 'regional_coordinator', countryCode, regionId);
}

/** The first CSS officer, from the command line (npm run admin -- create-css-officer). */
export function grantCssOfficerFromCommandLine(ctx: ServiceContext, username: string) {
  return grant(ctx, null, username, 'css_officer', null, null);
}

/** Revokes a role: NSS officers by the CSS; regional coordinators by their country's NSS (or the CSS). */
export async function revokeRole(ctx: ServiceContext, actor: Actor, assignmentId: string): Promise<void> {
  const row = await repo.findRole(ctx.db, assignmentId);
  if (!row || row.revokedAt) throw new AppError('NOT_FOUND');
  const allowed =
    isCssOfficer(actor) ||
    (row.role === 'regional_coordinator' && !!row.countryCode && canDecideFor(actor, row.countryCode));
  if (!allowed) throw new AppError('FORBIDDEN');
  const holder = await findPersonById(ctx, row.personId);
  await ctx.db.transaction(async (tx) => {
    await repo.revokeRole(tx, assignmentId, ctx.now());
    await recordAudit(tx, {
      actor: { id: actor.personId, label: actor.username },
      action: 'role.revoked',
      subject: { id: row.personId, label: holder?.username ?? '' },
      countryCode: row.countryCode,
      details: { role: row.role, regionId: row.regionId },
    });
  });
}

export async function listNssOfficers(ctx: ServiceContext, actor: Actor, countryCode?: string) {
  if (!isCssOfficer(actor) && !(countryCode && canDecideFor(actor, countryCode))) throw new AppError('FORBIDDEN');
  const rows = await repo.roleHolders(ctx.db, 'nss_officer', countryCode);
  return rows.map((r) => ({ ...r, grantedAt: r.grantedAt.toISOString() }));
}

export async function listRegionalCoordinators(ctx: ServiceContext, actor: Actor, countryCode: string, locale: Locale) {
  if (!canDecideFor(actor, countryCode)) throw new AppError('FORBIDDEN', 'error_not_your_country');
  const rows = await repo.roleHolders(ctx.db, 'regional_coordinator', countryCode);
  return Promise.all(
    rows.map(async (r) => ({
      ...r,
      grantedAt: r.grantedAt.toISOString(),
      regionName: r.regionId ? ((await regionName(ctx.db, r.regionId, locale)) ?? null) : null,
    })),
  );
}

/** The NSS decides whether its country uses the regional step (R-ACC-3). */
export async function chooseRegionalStep(ctx: ServiceContext, actor: Actor, countryCode: string, enabled: boolean) {
  if (!canDecideFor(actor, countryCode)) throw new AppError('FORBIDDEN', 'error_not_your_country');
  await ctx.db.transaction(async (tx) => {
    await setRegionalStep(tx, countryCode, enabled);
    // Without the regional step, registrations that were waiting for it go straight to the NSS.
    const released = enabled ? 0 : await repo.releaseAwaitingRegion(tx, countryCode);
    await recordAudit(tx, {
      actor: { id: actor.personId, label: actor.username },
      action: enabled ? 'country.regional_step_on' : 'country.regional_step_off',
      countryCode,
      details: { released },
    });
  });
}

/** Ends every support role of a person (anonymisation). */
export async function revokeRolesOf(tx: Tx, personId: string, at: Date): Promise<void> {
  for (const r of await repo.activeRoles(tx, personId)) await repo.revokeRole(tx, r.id, at);
}
