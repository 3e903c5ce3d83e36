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
  const nss = nssCountries(actor);
  const regions = coordinatedRegions(actor);
  if (nss !== 'all' && nss.length === 0 && regions.length === 0) throw new AppError('FORBIDDEN');
  if (q.country && nss !== 'all' && !nss.includes(q.country) && regions.length === 0) throw new AppError('FORBIDDEN');
  const asRegionalOnly = nss !== 'all' && nss.length === 0;
  const now = ctx.now();
  const { rows, total } = await repo.queue(ctx.db, {
    countries: q.country ? [q.country] : nss === 'all' ? 'all' : asRegionalOnly ? 'all' : nss,
    regionIds: asRegionalOnly ? regions : undefined,
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
