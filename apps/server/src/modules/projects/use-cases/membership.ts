import { and, eq } from 'drizzle-orm';
import { requireValidated, type Actor } from '../../../platform/auth/actor.ts';
import type { ServiceContext } from '../../../platform/context.ts';
import { AppError } from '../../../platform/errors.ts';
import { areContacts } from '../../contacts/contacts.service.ts';
import { removeTwinspaceMember, setTwinspaceMember } from '../../twinspace/twinspace.service.ts';
import { assertWritable, readerOf, stateConflict, visibleTo } from '../policy.ts';
import * as repo from '../projects.repository.ts';
import { project, projectInvitation } from '../projects.tables.ts';
import { recordProjectEvent, tell, withProject } from './apply.ts';

const notEligible = (fields: Record<string, string>) =>
  new AppError('PROJECT_NOT_ELIGIBLE', 'error_project_not_eligible', {}, fields);

/** R-PRJ-4: a member of an active project invites one of their contacts as a partner. */
export async function invitePartner(ctx: ServiceContext, actor: Actor | null, id: string, username: string) {
  const me = requireValidated(actor);
  return withProject(ctx, id, async (tx, p, steps) => {
    const r = await readerOf(tx, me, p, steps);
    visibleTo(r, p);
    assertWritable(p);
    if (!r.memberRole) throw new AppError('FORBIDDEN', 'error_project_members_only');
    if (p.state !== 'active') throw stateConflict(p.state);
    const person = await repo.personByUsername(tx, username);
    if (!person || person.anonymised || person.id === me.personId) throw notEligible({ username: 'not_a_contact' });
    if (await repo.memberRole(tx, p.id, person.id)) throw new AppError('CONFLICT', 'error_project_already_member');
    if (!(await areContacts(ctx, me.personId, person.id, tx))) throw notEligible({ username: 'not_a_contact' });
    if (!(await repo.validatedSchools(tx, person.id)).length)
      throw notEligible({ username: 'cofounder_not_validated' });
    const [created] = await tx
      .insert(projectInvitation)
      .values({ projectId: p.id, personId: person.id, invitedBy: me.personId, createdAt: ctx.now() })
      .onConflictDoNothing()
      .returning({ id: projectInvitation.id });
    if (!created) throw new AppError('CONFLICT', 'error_project_already_invited');
    await recordProjectEvent(ctx, tx, p, {
      actor: me,
      name: 'project.partner_invited',
      data: { personId: person.id },
    });
    await tell(ctx, tx, [person], 'project_invitation', p, me);
    return { id: created.id };
  });
}

/** The invited teacher accepts (for one of their schools) or declines. */
export async function answerInvitation(
  ctx: ServiceContext,
  actor: Actor | null,
  invitationId: string,
  answer: { accept: boolean; schoolId?: string },
) {
  const me = requireValidated(actor);
  const invitation = await repo.findInvitation(ctx.db, invitationId);
  if (!invitation || invitation.personId !== me.personId) throw new AppError('NOT_FOUND', 'error_invitation_not_found');
  const schools = answer.accept ? await repo.validatedSchools(ctx.db, me.personId) : [];
  return withProject(ctx, invitation.projectId, async (tx, p) => {
    const [live] = await tx
      .select()
      .from(projectInvitation)
      .where(and(eq(projectInvitation.id, invitationId), eq(projectInvitation.status, 'pending')))
      .for('update');
    if (!live) throw new AppError('CONFLICT', 'error_invitation_answered');
    if (p.state !== 'active') throw stateConflict(p.state);
    const now = ctx.now();
    if (!answer.accept) {
      await tx
        .update(projectInvitation)
        .set({ status: 'declined', answeredAt: now })
        .where(eq(projectInvitation.id, invitationId));
      await recordProjectEvent(ctx, tx, p, { actor: me, name: 'project.invitation_declined' });
      return p.id;
    }
    const school = answer.schoolId
      ? schools.find((s) => s.id === answer.schoolId)
      : schools.length === 1
        ? schools[0]
        : undefined;
    if (!school) throw notEligible({ schoolId: schools.length ? 'school_required' : 'cofounder_not_validated' });
    await tx
      .update(projectInvitation)
      .set({ status: 'accepted', answeredAt: now })
      .where(eq(projectInvitation.id, invitationId));
    await repo.addMember(tx, { projectId: p.id, personId: me.personId, schoolId: school.id, role: 'partner', at: now });
    await setTwinspaceMember(tx, p.id, me.personId, 'teacher_member', now);
    await recordProjectEvent(ctx, tx, p, {
      actor: me,
      name: 'project.partner_joined',
      data: { schoolId: school.id, countryCode: school.country_code },
    });
    const founders = (await repo.membersOf(tx, p.id)).filter((m) => m.role === 'founder').map((m) => m.person_id);
    await tell(ctx, tx, await repo.peopleByIds(tx, [...founders, live.invitedBy]), 'project_member_joined', p, me);
    return p.id;
  });
}

