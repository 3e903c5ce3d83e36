import type { Locale } from '@opentwinning/i18n';
import * as m from '@opentwinning/i18n/messages';

/**
 * Reading the founding form the way POST /api/projects expects it (ProjectCreate). The co-founder
 * is chosen at one of their schools: the select's value is "username|schoolId".
 */

const text = (data: FormData, name: string): string => {
  const value = data.get(name);
  return typeof value === 'string' ? value.trim() : '';
};

export interface FoundingValues {
  schoolId: string;
  cofounder: string;
  title: string;
  fromPostId: string;
}

export function readFoundingForm(data: FormData): { body: Record<string, unknown>; values: FoundingValues } {
  const values: FoundingValues = {
    schoolId: text(data, 'schoolId'),
    cofounder: text(data, 'cofounder'),
    title: text(data, 'title'),
    fromPostId: text(data, 'fromPostId'),
  };
  const [username = '', schoolId = ''] = values.cofounder.split('|');
  const body = {
    schoolId: values.schoolId,
    cofounder: username || undefined,
    cofounderSchoolId: schoolId || undefined,
    fromPostId: values.fromPostId || undefined,
    title: values.title || undefined,
  };
  return { body, values };
}

/** Why a co-founder or school cannot found a project, when the API names the reason by its code. */
const reasons: Record<string, (o: { locale: Locale }) => string> = {
  not_a_contact: (o) => m.projects_cofounder_not_a_contact({}, o),
  same_school: (o) => m.projects_cofounder_same_school({}, o),
  not_validated: (o) => m.projects_cofounder_not_validated({}, o),
  cofounder_not_validated: (o) => m.projects_cofounder_not_validated({}, o),
  school_required: (o) => m.projects_cofounder_school_required({}, o),
  cofounder_school_required: (o) => m.projects_cofounder_school_required({}, o),
  not_your_school: (o) => m.projects_school_not_yours({}, o),
};

/** The API's field messages for the founding form: codes worded, the co-founder's school shown on the co-founder. */
export function founderFields(fields: Record<string, string> = {}, lang: Locale): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, message] of Object.entries(fields)) {
    const field = name === 'cofounderSchoolId' ? 'cofounder' : (name.split('.')[0] ?? name);
    out[field] ??= reasons[message]?.({ locale: lang }) ?? message;
  }
  return out;
}
