import type { Locale } from '@opentwinning/i18n';
import { error, redirect } from '@sveltejs/kit';
import { callApi, formFailure, getFromApi } from '$lib/api';
import { text } from '$features/accounts/form';
import { requireMe } from '$features/accounts/guard';
import { formatMoment } from '$features/accounts/options';
import { conversationHref } from '$features/partners/links';
import {
  fullName,
  type Conversation,
  type ConversationSummary,
  type PersonName,
  type Relation,
} from '$features/partners/types';
import type { Actions, PageServerLoad } from './$types';

type Fetch = typeof globalThis.fetch;

/** The other person of one of my conversations (null: they deleted their account). */
async function otherPerson(fetch: Fetch, id: string): Promise<PersonName | null> {
  const { conversations } = await getFromApi<{ conversations: ConversationSummary[] }>(fetch, '/api/conversations');
  return conversations.find((c) => c.id === id)?.with ?? null;
}

/**
 * One conversation (GET /api/conversations/{id}, which marks it read), oldest message first, with
 * the other person and where I stand with them (can I still write?).
 */
export const load: PageServerLoad = async ({ parent, params, url, fetch }) => {
  const lang = params.lang as Locale;
  const me = requireMe((await parent()).me, lang, url);
  const result = await callApi<Conversation>(fetch, `/api/conversations/${encodeURIComponent(params.id)}`);
  if (!result.ok) {
    // A malformed id is an address that does not exist.
    const status = result.status === 422 ? 404 : result.status;
    error(status, { message: result.error.message, code: result.error.code });
  }
  const other = await otherPerson(fetch, params.id);
  const relation = other
    ? (await getFromApi<Relation>(fetch, `/api/contacts/with/${encodeURIComponent(other.username)}`)).status
    : null;
  return {
    id: result.data.id,
    with: other ? { username: other.username, name: fullName(other) } : null,
    relation,
    sent: url.searchParams.has('sent'),
    // Dated here, in the person's time zone, so that the page and its hydration agree.
    messages: result.data.messages.map((msg) => ({ ...msg, when: formatMoment(msg.createdAt, lang, me.timeZone) })),
  };
};

export const actions: Actions = {
  /** POST /api/messages {to, body}: a reply to the other person of this conversation. */
  send: async ({ request, fetch, params }) => {
    const body = text(await request.formData(), 'body');
    const other = await otherPerson(fetch, params.id);
    if (!other) error(404);
    const result = await callApi<{ conversationId: string; messageId: number }>(fetch, '/api/messages', {
      method: 'POST',
      body: { to: other.username, body },
    });
    if (!result.ok) return formFailure(result, { body });
    const { conversationId, messageId } = result.data;
    redirect(303, `${conversationHref(params.lang as Locale, conversationId, { sent: '1' })}#message-${messageId}`);
  },
};
