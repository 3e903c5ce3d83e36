import type { Locale } from '@opentwinning/i18n';
import { error, redirect } from '@sveltejs/kit';
import { callApi, formFailure, getFromApi } from '$lib/api';
import { m } from '$lib/messages';
import { text } from '$features/accounts/form';
import { requireMe } from '$features/accounts/guard';
import { formatMoment } from '$features/accounts/options';
import { conversationHref } from '$features/partners/links';
import {
  fullName,
  type ConversationSummary,
  type ConversationView,
  type PersonName,
  type Relation,
} from '$features/partners/types';
import type { Actions, PageServerLoad } from './$types';

/**
 * My conversations (GET /api/conversations) with unread counts. With `?to={username}`: the
 * conversation with that person if there is one, else a form for the first message (no JS needed).
 */
export const load: PageServerLoad = async ({ parent, params, url, fetch }) => {
  const lang = params.lang as Locale;
  const me = requireMe((await parent()).me, lang, url);
  const result = await callApi<{ conversations: ConversationSummary[] }>(fetch, '/api/conversations');
  if (!result.ok) {
    if (result.status === 403) return { refusal: result.error.message, conversations: [], unread: 0, compose: null };
    error(result.status, { message: result.error.message, code: result.error.code });
  }
  const list = result.data.conversations;

  const to = url.searchParams.get('to')?.trim().toLowerCase();
  let compose: { username: string; name: string; relation: Relation['status'] } | null = null;
  if (to) {
    const existing = list.find((c) => c.with?.username.toLowerCase() === to);
    if (existing) redirect(303, conversationHref(lang, existing.id));
    const person = await getFromApi<PersonName>(fetch, `/api/people/${encodeURIComponent(to)}`);
    const relation = await getFromApi<Relation>(fetch, `/api/contacts/with/${encodeURIComponent(to)}`);
    compose = { username: person.username, name: fullName(person), relation: relation.status };
  }

  // Dated here, in the person's time zone, so that the page and its hydration agree.
  const conversations = list.map((c): ConversationView => ({
    id: c.id,
    with: c.with ? { username: c.with.username, name: fullName(c.with) } : null,
    unread: c.unread,
    lastMessageAt: c.lastMessageAt,
    lastMessageText: m.inbox_last_message({ date: formatMoment(c.lastMessageAt, lang, me.timeZone) }, { locale: lang }),
    excerpt: c.lastMessage
      ? c.lastMessage.mine
        ? m.inbox_excerpt_mine({ text: c.lastMessage.excerpt }, { locale: lang })
        : c.lastMessage.excerpt
      : null,
  }));
  return {
    refusal: null,
    conversations,
    unread: conversations.reduce((sum, c) => sum + c.unread, 0),
    compose,
  };
};

export const actions: Actions = {
  /** POST /api/messages {to, body}: the first message to someone; then their conversation. */
  send: async ({ request, fetch, params, url }) => {
    const body = text(await request.formData(), 'body');
    const to = url.searchParams.get('to') ?? '';
    const result = await callApi<{ conversationId: string; messageId: number }>(fetch, '/api/messages', {
      method: 'POST',
      body: { to, body },
    });
    if (!result.ok) return formFailure(result, { body });
    const { conversationId, messageId } = result.data;
    redirect(303, `${conversationHref(params.lang as Locale, conversationId, { sent: '1' })}#message-${messageId}`);
  },
};
