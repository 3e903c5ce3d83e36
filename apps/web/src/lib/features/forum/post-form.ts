/** Reading the posting form (a plain HTML form) the way POST /api/forum/posts expects it (PostInput). */

const text = (data: FormData, name: string): string => {
  const value = data.get(name);
  return typeof value === 'string' ? value : '';
};
const texts = (data: FormData, name: string): string[] =>
  data.getAll(name).filter((v): v is string => typeof v === 'string' && v !== '');

/** A number box: empty → `empty`, a number → the number, anything else → the text (the API says "not valid"). */
function numberOf(raw: string, empty: undefined | null): number | string | undefined | null {
  const trimmed = raw.trim();
  if (trimmed === '') return empty;
  const n = Number(trimmed);
  return Number.isFinite(n) ? n : trimmed;
}

/** The fields of the form, as sent (to show them again after a refusal). */
export interface PostFormValues {
  kind: string;
  title: string;
  idea: string;
  language: string;
  ageMin: string;
  ageMax: string;
  subjects: string[];
  languages: string[];
  countriesWanted: string[];
  expectedStart: string;
  durationMonths: string;
}

export function readPostForm(data: FormData): { body: Record<string, unknown>; values: PostFormValues } {
  const values: PostFormValues = {
    kind: text(data, 'kind'),
    title: text(data, 'title'),
    idea: text(data, 'idea'),
    language: text(data, 'language'),
    ageMin: text(data, 'ageMin'),
    ageMax: text(data, 'ageMax'),
    subjects: texts(data, 'subjects'),
    languages: texts(data, 'languages'),
    countriesWanted: texts(data, 'countriesWanted'),
    expectedStart: text(data, 'expectedStart').trim(),
    durationMonths: text(data, 'durationMonths'),
  };
  const body = {
    // Nothing chosen: left out, so that the API says "required" rather than "not valid".
    kind: values.kind || undefined,
    title: values.title,
    idea: values.idea,
    language: values.language || undefined,
    ageMin: numberOf(values.ageMin, undefined),
    ageMax: numberOf(values.ageMax, undefined),
    subjects: values.subjects,
    languages: values.languages,
    countriesWanted: values.countriesWanted,
    expectedStart: values.expectedStart || null,
    durationMonths: numberOf(values.durationMonths, null),
  };
  return { body, values };
}

/** The API names a wrong item of a list by its place (subjects.2): the form shows it on the list. */
export function fieldsOfForm(fields: Record<string, string> = {}): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, message] of Object.entries(fields)) out[name.split('.')[0] ?? name] ??= message;
  return out;
}
