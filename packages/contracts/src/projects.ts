import { z } from 'zod';
import { spokenLanguages, subjects, Username } from './accounts.ts';

/** Projects (R-PRJ-1..5): the founding form, the lifecycle, membership, queues and the public gallery. */

export const projectStates = [
  'draft',
  'awaiting_partner',
  'awaiting_approval',
  'active',
  'closed',
  'archived',
  'rejected',
] as const;
export type ProjectStateName = (typeof projectStates)[number];
export const projectKinds = ['european', 'national'] as const;
export type ProjectKind = (typeof projectKinds)[number];

const many = <T extends z.ZodType<string>>(item: T) =>
  z
    .union([item, z.array(item).max(50)])
    .optional()
    .transform((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]));

const CountryCode = z.string().regex(/^[A-Z]{2}$/, { message: 'country_unknown' });
const Language = z.string().refine((l) => spokenLanguages.includes(l), { message: 'language_unknown' });
const Text = (min: number, max: number) =>
  z.string().trim().min(min, { message: 'too_short' }).max(max, { message: 'too_long' });

/**
 * An Erasmus+ project reference, e.g. 2023-1-ES01-KA220-SCH-000123456 (since 2021) or
 * 2019-1-FR01-KA229-062345_2 (before).
 */
export const ErasmusReference = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^\d{4}-\d-[A-Z]{2}\d{2}-KA\d{3}(-[A-Z]{3})?-\d{5,9}(_\d{1,2})?$/, { message: 'erasmus_reference_format' });

/** Every field of the form (R-PRJ-2); a draft may hold any subset, submitting needs them all. */
export const projectFormFields = {
  title: Text(3, 140),
  summary: Text(10, 2000),
  languages: z.array(Language).min(1, { message: 'choose_at_least_one' }).max(12),
  ageMin: z.number().int().min(0).max(25),
  ageMax: z.number().int().min(0).max(25),
  pupils: z.number().int().min(1).max(5000),
  subjects: z.array(z.enum(subjects)).min(1, { message: 'choose_at_least_one' }).max(12),
  tools: Text(2, 2000),
  aims: Text(10, 4000),
  workProcess: Text(10, 4000),
  expectedResults: Text(10, 4000),
};

/** The complete form, as checked on submission. */
export const ProjectForm = z
  .object({ ...projectFormFields, erasmusReference: ErasmusReference.nullable().default(null) })
  .refine((p) => p.ageMin <= p.ageMax, { message: 'ages_inverted', path: ['ageMax'] });
export type ProjectForm = z.infer<typeof ProjectForm>;

/** What an autosave sends: any subset of the form; null clears a field. */
export const ProjectDraftUpdate = z
  .object({
    title: projectFormFields.title.optional(),
    summary: projectFormFields.summary.nullable().optional(),
    // A draft may clear its lists (submission needs at least one of each).
    languages: z.array(Language).max(12).optional(),
    ageMin: projectFormFields.ageMin.nullable().optional(),
    ageMax: projectFormFields.ageMax.nullable().optional(),
    pupils: projectFormFields.pupils.nullable().optional(),
    subjects: z.array(z.enum(subjects)).max(12).optional(),
    tools: projectFormFields.tools.nullable().optional(),
    aims: projectFormFields.aims.nullable().optional(),
    workProcess: projectFormFields.workProcess.nullable().optional(),
    expectedResults: projectFormFields.expectedResults.nullable().optional(),
    erasmusReference: ErasmusReference.nullable().optional(),
  })
  .refine((p) => p.ageMin == null || p.ageMax == null || p.ageMin <= p.ageMax, {
    message: 'ages_inverted',
    path: ['ageMax'],
  });
export type ProjectDraftUpdate = z.infer<typeof ProjectDraftUpdate>;

/** Founding a project: my school, the co-founder (one of my contacts) and a first draft. */
export const ProjectCreate = z.object({
  schoolId: z.uuid({ message: 'required' }),
  cofounder: Username,
  /** The co-founder's school, needed only when they work at several. */
  cofounderSchoolId: z.uuid().optional(),
  /** A partner-forum post to prefill the form from (one of mine, or one I replied to). */
  fromPostId: z.uuid().optional(),
  title: projectFormFields.title.optional(),
});
export type ProjectCreate = z.infer<typeof ProjectCreate>;

export const PersonRef = z.object({ username: z.string(), firstName: z.string(), lastName: z.string() });
export type PersonRef = z.infer<typeof PersonRef>;
export const SchoolRef = z.object({ id: z.string(), name: z.string(), city: z.string(), countryCode: z.string() });
export type SchoolRef = z.infer<typeof SchoolRef>;

