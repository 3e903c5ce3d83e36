import { z } from 'zod';

/** Roles at school. The first ones may register (R-ACC-2); the last ones are refused with a reason. */
export const eligibleSchoolRoles = [
  'teacher',
  'head_teacher',
  'management_team',
  'teacher_centre_advisor',
  'inspector',
  'librarian',
  'counsellor',
] as const;
export const ineligibleSchoolRoles = ['administrative_staff', 'other_non_teaching_staff'] as const;
export const schoolRoles = [...eligibleSchoolRoles, ...ineligibleSchoolRoles] as const;
export type SchoolRole = (typeof schoolRoles)[number];

/** The subject taxonomy (labels in the catalogues: subject_<id>). */
export const subjects = [
  'cross_curricular',
  'early_childhood_education',
  'primary_education_all',
  'language_literature',
  'foreign_languages',
  'classical_languages',
  'mathematics',
  'physics',
  'chemistry',
  'biology',
  'geology_earth_sciences',
  'natural_sciences',
  'technology',
  'computer_science',
  'history',
  'geography',
  'social_sciences',
  'economics',
  'philosophy',
  'ethics_citizenship',
  'religion',
  'art',
  'music',
  'drama',
  'media_education',
  'physical_education',
  'health_education',
  'environmental_education',
  'european_studies',
  'vocational_subjects',
  'special_needs_education',
  'pastoral_guidance',
  'school_library',
] as const;
export type Subject = (typeof subjects)[number];

/** ISO 639-1 codes offered as languages spoken (names come from Intl.DisplayNames). */
export const spokenLanguages = [
  'sq',
  'ar',
  'hy',
  'az',
  'eu',
  'be',
  'bs',
  'bg',
  'ca',
  'zh',
  'hr',
  'cs',
  'da',
  'nl',
  'en',
  'eo',
  'et',
  'fi',
  'fr',
  'gl',
  'ka',
  'de',
  'el',
  'he',
  'hi',
  'hu',
  'is',
  'ga',
  'it',
  'ja',
  'kk',
  'ko',
  'ku',
  'lv',
  'lt',
  'lb',
  'mk',
  'mt',
  'no',
  'oc',
  'fa',
  'pl',
  'pt',
  'ro',
  'ru',
  'gd',
  'sr',
  'sk',
  'sl',
  'es',
  'sv',
  'tr',
  'uk',
  'ur',
  'cy',
  'fy',
  'se',
  'rm',
  'co',
  'br',
] as readonly string[];

export const Password = z.string().min(10, { message: 'password_too_short' }).max(200, { message: 'too_long' });
export const Email = z
  .string()
  .trim()
  .max(254, { message: 'too_long' })
  .pipe(z.email({ message: 'email_invalid' }));
export const Username = z
  .string()
  .trim()
  .regex(/^[a-z0-9][a-z0-9._-]{2,29}$/i, { message: 'username_format' });
const Name = z.string().trim().min(1, { message: 'required' }).max(100, { message: 'too_long' });

export const SignUpRequest = z.object({
  email: Email,
  password: Password,
  username: Username,
  firstName: Name,
  lastName: Name,
  uiLanguage: z.enum(['es', 'en']).default('es'),
  acceptCodeOfConduct: z.literal(true, { message: 'code_of_conduct_required' }),
});
export type SignUpRequest = z.infer<typeof SignUpRequest>;

export const SignInRequest = z.object({ email: Email, password: z.string().min(1, { message: 'required' }).max(200) });
export const TokenRequest = z.object({ token: z.string().min(10, { message: 'token_invalid' }).max(200) });
export const PasswordResetRequest = z.object({ email: Email });
export const PasswordResetComplete = z.object({
  token: z.string().min(10, { message: 'token_invalid' }).max(200, { message: 'token_invalid' }),
  password: Password,
});

const isTimeZone = (tz: string) => {
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
};

export const ProfileUpdate = z.object({
  firstName: Name,
  lastName: Name,
  schoolRole: z.enum(schoolRoles, { message: 'choose_one' }),
  subjects: z.array(z.enum(subjects)).min(1, { message: 'choose_at_least_one' }).max(12),
  languages: z
    .array(z.string().refine((l) => spokenLanguages.includes(l), { message: 'language_unknown' }))
    .min(1, { message: 'choose_at_least_one' })
    .max(12),
  presentation: z.string().trim().max(2000, { message: 'too_long' }).default(''),
  lookingForPartners: z.boolean().default(false),
  /** The language the presentation is written in (search stemming); null: the first working language. */
  presentationLanguage: z
    .string()
    .refine((l) => spokenLanguages.includes(l), { message: 'language_unknown' })
    .nullable()
    .default(null),
  /** Appear in partner search and suggestions. */
  discoverable: z.boolean().default(true),
  /** A daily email with unread notifications. */
  dailyDigest: z.boolean().default(false),
  uiLanguage: z.enum(['es', 'en']),
  timeZone: z.string().refine(isTimeZone, { message: 'time_zone_unknown' }),
});
export type ProfileUpdate = z.infer<typeof ProfileUpdate>;

