import { and, eq, inArray, or } from 'drizzle-orm';
import { registerPersonalData } from '../../platform/privacy/registry.ts';
import { project, projectApproval, projectInvitation, projectMember } from './projects.tables.ts';

registerPersonalData({
  name: 'projects',
  export: async (db, personId) => ({
    memberships: await db.select().from(projectMember).where(eq(projectMember.personId, personId)),
    founded: (
      await db
        .select()
        .from(project)
        .where(or(eq(project.createdBy, personId), eq(project.cofounderId, personId)))
    ).map(({ document: _document, ...p }) => p),
    invitations: await db.select().from(projectInvitation).where(eq(projectInvitation.personId, personId)),
  }),
  async erase(tx, personId) {
    const notYetActive = ['draft', 'awaiting_partner', 'awaiting_approval', 'rejected'] as const;
    // Projects not yet active that the person created go with them.
    await tx.delete(project).where(and(eq(project.createdBy, personId), inArray(project.state, notYetActive)));
    // Where they were the chosen co-founder of one not yet active, it returns to its creator's drafts.
    const back = await tx
      .update(project)
      .set({ state: 'draft', stateChangedAt: new Date(), updatedAt: new Date() })
      .where(and(eq(project.cofounderId, personId), inArray(project.state, notYetActive)))
      .returning({ id: project.id });
    if (back.length) {
      const ids = back.map((b) => b.id);
      await tx.delete(projectApproval).where(inArray(projectApproval.projectId, ids));
      await tx
        .delete(projectMember)
        .where(and(inArray(projectMember.projectId, ids), eq(projectMember.personId, personId)));
    }
    // Active, closed and archived projects keep the school's participation, without the person
    // (person_id set null): partners keep their project and its countries.
  },
});
