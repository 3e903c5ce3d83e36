import type { ProjectAbilities, ProjectRole } from '@opentwinning/contracts';
import { and, eq } from 'drizzle-orm';
import { coordinatedRegions, isCssOfficer, type Actor } from '../../platform/auth/actor.ts';
import type { Tx } from '../../platform/context.ts';
import type { Db } from '../../platform/db/database.ts';
import { AppError } from '../../platform/errors.ts';
import { awaitedSteps, type ApprovalStep } from './lifecycle.ts';
import * as repo from './projects.repository.ts';
import { projectInvitation } from './projects.tables.ts';

/** Who the reader is for one project: what the policies below decide on. */
export interface Reader {
  personId: string;
  memberRole: 'founder' | 'partner' | null;
  isCreator: boolean;
  isCofounder: boolean;
  invitationId: string | null;
  /**
   * Step countries this reader decides for: NSS officers of that country only (the CSS reads but
   * does not approve), and never for a project of their own.
   */
  countries: string[];
  /** Step regions this reader coordinates. */
  regions: number[];
  css: boolean;
}

export async function readerOf(
  conn: Db | Tx,
  actor: Actor | null,
  p: repo.ProjectRow,
  steps: ApprovalStep[],
): Promise<Reader | null> {
  if (!actor) return null;
  const [memberRole, [invitation]] = await Promise.all([
    repo.memberRole(conn, p.id, actor.personId),
    conn
      .select({ id: projectInvitation.id })
      .from(projectInvitation)
      .where(
        and(
          eq(projectInvitation.projectId, p.id),
          eq(projectInvitation.personId, actor.personId),
          eq(projectInvitation.status, 'pending'),
        ),
      ),
  ]);
  return readerFrom(actor, p, steps, memberRole, invitation?.id ?? null);
}

/** The reader from what is already known of them (lists compute memberships in one query). */
export function readerFrom(
  actor: Actor,
  p: repo.ProjectRow,
  steps: ApprovalStep[],
  memberRole: 'founder' | 'partner' | null,
  invitationId: string | null,
): Reader {
  const isCreator = p.createdBy === actor.personId;
  const isCofounder = p.cofounderId === actor.personId;
  const involved = !!memberRole || isCreator || isCofounder;
  const nss = actor.roles.filter((r) => r.role === 'nss_officer').map((r) => r.countryCode);
  const regions = coordinatedRegions(actor);
  return {
    personId: actor.personId,
    memberRole,
    isCreator,
    isCofounder,
    invitationId,
    countries: involved ? [] : [...new Set(steps.map((s) => s.countryCode))].filter((c) => nss.includes(c)),
    regions: involved
      ? []
      : steps.flatMap((s) => (s.regionId !== null && regions.includes(s.regionId) ? [s.regionId] : [])),
    css: isCssOfficer(actor),
  };
}

const isOfficer = (r: Reader) => r.countries.length > 0 || r.regions.length > 0 || r.css;

/** Drafts are the founders' own; support services see a project once it reaches them. */
export function canSee(r: Reader | null, p: repo.ProjectRow): r is Reader {
  if (!r) return false;
  // The chosen co-founder can read the draft being prepared with them (and answer once it is submitted).
  if (r.memberRole || r.isCreator || r.isCofounder || r.invitationId) return true;
  return isOfficer(r) && !['draft', 'awaiting_partner'].includes(p.state);
}

/** The project as a reader who may not see it: 404, so that its existence is not revealed. */
export function visibleTo(r: Reader | null, p: repo.ProjectRow): asserts r is Reader {
  if (!canSee(r, p)) throw new AppError('NOT_FOUND', 'error_project_not_found');
}

export function roleOf(r: Reader | null, p: repo.ProjectRow): ProjectRole | null {
  if (!r) return null;
  if (r.memberRole) return r.memberRole;
  if (r.isCreator) return 'founder';
  if (r.isCofounder && p.state === 'awaiting_partner') return 'cofounder_awaited';
  if (r.invitationId) return 'invited';
  return isOfficer(r) ? 'officer' : null;
}

const isFounder = (r: Reader) => r.memberRole === 'founder' || r.isCreator;

export function abilitiesOf(r: Reader | null, p: repo.ProjectRow, steps: ApprovalStep[]): ProjectAbilities {
  const s = p.state;
  const awaiting = s === 'awaiting_approval';
  return {
    edit: !!r && (s === 'draft' || s === 'rejected') && (r.isCreator || r.memberRole === 'founder'),
    submit: !!r && s === 'draft' && r.isCreator,
    discard: !!r && s === 'draft' && r.isCreator,
    respondAsCofounder: !!r && s === 'awaiting_partner' && r.isCofounder,
    approve:
      !r || !awaiting
        ? []
        : awaitedSteps(steps)
            .filter((a) => a.kind === 'nss' && r.countries.includes(a.step.countryCode))
            .map((a) => a.step.countryCode),
    consent:
      !r || !awaiting
        ? []
        : awaitedSteps(steps)
            .filter((a) => a.kind === 'region' && r.regions.includes(a.step.regionId!))
            .map((a) => a.step.regionId!),
    close: !!r && s === 'active' && isFounder(r),
    invite: !!r && s === 'active' && !!r.memberRole,
    leave: !!r && s === 'active' && r.memberRole === 'partner',
    removeMembers: !!r && s === 'active' && r.memberRole === 'founder',
    setListed: !!r && isFounder(r) && s !== 'closed' && s !== 'archived',
    invitationId: r && s === 'active' ? r.invitationId : null,
  };
}

/** A write refused because of the project's state: 409 naming the current state. */
export function stateConflict(state: string): AppError {
  return new AppError('CONFLICT', `error_project_state_${state}`, {}, undefined, undefined, { state });
}

/** A closed or archived project is read-only: every write answers 409 with its state. */
export function assertWritable(p: repo.ProjectRow): void {
  if (p.state === 'closed' || p.state === 'archived') throw stateConflict(p.state);
}
