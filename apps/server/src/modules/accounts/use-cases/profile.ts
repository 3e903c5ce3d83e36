import { eligibleSchoolRoles, type MeResponse, type ProfileUpdate } from '@opentwinning/contracts';
import { AppError } from '../../../platform/errors.ts';
import type { ServiceContext } from '../../../platform/context.ts';
import { coordinatedRegions, isCssOfficer, nssCountries, type Actor } from '../../../platform/auth/actor.ts';
import { affiliationsOf } from '../../validation/validation.service.ts';
import * as repo from '../accounts.repository.ts';

/** R-ACC-1, R-ACC-2: the profile; a non-pedagogical role is refused with its reason. */
export async function updateProfile(ctx: ServiceContext, actor: Actor, input: ProfileUpdate): Promise<void> {
  if (!(eligibleSchoolRoles as readonly string[]).includes(input.schoolRole)) {
    throw new AppError('ROLE_NOT_ELIGIBLE', 'error_role_not_eligible', {}, { schoolRole: 'role_not_eligible' });
  }
  const person = await repo.findPersonById(ctx.db, actor.personId);
  await repo.updatePerson(ctx.db, actor.personId, {
    ...input,
    profileCompletedAt: person?.profileCompletedAt ?? ctx.now(),
  });
}

export async function getMe(
  ctx: ServiceContext,
  actor: Actor,
  development: boolean,
  locale: 'es' | 'en',
): Promise<MeResponse> {
  const p = await repo.findPersonById(ctx.db, actor.personId);
  if (!p) throw new AppError('UNAUTHENTICATED');
  const countries = nssCountries(actor);
  return {
    id: p.id,
    username: p.username,
    email: p.email,
    firstName: p.firstName,
    lastName: p.lastName,
    schoolRole: (p.schoolRole as MeResponse['schoolRole']) ?? null,
    subjects: p.subjects,
    languages: p.languages,
    presentation: p.presentation,
    lookingForPartners: p.lookingForPartners,
    presentationLanguage: p.presentationLanguage,
    discoverable: p.discoverable,
    dailyDigest: p.dailyDigest,
    uiLanguage: p.uiLanguage as 'es' | 'en',
    timeZone: p.timeZone,
    emailConfirmed: !!p.emailConfirmedAt,
    profileCompleted: !!p.profileCompletedAt,
    status: actor.validated ? 'validated' : 'registered',
    affiliations: await affiliationsOf(ctx.db, p.id, locale),
    roles: actor.roles,
    abilities: {
      actAsEtwinner: actor.validated,
      validateCountries: countries === 'all' ? ['*'] : countries,
      confirmRegions: coordinatedRegions(actor),
      manageNssOfficers: isCssOfficer(actor),
      readOutbox: isCssOfficer(actor) || development,
    },
  };
}

/** Another member's profile, for validated members only (R-ACC-3). Hidden and anonymised ones are not found. */
export async function getPublicProfile(ctx: ServiceContext, username: string, locale: 'es' | 'en') {
  const p = await repo.findPersonByUsername(ctx.db, username);
  if (!p || p.anonymisedAt || p.hiddenFromSearchAt || !p.profileCompletedAt) throw new AppError('NOT_FOUND');
  const affiliations = (await affiliationsOf(ctx.db, p.id, locale)).filter((a) => a.status === 'validated');
  return {
    username: p.username,
    firstName: p.firstName,
    lastName: p.lastName,
    schoolRole: p.schoolRole,
    subjects: p.subjects,
    languages: p.languages,
    presentation: p.presentation,
    lookingForPartners: p.lookingForPartners,
    schools: affiliations.map((a) => a.school),
  };
}
