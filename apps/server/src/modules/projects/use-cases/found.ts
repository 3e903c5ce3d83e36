import { ProjectForm, type ProjectCreate, type ProjectDraftUpdate } from '@opentwinning/contracts';
import { eq } from 'drizzle-orm';
import { requireValidated, type Actor } from '../../../platform/auth/actor.ts';
import type { ServiceContext } from '../../../platform/context.ts';
import { AppError } from '../../../platform/errors.ts';
import { recordEvent } from '../../../platform/events/events.ts';
import { recordAudit } from '../../audit/audit.service.ts';
import { areContacts } from '../../contacts/contacts.service.ts';
import { postForMatching } from '../../forum/forum.service.ts';
import { forgetNoticesAbout } from '../../notifications/notifications.service.ts';
import { projectKind } from '../lifecycle.ts';
import { assertWritable, readerOf, stateConflict, visibleTo } from '../policy.ts';
import * as repo from '../projects.repository.ts';
import { project, projectApproval } from '../projects.tables.ts';
import { applyEvent, recordProjectEvent, tell, withProject } from './apply.ts';

const notEligible = (fields: Record<string, string>) =>
  new AppError('PROJECT_NOT_ELIGIBLE', 'error_project_not_eligible', {}, fields);

/**
 * R-PRJ-1: a validated teacher founds a project for one of their schools with a co-founder chosen
 * among their contacts, validated at another school. The kind follows from the two schools'
 * countries and never changes. The project starts as a draft (prefilled from a forum post if asked).
 */
export async function foundProject(ctx: ServiceContext, actor: Actor | null, input: ProjectCreate) {
  const me = requireValidated(actor);
  const mySchool = (await repo.validatedSchools(ctx.db, me.personId)).find((s) => s.id === input.schoolId);
  if (!mySchool) throw notEligible({ schoolId: 'not_your_school' });
  const co = await repo.personByUsername(ctx.db, input.cofounder);
  if (!co || co.anonymised || co.id === me.personId || !(await areContacts(ctx, me.personId, co.id)))
    throw notEligible({ cofounder: 'not_a_contact' });
  const coSchools = await repo.validatedSchools(ctx.db, co.id);
  if (!coSchools.length) throw notEligible({ cofounder: 'cofounder_not_validated' });
  const coSchool = input.cofounderSchoolId
    ? coSchools.find((s) => s.id === input.cofounderSchoolId)
    : coSchools.length === 1
      ? coSchools[0]
      : undefined;
  if (!coSchool) throw notEligible({ cofounderSchoolId: 'cofounder_school_required' });
  if (coSchool.id === mySchool.id) throw notEligible({ cofounder: 'same_school' });

  const post = input.fromPostId ? (await postForMatching(ctx, actor, input.fromPostId)).post : null;
  const now = ctx.now();
  const kind = projectKind([mySchool.country_code, coSchool.country_code]);
  const id = await ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(project)
      .values({
        kind,
        title: input.title ?? post?.title ?? '',
        summary: post?.idea ?? null,
        languages: post?.languages ?? [],
        ageMin: post?.ages.min ?? null,
        ageMax: post?.ages.max ?? null,
        subjects: post?.subjects ?? [],
        fromPostId: post?.id ?? null,
        createdBy: me.personId,
        cofounderId: co.id,
        cofounderSchoolId: coSchool.id,
        createdAt: now,
        updatedAt: now,
        stateChangedAt: now,
      })
      .returning({ id: project.id });
    await repo.addMember(tx, {
      projectId: row!.id,
      personId: me.personId,
      schoolId: mySchool.id,
      role: 'founder',
      at: now,
    });
    const data = { kind, schools: [mySchool.id, coSchool.id], fromPostId: post?.id ?? null };
    await recordEvent(tx, { name: 'project.founded', subjectId: row!.id, actorId: me.personId, data, at: now });
    await recordAudit(tx, {
      actor: { id: me.personId, label: me.username },
      action: 'project.founded',
      subject: { id: row!.id, label: input.title ?? post?.title ?? '' },
      details: data,
    });
    return row!.id;
  });
  return { id };
}

/** A title is required to found; an empty one (prefill without a title) is caught on submission. */
const formValues = (p: repo.ProjectRow) => ({
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
});

const ownKeys = new Set([
  'too_short',
  'too_long',
  'choose_at_least_one',
  'ages_inverted',
  'erasmus_reference_format',
  'language_unknown',
]);

