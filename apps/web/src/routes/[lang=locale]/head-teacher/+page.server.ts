import { fail, redirect } from '@sveltejs/kit';
import { callApi } from '$lib/api';
import type { Actions, PageServerLoad } from './$types';

interface HeadRequest {
  teacher: string;
  school: string;
  city: string;
  alreadyConfirmed: boolean;
}

/** The emailed link: shows what is asked; confirming is a separate POST (never on opening the link). */
export const load: PageServerLoad = async ({ url, fetch }) => {
  const token = url.searchParams.get('token')?.trim() ?? '';
  if (token.length < 10) return { state: 'missing' as const, token: '', message: '', request: null };
  const result = await callApi<HeadRequest>(fetch, `/api/validation/head-teacher?token=${encodeURIComponent(token)}`);
  if (!result.ok) return { state: 'invalid' as const, token: '', message: result.error.message, request: null };
  const state = result.data.alreadyConfirmed ? ('confirmed' as const) : ('ask' as const);
  return { state, token, message: '', request: result.data };
};

export const actions: Actions = {
  confirm: async ({ request, fetch, url }) => {
    const token = String((await request.formData()).get('token') ?? '');
    const result = await callApi(fetch, '/api/validation/head-teacher', { method: 'POST', body: { token } });
    if (!result.ok) return fail(result.status, { error: result.error.message });
    redirect(303, `${url.pathname}?${new URLSearchParams({ token, done: '1' })}`);
  },
};