export const RoleGrant = z.object({
  role: z.enum(['css_officer', 'nss_officer', 'regional_coordinator']),
  countryCode: z.string().nullable(),
  regionId: z.number().int().nullable(),
});
export type RoleGrant = z.infer<typeof RoleGrant>;

export const AffiliationView = z.object({
  id: z.string(),
  school: z.object({
    id: z.string(),
    name: z.string(),
    city: z.string(),
    countryCode: z.string(),
    regionName: z.string().nullable(),
  }),
  status: z.enum(['pending', 'validated', 'rejected']),
  regionalStatus: z.enum(['not_required', 'awaiting', 'confirmed']),
  decisionReason: z.string().nullable(),
  createdAt: z.string(),
  decidedAt: z.string().nullable(),
});
export type AffiliationView = z.infer<typeof AffiliationView>;

/** The signed-in person as they see themselves, with what they may do. */
export const MeResponse = z.object({
  id: z.string(),
  username: z.string(),
  email: z.string(),
  firstName: z.string(),
  lastName: z.string(),
  schoolRole: z.enum(schoolRoles).nullable(),
  subjects: z.array(z.string()),
  languages: z.array(z.string()),
  presentation: z.string(),
  lookingForPartners: z.boolean(),
  presentationLanguage: z.string().nullable(),
  discoverable: z.boolean(),
  dailyDigest: z.boolean(),
  uiLanguage: z.enum(['es', 'en']),
  timeZone: z.string(),
  emailConfirmed: z.boolean(),
  profileCompleted: z.boolean(),
  /** registered (no validated school yet), validated (an eTwinner) */
  status: z.enum(['registered', 'validated']),
  affiliations: z.array(AffiliationView),
  roles: z.array(RoleGrant),
  abilities: z.object({
    actAsEtwinner: z.boolean(),
    validateCountries: z.array(z.string()),
    confirmRegions: z.array(z.number()),
    manageNssOfficers: z.boolean(),
    readOutbox: z.boolean(),
  }),
});
export type MeResponse = z.infer<typeof MeResponse>;

/** Levels of school. Pre-university ones may register (R-ACC-2); the others are refused with a reason. */
export const eligibleSchoolLevels = [
  'early_childhood',
  'primary',
  'lower_secondary',
  'upper_secondary',
  'initial_vocational',
] as const;
export const ineligibleSchoolLevels = ['higher_education', 'adult_education'] as const;
export const schoolLevels = [...eligibleSchoolLevels, ...ineligibleSchoolLevels] as const;

export const SchoolCreate = z
  .object({
    countryCode: z.string().regex(/^[A-Z]{2}$/, { message: 'country_code' }),
    regionId: z.number().int().positive().nullable().default(null),
    name: z.string().trim().min(3, { message: 'too_short' }).max(200, { message: 'too_long' }),
    levels: z.array(z.enum(schoolLevels)).min(1, { message: 'choose_at_least_one' }),
    address: z.string().trim().min(3, { message: 'too_short' }).max(300, { message: 'too_long' }),
    city: z.string().trim().min(1, { message: 'required' }).max(120, { message: 'too_long' }),
    postalCode: z.string().trim().max(20, { message: 'too_long' }).default(''),
    ageMin: z.number().int().min(0, { message: 'age_range' }).max(25, { message: 'age_range' }),
    ageMax: z.number().int().min(0, { message: 'age_range' }).max(25, { message: 'age_range' }),
    pupilCount: z.number().int().min(1).max(20000).nullable().default(null),
    website: z
      .string()
      .trim()
      .max(300)
      .refine((s) => s === '' || /^https?:\/\/\S+\.\S+/.test(s), { message: 'url_invalid' })
      .transform((s) => s || null)
      .nullable()
      .default(null),
    headName: z.string().trim().min(1, { message: 'required' }).max(200, { message: 'too_long' }),
    headEmail: Email,
  })
  .refine((s) => s.ageMin <= s.ageMax, { message: 'age_range', path: ['ageMax'] });
export type SchoolCreate = z.infer<typeof SchoolCreate>;

export const SchoolView = z.object({
  id: z.string(),
  countryCode: z.string(),
  regionId: z.number().nullable(),
  regionName: z.string().nullable(),
  name: z.string(),
  levels: z.array(z.string()),
  address: z.string(),
  city: z.string(),
  postalCode: z.string(),
  ageMin: z.number(),
  ageMax: z.number(),
  pupilCount: z.number().nullable(),
  website: z.string().nullable(),
});
export type SchoolView = z.infer<typeof SchoolView>;
