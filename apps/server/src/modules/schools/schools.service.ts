import { eligibleSchoolLevels, type SchoolCreate, type SchoolView } from '@opentwinning/contracts';
import { AppError } from '../../platform/errors.ts';
import type { ServiceContext } from '../../platform/context.ts';
import type { Actor } from '../../platform/auth/actor.ts';
import type { Locale } from '../../platform/i18n.ts';
import { getCountry, isParticipating } from '../countries/countries.service.ts';
import { registerPersonalData } from '../../platform/privacy/registry.ts';
import * as repo from './schools.repository.ts';

type Row = NonNullable<Awaited<ReturnType<typeof repo.findSchool>>>;

function present(row: Row, locale: Locale): SchoolView {
  const s = row.school;
  return {
    id: s.id,
    countryCode: s.countryCode,
    regionId: s.regionId,
    regionName: row.regionNames ? (row.regionNames[locale] ?? row.regionNames.en ?? null) : null,
    name: s.name,
    levels: s.levels,
    address: s.address,
    city: s.city,
    postalCode: s.postalCode,
    ageMin: s.ageMin,
    ageMax: s.ageMax,
    pupilCount: s.pupilCount,
    website: s.website,
  };
}

export async function searchSchools(ctx: ServiceContext, countryCode: string, query: string, locale: Locale) {
  const rows = await repo.searchSchools(ctx.db, countryCode, query, 20);
  return rows.map((r) => present(r, locale));
}

export async function likelyDuplicates(
  ctx: ServiceContext,
  countryCode: string,
  city: string,
  name: string,
  locale: Locale,
) {
  const rows = await repo.findLikelyDuplicates(ctx.db, countryCode, city, name);
  return rows.map((r) => present(r, locale));
}

export async function getSchool(ctx: ServiceContext, id: string, locale: Locale): Promise<SchoolView> {
  const row = await repo.findSchool(ctx.db, id);
  if (!row) throw new AppError('NOT_FOUND', 'error_school_not_found');
  return present(row, locale);
}

/** R-ACC-2: only pre-university schools of a participating country, with a region where it has them. */
export async function createSchool(
  ctx: ServiceContext,
  actor: Actor,
  input: SchoolCreate,
  locale: Locale,
): Promise<SchoolView> {
  if (!actor.emailConfirmed) throw new AppError('EMAIL_NOT_CONFIRMED', 'error_email_not_confirmed');
  const refused = input.levels.filter((l) => !(eligibleSchoolLevels as readonly string[]).includes(l));
  if (refused.length) {
    throw new AppError('SCHOOL_NOT_ELIGIBLE', 'error_school_not_eligible', {}, { levels: 'school_not_pre_university' });
  }
  const today = ctx.now().toISOString().slice(0, 10);
  if (!(await isParticipating(ctx.db, input.countryCode, today))) {
    throw new AppError('VALIDATION', 'error_validation', {}, { countryCode: 'country_not_participating' });
  }
  const country = await getCountry(ctx.db, input.countryCode, locale);
  if (country.hasRegions && !input.regionId)
    throw new AppError('VALIDATION', 'error_validation', {}, { regionId: 'required' });
  if (input.regionId && !country.regions.some((r) => r.id === input.regionId)) {
    throw new AppError('VALIDATION', 'error_validation', {}, { regionId: 'region_not_in_country' });
  }
  const row = await repo.insertSchool(ctx.db, {
    ...input,
    regionId: input.regionId ?? null,
    createdBy: actor.personId,
  });
  return getSchool(ctx, row.id, locale);
}

/** Who registered the school (null when unknown or deleted). */
export async function schoolCreatedBy(ctx: ServiceContext, id: string): Promise<string | null> {
  const row = await repo.findSchool(ctx.db, id);
  return row?.school.createdBy ?? null;
}

registerPersonalData({
  name: 'schools_registered',
  export: (db, personId) => repo.schoolsCreatedBy(db, personId),
  async erase() {
    // The schools stay (others belong to them); the link to the person goes with the row (ON DELETE SET NULL).
  },
});
