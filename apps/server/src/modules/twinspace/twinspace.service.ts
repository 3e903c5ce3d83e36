import { and, eq, sql } from 'drizzle-orm';
import type { Tx } from '../../platform/context.ts';
import type { Db } from '../../platform/db/database.ts';
import { twinspace, twinspaceMember, type twinspaceRoles } from './twinspace.tables.ts';

type Role = (typeof twinspaceRoles)[number];

/**
 * Creates a project's TwinSpace with its founders as teacher-administrators (R-PRJ-3, R-TS-2).
 * Once per project: a second call (two approvals racing) finds the one already there.
 */
export async function createTwinspace(tx: Tx, projectId: string, adminIds: string[], at: Date) {
  const [created] = await tx
    .insert(twinspace)
    .values({ projectId, createdAt: at })
    .onConflictDoNothing({ target: twinspace.projectId })
    .returning({ id: twinspace.id });
  if (!created) return twinspaceOf(tx, projectId);
  for (const personId of adminIds) await setTwinspaceMember(tx, projectId, personId, 'teacher_admin', at);
  return { id: created.id, createdAt: at };
}

export async function twinspaceOf(db: Db | Tx, projectId: string) {
  const [row] = await db
    .select({ id: twinspace.id, createdAt: twinspace.createdAt })
    .from(twinspace)
    .where(eq(twinspace.projectId, projectId));
  return row ?? null;
}

/** A project member joins its TwinSpace (partners as teacher-members); a role already held is kept. */
export async function setTwinspaceMember(tx: Tx, projectId: string, personId: string, role: Role, at: Date) {
  await tx.execute(sql`
    INSERT INTO twinspace_member (twinspace_id, person_id, role, joined_at)
    SELECT t.id, ${personId}::uuid, ${role}, ${at.toISOString()}::timestamptz FROM twinspace t
    WHERE t.project_id = ${projectId}::uuid
    ON CONFLICT (twinspace_id, person_id) DO NOTHING`);
}

/** A member who leaves the project leaves its TwinSpace. */
export async function removeTwinspaceMember(tx: Tx, projectId: string, personId: string) {
  const space = await twinspaceOf(tx, projectId);
  if (!space) return;
  await tx
    .delete(twinspaceMember)
    .where(and(eq(twinspaceMember.twinspaceId, space.id), eq(twinspaceMember.personId, personId)));
}