/** Fields still missing or wrong before the draft can be submitted (field → message code). */
export function missingFields(p: repo.ProjectRow): Record<string, string> {
  const checked = ProjectForm.safeParse(formValues(p));
  if (checked.success) return {};
  const fields: Record<string, string> = {};
  for (const issue of checked.error.issues) {
    const field = String(issue.path[0] ?? 'form');
    // Keys of validation_* messages: our own refinements carry one; built-in checks get a generic one.
    fields[field] ??=
      issue.code === 'invalid_type' ? 'required' : ownKeys.has(issue.message) ? issue.message : 'invalid_value';
  }
  return fields;
}

/**
 * Autosave of a draft (any subset of the form). On a rejected project this is the way back:
 * the edit returns it to draft (R-PRJ-3), to be submitted again.
 */
export async function updateDraft(ctx: ServiceContext, actor: Actor | null, id: string, patch: ProjectDraftUpdate) {
  const me = requireValidated(actor);
  return withProject(ctx, id, async (tx, p, steps) => {
    const r = await readerOf(tx, me, p, steps);
    visibleTo(r, p);
    assertWritable(p);
    if (!r.isCreator && r.memberRole !== 'founder') throw new AppError('FORBIDDEN', 'error_project_founders_only');
    const next = { ...p, ...patch };
    if (next.ageMin != null && next.ageMax != null && next.ageMin > next.ageMax)
      throw new AppError('VALIDATION', 'error_validation', {}, { ageMax: 'ages_inverted' });
    if (p.state === 'rejected') {
      await applyEvent(ctx, tx, p, steps, { type: 'edit' }, { actor: me, name: 'project.reopened' });
      await tx.delete(projectApproval).where(eq(projectApproval.projectId, p.id));
    } else if (p.state !== 'draft') throw stateConflict(p.state);
    await tx
      .update(project)
      .set({ ...patch, updatedAt: ctx.now() })
      .where(eq(project.id, p.id));
  });
}

/** Discards a draft (its creator). */
export async function discardDraft(ctx: ServiceContext, actor: Actor | null, id: string) {
  const me = requireValidated(actor);
  await withProject(ctx, id, async (tx, p, steps) => {
    const r = await readerOf(tx, me, p, steps);
    visibleTo(r, p);
    assertWritable(p);
    if (!r.isCreator) throw new AppError('FORBIDDEN', 'error_project_founders_only');
    if (p.state !== 'draft') throw stateConflict(p.state);
    await recordProjectEvent(ctx, tx, p, { actor: me, name: 'project.discarded' });
    await tx.delete(project).where(eq(project.id, p.id));
    await forgetNoticesAbout(tx, p.id);
  });
}

/**
 * Submits the draft to the co-founder (R-PRJ-3): the form must be complete; the approval steps are
 * set now — one per founder country, with the founder's region where the country uses regions.
 */
export async function submitProject(ctx: ServiceContext, actor: Actor | null, id: string) {
  const me = requireValidated(actor);
  return withProject(ctx, id, async (tx, p, steps) => {
    const r = await readerOf(tx, me, p, steps);
    visibleTo(r, p);
    assertWritable(p);
    if (!r.isCreator) throw new AppError('FORBIDDEN', 'error_project_founders_only');
    if (p.state !== 'draft') throw stateConflict(p.state);
    const missing = missingFields(p);
    if (Object.keys(missing).length) throw new AppError('VALIDATION', 'error_project_incomplete', {}, missing);
    const mine = (await repo.membersOf(tx, p.id)).find((m) => m.person_id === me.personId);
    const [co] = await repo.peopleByIds(tx, [p.cofounderId]);
    const coSchool = co && (await repo.validatedSchools(tx, co.id)).find((s) => s.id === p.cofounderSchoolId);
    if (!mine || !co || !coSchool) throw notEligible({ cofounder: 'cofounder_not_validated' });
    const mySchool = (await repo.validatedSchools(tx, me.personId)).find((s) => s.id === mine.school_id);
    if (!mySchool) throw notEligible({ schoolId: 'not_your_school' });
    // One step per founder country; where it uses regions, one per founder region.
    const stepsByCountry = new Map<string, { countryCode: string; regionId: number | null }>();
    for (const school of [mySchool, coSchool]) {
      const regional = await repo.usesRegionalStep(tx, school.country_code);
      const regionId = regional ? school.region_id : null;
      stepsByCountry.set(`${school.country_code}:${regionId ?? ''}`, { countryCode: school.country_code, regionId });
    }
    const t = await applyEvent(
      ctx,
      tx,
      p,
      steps,
      { type: 'submit', steps: [...stepsByCountry.values()] },
      { actor: me, name: 'project.submitted', set: { rejectionReason: null, rejectedCountry: null, rejectedAt: null } },
    );
    await repo.replaceSteps(tx, p.id, t.ok ? t.steps : []);
    await tell(ctx, tx, [co], 'project_cofounder_request', p, me);
  });
}
