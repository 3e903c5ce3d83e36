import type { Locale } from '@opentwinning/i18n';
import { redirect, type RequestEvent } from '@sveltejs/kit';
import { callApi, formFailure } from '$lib/api';

/** What a form action did, for the notice on the page it returns to (`?done=…`). */
export type Done = 'requested' | 'accepted' | 'declined' | 'withdrawn' | 'removed' | 'blocked' | 'unblocked';

/** Where to go back after a change: the page's address with `done` in its query. */
export type Back = (lang: Locale, params: Partial<Record<string, string>>, done: Done) => string;

function field(data: FormData, name: string): string {
  const value = data.get(name);
  return typeof value === 'string' ? value : '';
}

const path = (s: string) => encodeURIComponent(s);

/**
 * The form actions on contacts (ask, answer, remove, block), shared by the contacts page and the
 * profile page. Each calls the API, then answers with a 303 back to the page (no JavaScript needed);
 * a refusal comes back as the form's failure, in words.
 */
export function relationActions(back: Back) {
  const run =
    (call: (data: FormData) => { path: string; method: 'POST' | 'PUT' | 'DELETE'; body?: unknown }, done: Done) =>
    async ({ request, fetch, params }: RequestEvent) => {
      const data = await request.formData();
      const { path, method, body } = call(data);
      const result = await callApi(fetch, path, { method, body });
      if (!result.ok) return formFailure(result, { message: field(data, 'message') });
      redirect(303, back(params.lang as Locale, params, done));
    };
  const answer = (verb: 'accept' | 'decline' | 'withdraw') => (data: FormData) => ({
    path: `/api/contacts/requests/${path(field(data, 'id'))}/${verb}`,
    method: 'POST' as const,
  });
  return {
    /** POST /api/contacts/requests {username, message} */
    request: run(
      (data) => ({
        path: '/api/contacts/requests',
        method: 'POST',
        body: { username: field(data, 'username'), message: field(data, 'message') },
      }),
      'requested',
    ),
    accept: run(answer('accept'), 'accepted'),
    decline: run(answer('decline'), 'declined'),
    withdraw: run(answer('withdraw'), 'withdrawn'),
    /** DELETE /api/contacts/{username} */
    remove: run((data) => ({ path: `/api/contacts/${path(field(data, 'username'))}`, method: 'DELETE' }), 'removed'),
    /** PUT /api/blocks/{username} */
    block: run((data) => ({ path: `/api/blocks/${path(field(data, 'username'))}`, method: 'PUT' }), 'blocked'),
    /** DELETE /api/blocks/{username} */
    unblock: run((data) => ({ path: `/api/blocks/${path(field(data, 'username'))}`, method: 'DELETE' }), 'unblocked'),
  };
}