export const ProjectMemberView = z.object({
  person: PersonRef,
  role: z.enum(['founder', 'partner']),
  school: SchoolRef,
  joinedAt: z.string(),
});
export type ProjectMemberView = z.infer<typeof ProjectMemberView>;

export const ApprovalStepView = z.object({
  countryCode: z.string(),
  regionId: z.number().nullable(),
  regionName: z.string().nullable(),
  regionConsentedAt: z.string().nullable(),
  approvedAt: z.string().nullable(),
});
export type ApprovalStepView = z.infer<typeof ApprovalStepView>;

/** One step still awaited (the approval tracker): who and since when. */
export const AwaitedStepView = z.object({
  kind: z.enum(['cofounder', 'region', 'nss']),
  countryCode: z.string().nullable(),
  regionId: z.number().nullable(),
  regionName: z.string().nullable(),
  /** The co-founder awaited (kind cofounder). */
  person: PersonRef.nullable(),
  since: z.string(),
});
export type AwaitedStepView = z.infer<typeof AwaitedStepView>;

export const ProjectRole = z.enum(['founder', 'cofounder_awaited', 'partner', 'invited', 'officer']);
export type ProjectRole = z.infer<typeof ProjectRole>;

export const ProjectAbilities = z.object({
  edit: z.boolean(),
  submit: z.boolean(),
  discard: z.boolean(),
  respondAsCofounder: z.boolean(),
  /** Countries whose approval this reader may give or refuse now. */
  approve: z.array(z.string()),
  /** Regions whose consent this reader may give now. */
  consent: z.array(z.number()),
  close: z.boolean(),
  invite: z.boolean(),
  leave: z.boolean(),
  removeMembers: z.boolean(),
  setListed: z.boolean(),
  /** The invitation waiting for this reader's answer. */
  invitationId: z.string().nullable(),
});
export type ProjectAbilities = z.infer<typeof ProjectAbilities>;

export const ProjectDetail = z.object({
  id: z.string(),
  kind: z.enum(projectKinds),
  state: z.enum(projectStates),
  title: z.string(),
  summary: z.string().nullable(),
  languages: z.array(z.string()),
  ageMin: z.number().nullable(),
  ageMax: z.number().nullable(),
  pupils: z.number().nullable(),
  subjects: z.array(z.string()),
  tools: z.string().nullable(),
  aims: z.string().nullable(),
  workProcess: z.string().nullable(),
  expectedResults: z.string().nullable(),
  erasmusReference: z.string().nullable(),
  fromPostId: z.string().nullable(),
  /** The co-founder chosen at founding, with their school (named in drafts and while awaited). */
  cofounder: z.object({ person: PersonRef, school: SchoolRef }).nullable(),
  /** Shown in the public gallery once active (founders may hide it). */
  listed: z.boolean(),
  rejection: z.object({ reason: z.string(), countryCode: z.string(), at: z.string() }).nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  stateChangedAt: z.string(),
  activatedAt: z.string().nullable(),
  closedAt: z.string().nullable(),
  /** School year of activation, as its first calendar year (2026 = 2026-27). */
  schoolYear: z.number().nullable(),
  /** Derived from the members' schools. */
  countries: z.array(z.string()),
  members: z.array(ProjectMemberView),
  invitations: z.array(
    z.object({ id: z.string(), person: PersonRef, invitedBy: PersonRef.nullable(), createdAt: z.string() }),
  ),
  steps: z.array(ApprovalStepView),
  awaited: z.array(AwaitedStepView),
  twinspace: z.object({ id: z.string(), createdAt: z.string() }).nullable(),
  /** Fields still missing before the draft can be submitted (field → message code). */
  missing: z.array(z.string()),
  myRole: ProjectRole.nullable(),
  abilities: ProjectAbilities,
});
export type ProjectDetail = z.infer<typeof ProjectDetail>;

export const ProjectSummary = z.object({
  id: z.string(),
  kind: z.enum(projectKinds),
  state: z.enum(projectStates),
  title: z.string(),
  countries: z.array(z.string()),
  ageMin: z.number().nullable(),
  ageMax: z.number().nullable(),
  subjects: z.array(z.string()),
  stateChangedAt: z.string(),
  myRole: ProjectRole.nullable(),
  awaited: z.array(AwaitedStepView),
});
export type ProjectSummary = z.infer<typeof ProjectSummary>;

export const InvitationView = z.object({
  id: z.string(),
  project: z.object({ id: z.string(), title: z.string(), kind: z.enum(projectKinds), countries: z.array(z.string()) }),
  invitedBy: PersonRef.nullable(),
  createdAt: z.string(),
});
export type InvitationView = z.infer<typeof InvitationView>;

