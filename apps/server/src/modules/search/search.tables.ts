import { sql } from 'drizzle-orm';
import { boolean, index, integer, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { tsvector } from '../../platform/db/types.ts';
import { person } from '../accounts/accounts.tables.ts';
import { school } from '../schools/schools.tables.ts';

const stamp = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/**
 * The partner-search index (R-PF-1): one row per teacher who may appear in searches — validated
 * at a school, profile completed, not hidden for inactivity (R-ACC-5), not anonymised, not opted
 * out. Kept by the database itself (`ot_refresh_partner_profile`, called by triggers on person,
 * affiliation and school), so no write path can forget it; a person who may not appear has no row.
 */
export const partnerProfile = pgTable(
  'partner_profile',
  {
    personId: uuid('person_id')
      .primaryKey()
      .references(() => person.id, { onDelete: 'cascade' }),
    schoolId: uuid('school_id')
      .notNull()
      .references(() => school.id, { onDelete: 'cascade' }),
    countryCode: text('country_code').notNull(),
    countryCategory: text('country_category').notNull(),
    levels: text('levels').array().notNull(),
    ageMin: integer('age_min').notNull(),
    ageMax: integer('age_max').notNull(),
    subjects: text('subjects').array().notNull(),
    languages: text('languages').array().notNull(),
    lookingForPartners: boolean('looking_for_partners').notNull(),
    timeZone: text('time_zone').notNull(),
    lastActiveAt: stamp('last_active_at').notNull(),
    /** 'country:FR', 'category:eu_member', 'subject:history', 'language:fr', 'schoolType:primary', 'looking:true': counted in one pass. */
    facetTags: text('facet_tags').array().notNull(),
  },
  (t) => [
    index('partner_profile_subjects_idx').using('gin', t.subjects),
    index('partner_profile_languages_idx').using('gin', t.languages),
    index('partner_profile_country_idx').on(t.countryCode),
    index('partner_profile_school_idx').on(t.schoolId),
    index('partner_profile_activity_idx').on(sql`${t.lastActiveAt} DESC`, t.personId),
  ],
);

/**
 * The same rows with their text: searches with words read this table alone (the facet columns are
 * repeated here), searches by facets only read the narrow partner_profile.
 */
export const partnerProfileText = pgTable(
  'partner_profile_text',
  {
    personId: uuid('person_id')
      .primaryKey()
      .references(() => partnerProfile.personId, { onDelete: 'cascade' }),
    countryCode: text('country_code').notNull(),
    countryCategory: text('country_category').notNull(),
    levels: text('levels').array().notNull(),
    ageMin: integer('age_min').notNull(),
    ageMax: integer('age_max').notNull(),
    subjects: text('subjects').array().notNull(),
    languages: text('languages').array().notNull(),
    lookingForPartners: boolean('looking_for_partners').notNull(),
    lastActiveAt: stamp('last_active_at').notNull(),
    facetTags: text('facet_tags').array().notNull(),
    /** Unaccented lower-case full name, for typo-tolerant (trigram) matching. */
    nameKey: text('name_key').notNull(),
    /** Names (A), school and subjects (B), presentation stemmed in its language (C) and as plain words (D). */
    document: tsvector('document').notNull(),
  },
  (t) => [
    index('partner_profile_text_document_idx').using('gin', t.document),
    index('partner_profile_text_name_trgm_idx').using('gin', sql`${t.nameKey} gin_trgm_ops`),
  ],
);

/** Subject names in every interface language, so a free-text search finds teachers by subject. */
export const subjectLabel = pgTable(
  'subject_label',
  {
    code: text('code').notNull(),
    locale: text('locale').notNull(),
    label: text('label').notNull(),
  },
  (t) => [primaryKey({ columns: [t.code, t.locale] })],
);
