import type { SchoolRole, Subject } from '@opentwinning/contracts';
import { schoolLevels } from '@opentwinning/contracts';
import { m } from '$lib/messages';

/** Catalogue labels of the account enums (subject_<id>, role_<id>, level_<id>). */
export const subjectLabel: Record<Subject, () => string> = {
  cross_curricular: m.subject_cross_curricular,
  early_childhood_education: m.subject_early_childhood_education,
  primary_education_all: m.subject_primary_education_all,
  language_literature: m.subject_language_literature,
  foreign_languages: m.subject_foreign_languages,
  classical_languages: m.subject_classical_languages,
  mathematics: m.subject_mathematics,
  physics: m.subject_physics,
  chemistry: m.subject_chemistry,
  biology: m.subject_biology,
  geology_earth_sciences: m.subject_geology_earth_sciences,
  natural_sciences: m.subject_natural_sciences,
  technology: m.subject_technology,
  computer_science: m.subject_computer_science,
  history: m.subject_history,
  geography: m.subject_geography,
  social_sciences: m.subject_social_sciences,
  economics: m.subject_economics,
  philosophy: m.subject_philosophy,
  ethics_citizenship: m.subject_ethics_citizenship,
  religion: m.subject_religion,
  art: m.subject_art,
  music: m.subject_music,
  drama: m.subject_drama,
  media_education: m.subject_media_education,
  physical_education: m.subject_physical_education,
  health_education: m.subject_health_education,
  environmental_education: m.subject_environmental_education,
  european_studies: m.subject_european_studies,
  vocational_subjects: m.subject_vocational_subjects,
  special_needs_education: m.subject_special_needs_education,
  pastoral_guidance: m.subject_pastoral_guidance,
  school_library: m.subject_school_library,
};

export const roleLabel: Record<SchoolRole, () => string> = {
  teacher: m.role_teacher,
  head_teacher: m.role_head_teacher,
  management_team: m.role_management_team,
  teacher_centre_advisor: m.role_teacher_centre_advisor,
  inspector: m.role_inspector,
  librarian: m.role_librarian,
  counsellor: m.role_counsellor,
  administrative_staff: m.role_administrative_staff,
  other_non_teaching_staff: m.role_other_non_teaching_staff,
};

export type SchoolLevel = (typeof schoolLevels)[number];
export const levelLabel: Record<SchoolLevel, () => string> = {
  early_childhood: m.level_early_childhood,
  primary: m.level_primary,
  lower_secondary: m.level_lower_secondary,
  upper_secondary: m.level_upper_secondary,
  initial_vocational: m.level_initial_vocational,
  higher_education: m.level_higher_education,
  adult_education: m.level_adult_education,
};

/** A label for a value that may come from an older or newer list: the raw value when unknown. */
export function labelOf(labels: Record<string, () => string>, value: string): string {
  return Object.hasOwn(labels, value) ? labels[value]!() : value;
}
