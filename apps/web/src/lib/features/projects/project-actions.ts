import type { ProjectDetail } from '@opentwinning/contracts';
import type { Locale } from '@opentwinning/i18n';
import { fail, redirect, type RequestEvent } from '@sveltejs/kit';
import { callApi, formFailure, type ApiResult } from '$lib/api';
import { m } from '$lib/messages';
import { fieldsOfForm, readDraftForm, withoutFields } from './draft-form';
import { projectHref, projectsHref } from './links';
import type { DraftValues } from './types';

/**
 * The project page's form actions, each one API call (plain POST forms: they work without
 * JavaScript). A refusal comes back with the name of the action, so that the page shows it by the
 * right form; success redirects to the page with `?done=…` (a notice says what happened).
 */

type Event = RequestEvent<{ lang: string; id: string }>;

const field = (data: FormData, name: string): string => {
  const v = data.get(name);
  return typeof v === 'string' ? v : '';
};
const api = (id: string, rest = '') => `/api/projects/${encodeURIComponent(id)}${rest}`;
const back = (e: Event, done: string) => projectHref(e.params.lang as Locale, e.params.id, { done });
const refused = (action: string, result: ApiResult<unknown>, values: Record<string, unknown> = {}) =>
  result.ok ? undefined : formFailure(result, { ...values, action });

/** A POST without a body (or with one) that answers the project: back to the page with a notice. */
function simple(rest: string, done: string, body?: (data: FormData) => unknown) {
  return async (e: Event) => {
    const data = await e.request.formData();
    const result = await callApi(e.fetch, api(e.params.id, rest), { method: 'POST', body: body?.(data) });
    if (!result.ok) return refused(rest.slice(1), result, body ? (body(data) as Record<string, unknown>) : {});
    redirect(303, back(e, done));
  };
}

/**
 * Saves the draft (PATCH). When some fields are refused (a summary still too short), the others
 * are saved all the same and the refused ones come back with their messages: nothing typed is lost.
 */
async function saveDraft(e: Event, data: FormData) {
  const { body, values } = readDraftForm(data);
  const refusedFields: Record<string, string> = {};
  let first: ApiResult<ProjectDetail> | null = null;
  let rest = body;
  // A few rounds at most: each one leaves out the fields the previous one refused.
  for (let round = 0; round < 3 && Object.keys(rest).length; round++) {
    const result = await callApi<ProjectDetail>(e.fetch, api(e.params.id), { method: 'PATCH', body: rest });
    if (result.ok) return { saved: result.data, refused: first, refusedFields, values };
    first ??= result;
    const fields = fieldsOfForm(result.error.fields);
    if (result.status !== 422 || !Object.keys(fields).length) break;
    Object.assign(refusedFields, fields);
    rest = withoutFields(rest, fields);
  }
  return { saved: null, refused: first, refusedFields, values };
}

function draftFailure(
  action: string,
  error: ApiResult<unknown> | null,
  fields: Record<string, string>,
  values: DraftValues,
  extra: Record<string, unknown> = {},
) {
  const refusal = error && !error.ok ? error : { status: 500, error: { code: 'INTERNAL', message: '' } };
  return fail(refusal.status, {
    error: refusal.error.message,
    code: refusal.error.code,
    fields,
    values: { ...values, action },
    ...extra,
  });
}

