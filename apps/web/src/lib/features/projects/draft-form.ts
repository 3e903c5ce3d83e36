import type { DraftValues } from './types';

/**
 * Reading the project's form (a plain HTML form) the way PATCH /api/projects/{id} expects it
 * (ProjectDraftUpdate): an empty box clears its field (null), a number box sends a number (or the
 * text as typed, which the API calls not valid), lists are sent when something is ticked.
 */

const text = (data: FormData, name: string): string => {
  const value = data.get(name);
  return typeof value === 'string' ? value : '';
};
const texts = (data: FormData, name: string): string[] =>
  data.getAll(name).filter((v): v is string => typeof v === 'string' && v !== '');

function numberOrNull(raw: string): number | string | null {
  const trimmed = raw.trim();
  if (trimmed === '') return null;
  const n = Number(trimmed);
  return Number.isFinite(n) ? n : trimmed;
}

const orNull = (raw: string) => (raw.trim() === '' ? null : raw);

export function readDraftForm(data: FormData): { body: Record<string, unknown>; values: DraftValues } {
  const values: DraftValues = {
    title: text(data, 'title'),
    summary: text(data, 'summary'),
    languages: texts(data, 'languages'),
    ageMin: text(data, 'ageMin'),
    ageMax: text(data, 'ageMax'),
    pupils: text(data, 'pupils'),
    subjects: texts(data, 'subjects'),
    tools: text(data, 'tools'),
    aims: text(data, 'aims'),
    workProcess: text(data, 'workProcess'),
    expectedResults: text(data, 'expectedResults'),
    erasmusReference: text(data, 'erasmusReference'),
  };
  const body: Record<string, unknown> = {
    title: values.title,
    summary: orNull(values.summary),
    ageMin: numberOrNull(values.ageMin),
    ageMax: numberOrNull(values.ageMax),
    pupils: numberOrNull(values.pupils),
    tools: orNull(values.tools),
    aims: orNull(values.aims),
    workProcess: orNull(values.workProcess),
    expectedResults: orNull(values.expectedResults),
    erasmusReference: orNull(values.erasmusReference),
  };
  // A draft keeps at least one language and one subject once chosen: nothing ticked leaves them as they are.
  if (values.languages.length) body.languages = values.languages;
  if (values.subjects.length) body.subjects = values.subjects;
  return { body, values };
}

/** The API names a wrong item of a list by its place (subjects.2): the form shows it on the list. */
export function fieldsOfForm(fields: Record<string, string> = {}): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, message] of Object.entries(fields)) out[name.split('.')[0] ?? name] ??= message;
  return out;
}

/** The body without the fields the API refused, so that the rest can be saved. */
export function withoutFields(body: Record<string, unknown>, refused: Record<string, string>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(body).filter(([name]) => !(name in refused)));
}
