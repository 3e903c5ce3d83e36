import { and, eq, sql } from 'drizzle-orm';
import type { Tx } from '../../platform/context.ts';
import type { Db } from '../../platform/db/database.ts';
import { rowsOf } from '../../platform/db/types.ts';
import type { ApprovalStep } from './lifecycle.ts';
import { project, projectApproval, projectInvitation, projectMember } from './projects.tables.ts';

export type ProjectRow = typeof project.$inferSelect;
type Conn = Db | Tx;

export interface SchoolRow {
  id: string;
  name: string;
  city: string;
  country_code: string;
  region_id: number | null;
}

export interface PersonRow {
  id: string;
  username: string;
  first_name: string;
  last_name: string;
  email: string;
  ui_language: 'es' | 'en';
  anonymised: boolean;
}

export interface MemberRow {
  person_id: string;
  username: string;
  first_name: string;
  last_name: string;
  role: 'founder' | 'partner';
  joined_at: Date | string;
  school_id: string;
  school_name: string;
  city: string;
  country_code: string;
}

export interface StepRow extends ApprovalStep {
  awaitedSince: Date | null;
  regionName: Record<string, string> | null;
}

/** The project row, locked until the end of the transaction: transitions on one project run one at a time. */
export async function lockProject(tx: Tx, id: string): Promise<ProjectRow | undefined> {
  const [row] = await tx.select().from(project).where(eq(project.id, id)).for('update');
  return row;
}

export async function findProject(db: Conn, id: string): Promise<ProjectRow | undefined> {
  const [row] = await db.select().from(project).where(eq(project.id, id));
  return row;
}

/** A person's schools where they are validated now (the schools they may act for). */
export function validatedSchools(db: Conn, personId: string): Promise<SchoolRow[]> {
  return rowsOf<SchoolRow>(
    db,
    sql`SELECT s.id, s.name, s.city, s.country_code, s.region_id
        FROM affiliation a JOIN school s ON s.id = a.school_id
        WHERE a.person_id = ${personId}::uuid AND a.status = 'validated' AND a.ended_at IS NULL
        ORDER BY a.created_at, s.id`,
  );
}

const personColumns = sql`p.id, p.username, p.first_name, p.last_name, p.email, p.ui_language,
  p.anonymised_at IS NOT NULL AS anonymised`;

export async function personByUsername(db: Conn, username: string): Promise<PersonRow | undefined> {
  const [row] = await rowsOf<PersonRow>(db, sql`SELECT ${personColumns} FROM person p WHERE p.username = ${username}`);
  return row;
}

/** People by id (nulls — deleted accounts — are skipped), anonymised people left out. */
export function peopleByIds(db: Conn, maybeIds: (string | null | undefined)[]): Promise<PersonRow[]> {
  const ids = maybeIds.filter((id): id is string => !!id);
  if (!ids.length) return Promise.resolve([]);
  return rowsOf<PersonRow>(
    db,
    sql`SELECT ${personColumns} FROM person p WHERE p.id = ANY(${sql.param(ids)}::uuid[]) AND p.anonymised_at IS NULL`,
  );
}

/** Who decides a step: the NSS officers of a country, or a region's coordinators. */
export function deciders(db: Conn, step: { countryCode: string; regionId: number | null }, kind: 'region' | 'nss') {
  const who =
    kind === 'region'
      ? sql`r.role = 'regional_coordinator' AND r.region_id = ${step.regionId}`
      : sql`r.role = 'nss_officer' AND r.country_code = ${step.countryCode}`;
  return rowsOf<PersonRow>(
    db,
    sql`SELECT DISTINCT ${personColumns} FROM role_assignment r JOIN person p ON p.id = r.person_id
        WHERE ${who} AND r.revoked_at IS NULL AND p.anonymised_at IS NULL`,
  );
}

export async function usesRegionalStep(db: Conn, countryCode: string): Promise<boolean> {
  const [row] = await rowsOf<{ uses: boolean }>(
    db,
    sql`SELECT uses_regional_step AS uses FROM country WHERE code = ${countryCode}`,
  );
  return !!row?.uses;
}

/** Present members (founders first), with their school; anonymised people are left out. */
export function membersOf(db: Conn, projectId: string): Promise<MemberRow[]> {
  return rowsOf<MemberRow>(
    db,
    sql`SELECT m.person_id, p.username, p.first_name, p.last_name, m.role, m.joined_at,
               s.id AS school_id, s.name AS school_name, s.city, s.country_code
        FROM project_member m JOIN person p ON p.id = m.person_id JOIN school s ON s.id = m.school_id
        WHERE m.project_id = ${projectId}::uuid AND m.left_at IS NULL AND p.anonymised_at IS NULL
        ORDER BY m.role = 'founder' DESC, m.joined_at, p.last_name`,
  );
}

export async function memberRole(db: Conn, projectId: string, personId: string) {
  const [row] = await db
    .select({ role: projectMember.role, leftAt: projectMember.leftAt })
    .from(projectMember)
    .where(and(eq(projectMember.projectId, projectId), eq(projectMember.personId, personId)));
  return row && !row.leftAt ? row.role : null;
}