export const projectActions = {
  /** Save the draft: the Save button without JavaScript, and the autosave (autosave=1) with it. */
  save: async (e: Event) => {
    const data = await e.request.formData();
    const autosave = data.get('autosave') === '1';
    const { saved, refused: failure, refusedFields, values } = await saveDraft(e, data);
    const missing = saved?.missing ?? null;
    if (failure) {
      return draftFailure('save', failure, refusedFields, values, {
        autosave,
        savedAt: saved ? saved.updatedAt : null,
        missing,
      });
    }
    if (autosave) return { autosave: true, savedAt: saved?.updatedAt ?? new Date().toISOString(), missing };
    redirect(303, back(e, 'saved'));
  },

  /** Save what is typed, then submit (the co-founder is asked to confirm). */
  submit: async (e: Event) => {
    const data = await e.request.formData();
    const { refused: failure, refusedFields, values } = await saveDraft(e, data);
    if (failure) return draftFailure('submit', failure, refusedFields, values);
    const result = await callApi<ProjectDetail>(e.fetch, api(e.params.id, '/submit'), { method: 'POST' });
    if (!result.ok) return draftFailure('submit', result, fieldsOfForm(result.error.fields), values);
    redirect(303, back(e, 'submitted'));
  },

  /** Discard the draft: back to my projects. */
  discard: async (e: Event) => {
    const result = await callApi(e.fetch, api(e.params.id), { method: 'DELETE' });
    if (!result.ok) return refused('discard', result);
    redirect(303, projectsHref(e.params.lang as Locale, { done: 'discarded' }));
  },

  /** A rejected project: editing brings it back to a draft (an empty PATCH). */
  reopen: async (e: Event) => {
    const result = await callApi(e.fetch, api(e.params.id), { method: 'PATCH', body: {} });
    if (!result.ok) return refused('reopen', result);
    redirect(303, back(e, 'reopened'));
  },

  accept: simple('/accept', 'accepted'),

  /** The co-founder declines: the project goes back to its founder's drafts, out of my list. */
  decline: async (e: Event) => {
    const result = await callApi(e.fetch, api(e.params.id, '/decline'), { method: 'POST' });
    if (!result.ok) return refused('decline', result);
    redirect(303, projectsHref(e.params.lang as Locale, { done: 'declined' }));
  },

  approve: simple('/approve', 'approved', (d) => ({ countryCode: field(d, 'countryCode') || undefined })),

  reject: async (e: Event) => {
    const data = await e.request.formData();
    const body = { countryCode: field(data, 'countryCode') || undefined, reason: field(data, 'reason') };
    const result = await callApi(e.fetch, api(e.params.id, '/reject'), { method: 'POST', body });
    if (!result.ok) return refused('reject', result, body);
    redirect(303, back(e, 'rejected'));
  },

  consent: simple('/consent', 'consented', (d) => {
    const id = Number(field(d, 'regionId'));
    return { regionId: Number.isInteger(id) && id > 0 ? id : undefined };
  }),

  close: simple('/close', 'closed'),

  listed: async (e: Event) => {
    const listed = field(await e.request.formData(), 'listed') === 'true';
    const result = await callApi(e.fetch, api(e.params.id, '/listed'), { method: 'PUT', body: { listed } });
    if (!result.ok) return refused('listed', result);
    redirect(303, back(e, listed ? 'listed' : 'unlisted'));
  },

  invite: async (e: Event) => {
    const username = field(await e.request.formData(), 'username');
    if (!username) {
      const message = m.projects_invite_choose({}, { locale: e.params.lang as Locale });
      return fail(422, {
        error: message,
        code: 'VALIDATION',
        fields: { username: message },
        values: { action: 'invite' },
      });
    }
    const result = await callApi(e.fetch, api(e.params.id, '/invitations'), { method: 'POST', body: { username } });
    if (!result.ok) return refused('invite', result, { username });
    redirect(303, back(e, 'invited'));
  },

  leave: async (e: Event) => {
    const result = await callApi(e.fetch, api(e.params.id, '/leave'), { method: 'POST' });
    if (!result.ok) return refused('leave', result);
    redirect(303, projectsHref(e.params.lang as Locale, { done: 'left' }));
  },

  remove: async (e: Event) => {
    const username = field(await e.request.formData(), 'username');
    const path = api(e.params.id, `/members/${encodeURIComponent(username)}`);
    const result = await callApi(e.fetch, path, { method: 'DELETE' });
    if (!result.ok) return refused('remove', result, { username });
    redirect(303, back(e, 'removed'));
  },
};
