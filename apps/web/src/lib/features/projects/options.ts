import { spokenLanguages, subjects } from '@opentwinning/contracts';
import type { Locale } from '@opentwinning/i18n';
import type { Option } from './types';
import { languageName, subjectName } from './wording';

/** The choices of the project form, labelled in the page's language: subjects in their order, languages by name. */
export function formOptions(lang: Locale): { subjects: Option[]; languages: Option[] } {
  const collator = new Intl.Collator(lang);
  return {
    subjects: subjects.map((s) => ({ value: s, label: subjectName(s, lang) })),
    languages: spokenLanguages
      .map((l) => ({ value: l, label: languageName(l, lang) }))
      .sort((a, b) => collator.compare(a.label, b.label)),
  };
}