/** Adds a member, or brings back one who left. */
export async function addMember(
  tx: Tx,
  m: { projectId: string; personId: string; schoolId: string; role: 'founder' | 'partner'; at: Date },
) {
  await tx
    .insert(projectMember)
    .values({ projectId: m.projectId, personId: m.personId, schoolId: m.schoolId, role: m.role, joinedAt: m.at })
    .onConflictDoUpdate({
      target: [projectMember.projectId, projectMember.personId],
      set: { schoolId: m.schoolId, role: m.role, joinedAt: m.at, leftAt: null },
    });
}

export async function markLeft(tx: Tx, projectId: string, personId: string, at: Date) {
  await tx
    .update(projectMember)
    .set({ leftAt: at })
    .where(and(eq(projectMember.projectId, projectId), eq(projectMember.personId, personId)));
}

export async function stepsOf(db: Conn, projectId: string): Promise<StepRow[]> {
  return (await stepsOfMany(db, [projectId])).get(projectId) ?? [];
}

/** The approval steps of several projects, by project. */
export async function stepsOfMany(db: Conn, projectIds: string[]): Promise<Map<string, StepRow[]>> {
  const byProject = new Map<string, StepRow[]>();
  if (!projectIds.length) return byProject;
  const rows = await rowsOf<{
    project_id: string;
    country_code: string;
    region_id: number | null;
    region_consented_at: Date | string | null;
    approved_at: Date | string | null;
    awaited_since: Date | string | null;
    region_names: Record<string, string> | null;
  }>(
    db,
    sql`SELECT a.project_id, a.country_code, a.region_id, a.region_consented_at, a.approved_at, a.awaited_since,
               r.names AS region_names
        FROM project_approval a LEFT JOIN region r ON r.id = a.region_id
        WHERE a.project_id = ANY(${sql.param(projectIds)}::uuid[])
        ORDER BY a.country_code, a.region_id NULLS FIRST`,
  );
  const date = (d: Date | string | null) => (d === null ? null : new Date(d));
  for (const r of rows) {
    const list = byProject.get(r.project_id) ?? [];
    list.push({
      countryCode: r.country_code,
      regionId: r.region_id,
      regionConsentedAt: date(r.region_consented_at),
      approvedAt: date(r.approved_at),
      awaitedSince: date(r.awaited_since),
      regionName: r.region_names,
    });
    byProject.set(r.project_id, list);
  }
  return byProject;
}

/** Sets a project's steps anew (submission; cleared on decline and edit). */
export async function replaceSteps(tx: Tx, projectId: string, steps: ApprovalStep[]) {
  await tx.delete(projectApproval).where(eq(projectApproval.projectId, projectId));
  if (steps.length)
    await tx.insert(projectApproval).values(
      steps.map((s) => ({
        projectId,
        countryCode: s.countryCode,
        regionId: s.regionId,
        regionConsentedAt: s.regionConsentedAt,
        approvedAt: s.approvedAt,
      })),
    );
}

/** Writes the consents and approvals the lifecycle answered, with who gave them. */
export async function updateSteps(
  tx: Tx,
  projectId: string,
  steps: ApprovalStep[],
  by: { personId: string; countryCode?: string; regionId?: number },
) {
  for (const s of steps) {
    await tx
      .update(projectApproval)
      .set({
        regionConsentedAt: s.regionConsentedAt,
        approvedAt: s.approvedAt,
        ...(by.regionId !== undefined && by.regionId === s.regionId ? { regionConsentedBy: by.personId } : {}),
        ...(by.countryCode === s.countryCode ? { approvedBy: by.personId } : {}),
      })
      .where(
        and(
          eq(projectApproval.projectId, projectId),
          eq(projectApproval.countryCode, s.countryCode),
          sql`COALESCE(${projectApproval.regionId}, 0) = ${s.regionId ?? 0}`,
        ),
      );
  }
}

export async function startAwaiting(tx: Tx, projectId: string, at: Date) {
  await tx
    .update(projectApproval)
    .set({ awaitedSince: at, regionConsentedAt: null, approvedAt: null, regionConsentedBy: null, approvedBy: null })
    .where(eq(projectApproval.projectId, projectId));
}

export async function pendingInvitations(db: Conn, projectId: string) {
  return rowsOf<{
    id: string;
    created_at: Date | string;
    username: string;
    first_name: string;
    last_name: string;
    by_username: string | null;
    by_first_name: string | null;
    by_last_name: string | null;
  }>(
    db,
    sql`SELECT i.id, i.created_at, p.username, p.first_name, p.last_name,
               b.username AS by_username, b.first_name AS by_first_name, b.last_name AS by_last_name
        FROM project_invitation i JOIN person p ON p.id = i.person_id
        LEFT JOIN person b ON b.id = i.invited_by AND b.anonymised_at IS NULL
        WHERE i.project_id = ${projectId}::uuid AND i.status = 'pending' AND p.anonymised_at IS NULL
        ORDER BY i.created_at`,
  );
}

export async function findInvitation(db: Conn, id: string) {
  const [row] = await db.select().from(projectInvitation).where(eq(projectInvitation.id, id));
  return row;
}

export async function schoolRef(db: Conn, id: string) {
  const [row] = await rowsOf<{ id: string; name: string; city: string; country_code: string }>(
    db,
    sql`SELECT id, name, city, country_code FROM school WHERE id = ${id}::uuid`,
  );
  return row ? { id: row.id, name: row.name, city: row.city, countryCode: row.country_code } : null;
}
