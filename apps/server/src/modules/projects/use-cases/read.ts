import type {
  AwaitedStepView,
  MyProjectsResponse,
  PersonRef,
  ProjectDetail,
  ProjectSummary,
} from '@opentwinning/contracts';
import { desc, sql } from 'drizzle-orm';
import { requireSignedIn, type Actor } from '../../../platform/auth/actor.ts';
import type { ServiceContext } from '../../../platform/context.ts';
import { rowsOf, toIso } from '../../../platform/db/types.ts';
import { AppError } from '../../../platform/errors.ts';
import type { Locale } from '../../../platform/i18n.ts';
import { twinspaceOf } from '../../twinspace/twinspace.service.ts';
import { awaitedSteps } from '../lifecycle.ts';
import { abilitiesOf, readerFrom, readerOf, roleOf, visibleTo } from '../policy.ts';
import * as repo from '../projects.repository.ts';
import { project } from '../projects.tables.ts';
import { missingFields } from './found.ts';

const iso = (d: Date | null) => (d ? d.toISOString() : null);
const regionName = (names: Record<string, string> | null, locale: Locale) =>
  names ? (names[locale] ?? names.en ?? Object.values(names)[0] ?? null) : null;

/** The approval tracker: every step still awaited, who and since when. */
function tracker(
  p: repo.ProjectRow,
  steps: repo.StepRow[],
  cofounder: PersonRef | null,
  locale: Locale,
): AwaitedStepView[] {
  if (p.state === 'awaiting_partner')
    return [
      {
        kind: 'cofounder',
        countryCode: null,
        regionId: null,
        regionName: null,
        person: cofounder,
        since: p.stateChangedAt.toISOString(),
      },
    ];
  if (p.state !== 'awaiting_approval') return [];
  return awaitedSteps(steps).map(({ kind, step }) => {
    const row = step as repo.StepRow;
    const since =
      kind === 'nss' && row.regionConsentedAt ? row.regionConsentedAt : (row.awaitedSince ?? p.stateChangedAt);
    return {
      kind,
      countryCode: row.countryCode,
      regionId: row.regionId,
      regionName: regionName(row.regionName, locale),
      person: null,
      since: since.toISOString(),
    };
  });
}

async function cofounderRef(ctx: ServiceContext, p: repo.ProjectRow): Promise<PersonRef | null> {
  const [co] = await repo.peopleByIds(ctx.db, p.cofounderId ? [p.cofounderId] : []);
  return co ? { username: co.username, firstName: co.first_name, lastName: co.last_name } : null;
}

/** A project as its founders, partners, invitees and deciding officers see it, with their abilities. */
export async function getProject(
  ctx: ServiceContext,
  actor: Actor | null,
  id: string,
  locale: Locale,
): Promise<ProjectDetail> {
  const me = requireSignedIn(actor);
  const p = await repo.findProject(ctx.db, id);
  if (!p) throw new AppError('NOT_FOUND', 'error_project_not_found');
  const steps = await repo.stepsOf(ctx.db, id);
  const r = await readerOf(ctx.db, me, p, steps);
  visibleTo(r, p);
  const [members, invitations, space, cofounder, coSchool] = await Promise.all([
    repo.membersOf(ctx.db, id),
    r.memberRole ? repo.pendingInvitations(ctx.db, id) : Promise.resolve([]),
    twinspaceOf(ctx.db, id),
    cofounderRef(ctx, p),
    p.cofounderSchoolId ? repo.schoolRef(ctx.db, p.cofounderSchoolId) : Promise.resolve(null),
  ]);
  return {
    id: p.id,
    kind: p.kind,
    state: p.state,
    title: p.title,
    summary: p.summary,
    languages: p.languages,
    ageMin: p.ageMin,
    ageMax: p.ageMax,
    pupils: p.pupils,
    subjects: p.subjects,
    tools: p.tools,
    aims: p.aims,
    workProcess: p.workProcess,
    expectedResults: p.expectedResults,
    erasmusReference: p.erasmusReference,
    fromPostId: p.fromPostId,
    cofounder: cofounder && coSchool ? { person: cofounder, school: coSchool } : null,
    listed: p.listed,
    rejection:
      p.state === 'rejected' && p.rejectionReason
        ? { reason: p.rejectionReason, countryCode: p.rejectedCountry ?? '', at: iso(p.rejectedAt) ?? '' }
        : null,
    createdAt: p.createdAt.toISOString(),
    updatedAt: p.updatedAt.toISOString(),
    stateChangedAt: p.stateChangedAt.toISOString(),
    activatedAt: iso(p.activatedAt),
    closedAt: iso(p.closedAt),
    schoolYear: p.schoolYear,
    countries: p.countryCodes,
    members: members.map((m) => ({
      person: { username: m.username, firstName: m.first_name, lastName: m.last_name },
      role: m.role,
      school: { id: m.school_id, name: m.school_name, city: m.city, countryCode: m.country_code },
      joinedAt: toIso(m.joined_at),
    })),
    invitations: invitations.map((i) => ({
      id: i.id,
      person: { username: i.username, firstName: i.first_name, lastName: i.last_name },
      invitedBy: i.by_username
        ? { username: i.by_username, firstName: i.by_first_name!, lastName: i.by_last_name! }
        : null,
      createdAt: toIso(i.created_at),
    })),
    steps: steps.map((s) => ({
      countryCode: s.countryCode,
      regionId: s.regionId,
      regionName: regionName(s.regionName, locale),
      regionConsentedAt: iso(s.regionConsentedAt),
      approvedAt: iso(s.approvedAt),
    })),
    awaited: tracker(p, steps, cofounder, locale),
    twinspace: space ? { id: space.id, createdAt: space.createdAt.toISOString() } : null,
    missing: p.state === 'draft' ? Object.keys(missingFields(p)) : [],
    myRole: roleOf(r, p),
    abilities: abilitiesOf(r, p, steps),
  };
}

