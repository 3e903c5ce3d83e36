import { eq, or } from 'drizzle-orm';
import { registerPersonalData } from '../../platform/privacy/registry.ts';
import { project, projectInvitation, projectMember } from './projects.tables.ts';

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
  async erase() {
    // Memberships and invitations go with the person (cascade); projects stay, without their name
    // (created_by / cofounder_id set null), so that partners keep their work.
  },
});
