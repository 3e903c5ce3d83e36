import { z } from 'zod';
import { schoolLevels, spokenLanguages, subjects } from './accounts.ts';
import { countryCategories } from './countries.ts';

/** A query parameter given once or repeated (?country=FR&country=DE), as a list. */
const many = <T extends z.ZodType<string>>(item: T) =>
  z
    .union([item, z.array(item).max(50)])
    .optional()
    .transform((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]));

const CountryCode = z.string().regex(/^[A-Z]{2}$/, { message: 'country_unknown' });
const Age = z.coerce.number().int().min(0).max(25);
const Flag = z
  .enum(['true', 'false'])
  .optional()
  .transform((v) => (v === undefined ? undefined : v === 'true'));

/** Filters shared by the teacher search, the school search and the forum (R-PF-1, R-PF-2). */
export const SearchFilters = z.object({
  q: z.string().trim().max(200, { message: 'too_long' }).optional(),
  country: many(CountryCode),
  category: many(z.enum(countryCategories)),
  ageMin: Age.optional(),
  ageMax: Age.optional(),
  subject: many(z.enum(subjects)),
  language: many(z.string().refine((l) => spokenLanguages.includes(l), { message: 'language_unknown' })),
  schoolType: many(z.enum(schoolLevels)),
  looking: Flag,
  /** Signed in within the last N months. */
  activeMonths: z.coerce.number().int().min(1).max(36).optional(),
  cursor: z.string().max(300).optional(),
  limit: z.coerce.number().int().min(1).max(50).default(20),
});
export type SearchFilters = z.infer<typeof SearchFilters>;

export const FacetCount = z.object({ value: z.string(), count: z.number() });
export type FacetCount = z.infer<typeof FacetCount>;

export const TeacherCard = z.object({
  username: z.string(),
  firstName: z.string(),
  lastName: z.string(),
  presentation: z.string(),
  /** ISO 639-1 code of the presentation's language (the page marks it up with lang). */
  presentationLanguage: z.string(),
  subjects: z.array(z.string()),
  languages: z.array(z.string()),
  lookingForPartners: z.boolean(),
  lastActiveAt: z.string(),
  ages: z.object({ min: z.number(), max: z.number() }),
  school: z.object({ id: z.string(), name: z.string(), city: z.string(), countryCode: z.string() }),
});
export type TeacherCard = z.infer<typeof TeacherCard>;

export const TeacherSearchResponse = z.object({
  items: z.array(TeacherCard),
  total: z.number(),
  nextCursor: z.string().nullable(),
  facets: z.object({
    country: z.array(FacetCount),
    category: z.array(FacetCount),
    subject: z.array(FacetCount),
    language: z.array(FacetCount),
    schoolType: z.array(FacetCount),
    looking: z.array(FacetCount),
  }),
});
export type TeacherSearchResponse = z.infer<typeof TeacherSearchResponse>;

export const SchoolCard = z.object({
  id: z.string(),
  name: z.string(),
  city: z.string(),
  countryCode: z.string(),
  levels: z.array(z.string()),
  ages: z.object({ min: z.number(), max: z.number() }),
  /** Teachers of this school who appear in searches. */
  teachers: z.array(z.object({ username: z.string(), firstName: z.string(), lastName: z.string() })),
});
export type SchoolCard = z.infer<typeof SchoolCard>;

export const SchoolSearchResponse = z.object({
  items: z.array(SchoolCard),
  total: z.number(),
  nextCursor: z.string().nullable(),
  facets: z.object({ country: z.array(FacetCount), category: z.array(FacetCount), schoolType: z.array(FacetCount) }),
});
export type SchoolSearchResponse = z.infer<typeof SchoolSearchResponse>;

/** Why a partner is suggested (R-PF-4): data; the page words it in the reader's language. */
export const MatchReason = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('ages'), min: z.number(), max: z.number() }),
  z.object({ kind: z.literal('languages'), codes: z.array(z.string()) }),
  z.object({ kind: z.literal('subjects'), codes: z.array(z.string()) }),
  z.object({ kind: z.literal('school_time'), hoursPerWeek: z.number(), days: z.array(z.number()) }),
  z.object({ kind: z.literal('school_year'), weeks: z.number() }),
  z.object({ kind: z.literal('active'), daysAgo: z.number() }),
]);
export type MatchReason = z.infer<typeof MatchReason>;