export const MyProjectsResponse = z.object({
  items: z.array(ProjectSummary),
  /** Invitations to join a project as a partner, waiting for my answer. */
  invitations: z.array(InvitationView),
});
export type MyProjectsResponse = z.infer<typeof MyProjectsResponse>;

export const InvitationCreate = z.object({ username: Username });
export const InvitationAnswer = z.object({ schoolId: z.uuid().optional() });
export const ApprovalDecision = z.object({ countryCode: CountryCode.optional() });
export const RegionConsent = z.object({ regionId: z.number().int().positive().optional() });
export const RejectionDecision = z.object({
  countryCode: CountryCode.optional(),
  reason: z.string().trim().min(1, { message: 'reason_required' }).max(2000, { message: 'too_long' }),
});
export const ListedUpdate = z.object({ listed: z.boolean() });

/** An NSS officer's (or regional coordinator's) queue of projects awaiting a decision. */
export const ProjectQueueFilters = z.object({
  country: CountryCode.optional(),
  kind: z.enum(projectKinds).optional(),
  /** Only steps this reader can act on now (region first), or every awaited step of its countries. */
  scope: z.enum(['mine', 'all']).default('mine'),
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(50),
});
export type ProjectQueueFilters = z.infer<typeof ProjectQueueFilters>;

export const ProjectQueueItem = z.object({
  project: z.object({ id: z.string(), title: z.string(), kind: z.enum(projectKinds), countries: z.array(z.string()) }),
  founders: z.array(z.object({ person: PersonRef, school: SchoolRef })),
  step: z.object({
    kind: z.enum(['region', 'nss']),
    countryCode: z.string(),
    regionId: z.number().nullable(),
    regionName: z.string().nullable(),
  }),
  /** Other countries' steps of the same project: done or not. */
  otherSteps: z.array(ApprovalStepView),
  waitingSince: z.string(),
  waitingDays: z.number(),
  /** This reader may decide this step now (their country's NSS or their region; never their own project). */
  canDecide: z.boolean(),
});
export type ProjectQueueItem = z.infer<typeof ProjectQueueItem>;

export const ProjectQueueResponse = z.object({
  items: z.array(ProjectQueueItem),
  total: z.number(),
  /** Waiting times of the whole queue, in days. */
  waiting: z.object({ p50: z.number().nullable(), p90: z.number().nullable(), max: z.number().nullable() }),
  nextCursor: z.string().nullable(),
});
export type ProjectQueueResponse = z.infer<typeof ProjectQueueResponse>;

const Age = z.coerce.number().int().min(0).max(25);

/** The public gallery (R-PRJ-5). */
export const GalleryFilters = z.object({
  q: z.string().trim().max(200, { message: 'too_long' }).optional(),
  country: many(CountryCode),
  ageMin: Age.optional(),
  ageMax: Age.optional(),
  subject: many(z.enum(subjects)),
  language: many(Language),
  kind: z.enum(projectKinds).optional(),
  /** First calendar year of the school year (2025 = 2025-26). */
  schoolYear: z.coerce.number().int().min(2000).max(2100).optional(),
  state: z.enum(['active', 'closed', 'all']).default('all'),
  cursor: z.string().max(300).optional(),
  limit: z.coerce.number().int().min(1).max(50).default(20),
});
export type GalleryFilters = z.infer<typeof GalleryFilters>;

export const GalleryCard = z.object({
  id: z.string(),
  title: z.string(),
  summary: z.string(),
  kind: z.enum(projectKinds),
  state: z.enum(['active', 'closed']),
  countries: z.array(z.string()),
  ageMin: z.number(),
  ageMax: z.number(),
  subjects: z.array(z.string()),
  languages: z.array(z.string()),
  schoolYear: z.number(),
  schools: z.number(),
});
export type GalleryCard = z.infer<typeof GalleryCard>;

export const GalleryResponse = z.object({
  items: z.array(GalleryCard),
  total: z.number(),
  nextCursor: z.string().nullable(),
});
export type GalleryResponse = z.infer<typeof GalleryResponse>;

/** A public project page: never pupils; teachers' names only for signed-in members. */
export const PublicProject = GalleryCard.extend({
  aims: z.string(),
  expectedResults: z.string(),
  activatedAt: z.string(),
  closedAt: z.string().nullable(),
  schools: z.number(),
  schoolList: z.array(SchoolRef.extend({ teachers: z.array(PersonRef).nullable() })),
});
export type PublicProject = z.infer<typeof PublicProject>;