/** A partner leaves an active project (founders cannot: R-PRJ-4). */
export async function leaveProject(ctx: ServiceContext, actor: Actor | null, id: string) {
  const me = requireValidated(actor);
  await withProject(ctx, id, async (tx, p, steps) => {
    const r = await readerOf(tx, me, p, steps);
    visibleTo(r, p);
    assertWritable(p);
    if (!r.memberRole) throw new AppError('FORBIDDEN', 'error_project_members_only');
    if (p.state !== 'active') throw stateConflict(p.state);
    if (r.memberRole === 'founder') throw new AppError('CONFLICT', 'error_project_founder_stays');
    await repo.markLeft(tx, p.id, me.personId, ctx.now());
    await removeTwinspaceMember(tx, p.id, me.personId);
    await recordProjectEvent(ctx, tx, p, { actor: me, name: 'project.partner_left' });
  });
}

/** A founder removes a partner; founders themselves cannot be removed (R-PRJ-4). */
export async function removeMember(ctx: ServiceContext, actor: Actor | null, id: string, username: string) {
  const me = requireValidated(actor);
  await withProject(ctx, id, async (tx, p, steps) => {
    const r = await readerOf(tx, me, p, steps);
    visibleTo(r, p);
    assertWritable(p);
    if (r.memberRole !== 'founder') throw new AppError('FORBIDDEN', 'error_project_founders_only');
    if (p.state !== 'active') throw stateConflict(p.state);
    const person = await repo.personByUsername(tx, username);
    const role = person ? await repo.memberRole(tx, p.id, person.id) : null;
    if (!person || !role) throw new AppError('NOT_FOUND', 'error_person_not_found');
    if (role === 'founder') throw new AppError('CONFLICT', 'error_project_founder_stays');
    await repo.markLeft(tx, p.id, person.id, ctx.now());
    await removeTwinspaceMember(tx, p.id, person.id);
    await recordProjectEvent(ctx, tx, p, { actor: me, name: 'project.partner_removed', data: { personId: person.id } });
  });
}

/** Founders show or hide the project in the public gallery (R-PRJ-5). */
export async function setListed(ctx: ServiceContext, actor: Actor | null, id: string, listed: boolean) {
  const me = requireValidated(actor);
  await withProject(ctx, id, async (tx, p, steps) => {
    const r = await readerOf(tx, me, p, steps);
    visibleTo(r, p);
    assertWritable(p);
    if (r.memberRole !== 'founder' && !r.isCreator) throw new AppError('FORBIDDEN', 'error_project_founders_only');
    if (p.state === 'archived') throw stateConflict(p.state);
    if (p.listed === listed) return;
    await tx.update(project).set({ listed, updatedAt: ctx.now() }).where(eq(project.id, p.id));
    await recordProjectEvent(ctx, tx, p, { actor: me, name: listed ? 'project.listed' : 'project.unlisted' });
  });
}