export const SuggestionsResponse = z.object({
  items: z.array(z.object({ teacher: TeacherCard, score: z.number(), reasons: z.array(MatchReason) })),
});
export type SuggestionsResponse = z.infer<typeof SuggestionsResponse>;

/** A partner-finding forum post (R-PF-2). */
export const PostInput = z
  .object({
    kind: z.enum(['offer', 'seek']),
    title: z.string().trim().min(3, { message: 'too_short' }).max(140, { message: 'too_long' }),
    idea: z.string().trim().min(10, { message: 'too_short' }).max(4000, { message: 'too_long' }),
    language: z.string().refine((l) => spokenLanguages.includes(l), { message: 'language_unknown' }),
    ageMin: z.number().int().min(0).max(25),
    ageMax: z.number().int().min(0).max(25),
    subjects: z.array(z.enum(subjects)).min(1, { message: 'choose_at_least_one' }).max(12),
    languages: z
      .array(z.string().refine((l) => spokenLanguages.includes(l), { message: 'language_unknown' }))
      .min(1, { message: 'choose_at_least_one' })
      .max(12),
    countriesWanted: z.array(CountryCode).max(46).default([]),
    expectedStart: z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'date_format' })
      .refine(
        (d) => {
          const date = new Date(`${d}T00:00:00Z`);
          return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === d;
        },
        { message: 'date_invalid' },
      )
      .nullable()
      .default(null),
    durationMonths: z.number().int().min(1).max(36).nullable().default(null),
  })
  .refine((p) => p.ageMin <= p.ageMax, { message: 'ages_inverted', path: ['ageMax'] });
export type PostInput = z.infer<typeof PostInput>;

export const PostFilters = SearchFilters.pick({
  q: true,
  country: true,
  ageMin: true,
  ageMax: true,
  subject: true,
  language: true,
  cursor: true,
  limit: true,
}).extend({
  kind: z.enum(['offer', 'seek']).optional(),
  /** Posts wanting partners from this country. */
  wanted: CountryCode.optional(),
  status: z.enum(['open', 'closed', 'all']).default('open'),
  mine: Flag,
});
export type PostFilters = z.infer<typeof PostFilters>;

const Author = z.object({ username: z.string(), firstName: z.string(), lastName: z.string() }).nullable();

export const PostSummary = z.object({
  id: z.string(),
  kind: z.enum(['offer', 'seek']),
  title: z.string(),
  idea: z.string(),
  language: z.string(),
  ages: z.object({ min: z.number(), max: z.number() }),
  subjects: z.array(z.string()),
  languages: z.array(z.string()),
  countriesWanted: z.array(z.string()),
  countryCode: z.string(),
  expectedStart: z.string().nullable(),
  durationMonths: z.number().nullable(),
  status: z.enum(['open', 'closed']),
  createdAt: z.string(),
  replies: z.number(),
  author: Author,
  mine: z.boolean(),
});
export type PostSummary = z.infer<typeof PostSummary>;

export const PostListResponse = z.object({ items: z.array(PostSummary), nextCursor: z.string().nullable() });
export type PostListResponse = z.infer<typeof PostListResponse>;

export const PostDetail = PostSummary.extend({
  replyList: z.array(z.object({ id: z.string(), body: z.string(), createdAt: z.string(), author: Author })),
});
export type PostDetail = z.infer<typeof PostDetail>;

export const notificationKinds = [
  'contact_request',
  'contact_accepted',
  'message',
  'forum_reply',
  /** A teacher chose me as co-founder of a project: accept or decline. */
  'project_cofounder_request',
  'project_cofounder_accepted',
  'project_cofounder_declined',
  /** For NSS officers and regional coordinators: a project awaits their decision. */
  'project_approval_needed',
  'project_activated',
  'project_rejected',
  'project_invitation',
  'project_member_joined',
] as const;
export type NotificationKind = (typeof notificationKinds)[number];

export const NotificationItem = z.object({
  id: z.string(),
  kind: z.enum(notificationKinds),
  actor: Author,
  subjectId: z.string(),
  /** The forum post's or the project's title. */
  title: z.string().nullable(),
  count: z.number(),
  createdAt: z.string(),
  read: z.boolean(),
});
export type NotificationItem = z.infer<typeof NotificationItem>;

export const NotificationsResponse = z.object({ unread: z.number(), items: z.array(NotificationItem) });
export type NotificationsResponse = z.infer<typeof NotificationsResponse>;