/** "My projects": those I founded or am a partner of, those waiting for my answer as co-founder, and invitations. */
export async function myProjects(
  ctx: ServiceContext,
  actor: Actor | null,
  locale: Locale,
): Promise<MyProjectsResponse> {
  const me = requireSignedIn(actor);
  const rows = await ctx.db
    .select()
    .from(project)
    .where(
      sql`${project.createdBy} = ${me.personId}::uuid
          OR (${project.cofounderId} = ${me.personId}::uuid AND ${project.state} <> 'draft')
          OR EXISTS (SELECT 1 FROM project_member m WHERE m.project_id = ${project.id}
                     AND m.person_id = ${me.personId}::uuid AND m.left_at IS NULL)`,
    )
    .orderBy(desc(project.stateChangedAt), project.id)
    .limit(500);
  const ids = rows.map((p) => p.id);
  const [steps, roles, cofounders] = await Promise.all([
    repo.stepsOfMany(ctx.db, ids),
    ids.length
      ? rowsOf<{ project_id: string; role: 'founder' | 'partner' }>(
          ctx.db,
          sql`SELECT project_id, role FROM project_member
              WHERE person_id = ${me.personId}::uuid AND left_at IS NULL AND project_id = ANY(${sql.param(ids)}::uuid[])`,
        )
      : Promise.resolve([]),
    repo.peopleByIds(
      ctx.db,
      rows.filter((p) => p.state === 'awaiting_partner').map((p) => p.cofounderId),
    ),
  ]);
  const items: ProjectSummary[] = rows.map((p) => {
    const mine = steps.get(p.id) ?? [];
    const r = readerFrom(me, p, mine, roles.find((x) => x.project_id === p.id)?.role ?? null, null);
    const co = cofounders.find((c) => c.id === p.cofounderId);
    return {
      id: p.id,
      kind: p.kind,
      state: p.state,
      title: p.title,
      countries: p.countryCodes,
      ageMin: p.ageMin,
      ageMax: p.ageMax,
      subjects: p.subjects,
      stateChangedAt: p.stateChangedAt.toISOString(),
      myRole: roleOf(r, p),
      awaited: tracker(
        p,
        mine,
        co ? { username: co.username, firstName: co.first_name, lastName: co.last_name } : null,
        locale,
      ),
    };
  });
  const invitations = await rowsOf<{
    id: string;
    created_at: Date | string;
    project_id: string;
    title: string;
    kind: 'european' | 'national';
    country_codes: string[];
    username: string | null;
    first_name: string | null;
    last_name: string | null;
  }>(
    ctx.db,
    sql`SELECT i.id, i.created_at, p.id AS project_id, p.title, p.kind, p.country_codes,
               b.username, b.first_name, b.last_name
        FROM project_invitation i JOIN project p ON p.id = i.project_id
        LEFT JOIN person b ON b.id = i.invited_by AND b.anonymised_at IS NULL
        WHERE i.person_id = ${me.personId}::uuid AND i.status = 'pending' AND p.state = 'active'
        ORDER BY i.created_at DESC`,
  );
  return {
    items,
    invitations: invitations.map((i) => ({
      id: i.id,
      project: { id: i.project_id, title: i.title, kind: i.kind, countries: i.country_codes },
      invitedBy: i.username ? { username: i.username, firstName: i.first_name!, lastName: i.last_name! } : null,
      createdAt: toIso(i.created_at),
    })),
  };
}
