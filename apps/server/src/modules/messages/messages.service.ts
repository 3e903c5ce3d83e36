import { AppError } from '../../platform/errors.ts';
import type { ServiceContext } from '../../platform/context.ts';
import { requireValidated, type Actor } from '../../platform/auth/actor.ts';
import { registerPersonalData } from '../../platform/privacy/registry.ts';
import { findReachablePerson } from '../accounts/accounts.service.ts';
import { areContacts, isBlockedEitherWay } from '../contacts/contacts.service.ts';
import { isValidated } from '../validation/validation.service.ts';
import { markSubjectRead, notify } from '../notifications/notifications.service.ts';
import * as repo from './messages.repository.ts';

/** Messages to people who are not contacts: at most this many in 24 hours (R-PF-3). */
export const NON_CONTACT_LIMIT = 5;
const DAY = 86_400_000;

/** Sends a message between validated teachers; blocked people cannot write; strangers are rate-limited. */
export async function sendMessage(ctx: ServiceContext, actor: Actor | null, username: string, body: string) {
  const me = requireValidated(actor);
  const other = await findReachablePerson(ctx, username);
  if (other.id === me.personId) throw new AppError('VALIDATION', 'error_validation', {}, { to: 'message_self' });
  if (!(await isValidated(ctx.db, other.id))) throw new AppError('CONFLICT', 'error_contact_not_validated');
  if (await isBlockedEitherWay(ctx, me.personId, other.id)) throw new AppError('FORBIDDEN', 'error_message_blocked');
  const now = ctx.now();
  const toContact = await areContacts(ctx, me.personId, other.id);
  if (!toContact) {
    const { count, oldest } = await repo.countToNonContacts(ctx.db, me.personId, new Date(now.getTime() - DAY));
    if (count >= NON_CONTACT_LIMIT) {
      const seconds = Math.max(1, Math.ceil(((oldest?.getTime() ?? now.getTime()) + DAY - now.getTime()) / 1000));
      throw new AppError('RATE_LIMITED', 'error_message_rate_limited', { limit: NON_CONTACT_LIMIT }, undefined, {
        'retry-after': String(seconds),
      });
    }
  }
  return ctx.db.transaction(async (tx) => {
    const conversationId = await repo.conversationOf(tx, me.personId, other.id, now);
    const row = await repo.insertMessage(tx, {
      conversationId,
      senderId: me.personId,
      body: body.trim(),
      toContact,
      createdAt: now,
    });
    await repo.markRead(tx, conversationId, me.personId, row.id);
    await notify(tx, { personId: other.id, kind: 'message', actorId: me.personId, subjectId: conversationId, at: now });
    return { conversationId, messageId: row.id };
  });
}

/** My conversations with unread counts. */
export async function myConversations(ctx: ServiceContext, actor: Actor | null) {
  const me = requireValidated(actor);
  const rows = await repo.conversationsOf(ctx.db, me.personId);
  return rows.map((r) => ({
    id: r.id,
    lastMessageAt: r.lastMessageAt.toISOString(),
    with: r.other?.username ? r.other : null,
    unread: r.unread,
    /** The last message, shortened to 140 characters, and whether I wrote it. */
    lastMessage: r.last ? { excerpt: r.last.body, mine: r.last.mine } : null,
  }));
}

/** One conversation's latest messages; reading it marks them read. */
export async function readConversation(ctx: ServiceContext, actor: Actor | null, id: string) {
  const me = requireValidated(actor);
  const c = await repo.findConversation(ctx.db, id);
  if (!c || (c.personA !== me.personId && c.personB !== me.personId)) throw new AppError('NOT_FOUND');
  const messages = await repo.messagesOf(ctx.db, id, 100);
  const last = messages.at(-1);
  if (last) await repo.markRead(ctx.db, id, me.personId, last.id);
  await markSubjectRead(ctx.db, me.personId, id, ctx.now());
  return {
    id,
    messages: messages.map((m) => ({
      id: m.id,
      mine: m.senderId === me.personId,
      /** null: the author deleted their account. */
      fromDeletedAccount: m.senderId === null,
      body: m.body,
      createdAt: m.createdAt.toISOString(),
    })),
  };
}

registerPersonalData({
  name: 'messages_sent',
  export: (db, personId) => repo.messagesBy(db, personId),
  async erase() {
    // Messages stay in the other person's conversation; their author becomes anonymous (ON DELETE SET NULL).
  },
});
