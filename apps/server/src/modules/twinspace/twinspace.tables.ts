import { sql } from 'drizzle-orm';
import { check, index, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { person } from '../accounts/accounts.tables.ts';
import { project } from '../projects/projects.tables.ts';

const stamp = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/** A project's TwinSpace (R-TS): created once, at activation, with the founders as administrators. */
export const twinspace = pgTable(
  'twinspace',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    projectId: uuid('project_id')
      .notNull()
      .references(() => project.id, { onDelete: 'cascade' }),
    createdAt: stamp('created_at').notNull().defaultNow(),
  },
  (t) => [uniqueIndex('twinspace_project_idx').on(t.projectId)],
);

export const twinspaceRoles = ['teacher_admin', 'teacher_member', 'pupil_admin', 'pupil', 'visitor'] as const;

export const twinspaceMember = pgTable(
  'twinspace_member',
  {
    twinspaceId: uuid('twinspace_id')
      .notNull()
      .references(() => twinspace.id, { onDelete: 'cascade' }),
    personId: uuid('person_id')
      .notNull()
      .references(() => person.id, { onDelete: 'cascade' }),
    role: text('role', { enum: twinspaceRoles }).notNull(),
    joinedAt: stamp('joined_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.twinspaceId, t.personId] }),
    check(
      'twinspace_member_role_known',
      sql`${t.role} IN (${sql.raw(twinspaceRoles.map((r) => `'${r}'`).join(', '))})`,
    ),
    index('twinspace_member_person_idx').on(t.personId),
  ],
);
