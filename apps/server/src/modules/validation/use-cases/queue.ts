import { AppError } from '../../../platform/errors.ts';
import type { ServiceContext } from '../../../platform/context.ts';
import { coordinatedRegions, isCssOfficer, nssCountries, type Actor } from '../../../platform/auth/actor.ts';
import type { Locale } from '../../../platform/i18n.ts';
import { listAudit } from '../../audit/audit.service.ts';
import * as repo from '../validation.repository.ts';

export interface QueueQuery {
  country?: string;
  region?: number;
  school?: string;
  status: 'pending' | 'validated' | 'rejected';
  regionalStatus?: 'not_required' | 'awaiting' | 'confirmed';
  minWaitingDays?: number;
  page: number;
}

const PAGE_SIZE = 50;
const DAY = 86_400_000;

/**
 * R-ACC-3: the queue of affiliations an officer decides on: an NSS officer sees its country, a
 * regional coordinator its regions, the CSS everything.
 */
export async function validationQueue(ctx: ServiceContext, actor: Actor, q: QueueQuery, locale: Locale) {
  const now = ctx.now();
  const { rows, total } = await repo.queue(ctx.db, {
    scope: queueScope(actor, q.country),
    regionId: q.region,
    schoolQuery: q.school,
    status: q.status,
    regionalStatus: q.regionalStatus,
    waitingSince: q.minWaitingDays ? new Date(now.getTime() - q.minWaitingDays * DAY) : undefined,
    limit: PAGE_SIZE,
    offset: (q.page - 1) * PAGE_SIZE,
  });
  return {
    total,
    page: q.page,
    pageSize: PAGE_SIZE,
    items: rows.map((r) => ({
      id: r.affiliation.id,
      status: r.affiliation.status,
      regionalStatus: r.affiliation.regionalStatus,
      createdAt: r.affiliation.createdAt.toISOString(),
      waitingDays: Math.floor((now.getTime() - r.affiliation.createdAt.getTime()) / DAY),
      decisionReason: r.affiliation.decisionReason,
      person: { ...r.person, schoolRole: r.person.schoolRole },
      school: {
        id: r.school.id,
        name: r.school.name,
        city: r.school.city,
        countryCode: r.school.countryCode,
        regionId: r.school.regionId,
        regionName: r.regionNames ? (r.regionNames[locale] ?? r.regionNames.en ?? null) : null,
      },
    })),
  };
}

/**
 * What an officer may see, per country: the whole country as its NSS (everything as the CSS), or
 * only its own regions as a regional coordinator. With no country asked, all of that together.
 */
function queueScope(actor: Actor, country: string | undefined): repo.QueueFilter['scope'] {
  const nss = nssCountries(actor);
  if (nss === 'all') return country ? { countries: [country], regionIds: [] } : 'all';
  const coordinated = actor.roles.filter((r) => r.role === 'regional_coordinator');
  if (!country) {
    if (!nss.length && !coordinated.length) throw new AppError('FORBIDDEN');
    return { countries: nss, regionIds: coordinated.map((r) => r.regionId!) };
  }
  if (nss.includes(country)) return { countries: [country], regionIds: [] };
  const regions = coordinated.filter((r) => r.countryCode === country).map((r) => r.regionId!);
  if (!regions.length) throw new AppError('FORBIDDEN');
  return { countries: [], regionIds: regions };
}

/** May this actor see and act on this affiliation? NSS of its country, its region's coordinator, or CSS. */
export function canHandle(actor: Actor, countryCode: string, regionId: number | null): boolean {
  if (isCssOfficer(actor)) return true;
  const nss = nssCountries(actor);
  if (nss !== 'all' && nss.includes(countryCode)) return true;
  return regionId !== null && coordinatedRegions(actor).includes(regionId);
}

/** One affiliation with the person's profile and the audit trail about them. */
export async function affiliationDetail(ctx: ServiceContext, actor: Actor, id: string, locale: Locale) {
  const [row] = await repo.affiliationsWithPeople(ctx.db, [id]);
  if (!row) throw new AppError('NOT_FOUND');
  if (!canHandle(actor, row.school.countryCode, row.school.regionId)) throw new AppError('FORBIDDEN');
  const p = row.person;
  // The trail about this person in this country (requests, confirmations, decisions, roles).
  const audit = await listAudit(ctx.db, { countryCode: row.school.countryCode, subjectId: p.id, limit: 100 });
  return {
    id: row.affiliation.id,
    status: row.affiliation.status,
    regionalStatus: row.affiliation.regionalStatus,
    createdAt: row.affiliation.createdAt.toISOString(),
    decidedAt: row.affiliation.decidedAt?.toISOString() ?? null,
    decisionReason: row.affiliation.decisionReason,
    headConfirmedAt: row.affiliation.headConfirmedAt?.toISOString() ?? null,
    person: {
      id: p.id,
      username: p.username,
      firstName: p.firstName,
      lastName: p.lastName,
      email: p.email,
      schoolRole: p.schoolRole,
      subjects: p.subjects,
      languages: p.languages,
      presentation: p.presentation,
      createdAt: p.createdAt.toISOString(),
      emailConfirmed: !!p.emailConfirmedAt,
    },
    school: {
      id: row.school.id,
      name: row.school.name,
      city: row.school.city,
      countryCode: row.school.countryCode,
      regionName: row.regionNames ? (row.regionNames[locale] ?? null) : null,
      headName: row.school.headName,
      headEmail: row.school.headEmail,
    },
    audit,
  };
}
