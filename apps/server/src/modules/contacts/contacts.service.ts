import { AppError } from '../../platform/errors.ts';
import type { ServiceContext } from '../../platform/context.ts';
import { requireValidated, type Actor } from '../../platform/auth/actor.ts';
import { registerPersonalData } from '../../platform/privacy/registry.ts';
import { findReachablePerson } from '../accounts/accounts.service.ts';
import { isValidated } from '../validation/validation.service.ts';
import { forgetNoticesBetween, markSubjectRead, notify } from '../notifications/notifications.service.ts';
import * as repo from './contacts.repository.ts';

/**
 * R-PF-3: contacts between validated teachers. Only contacts can later be invited to found or
 * join a project; blocked people can neither ask nor write.
 */
export async function requestContact(ctx: ServiceContext, actor: Actor | null, username: string, message: string) {
  const me = requireValidated(actor);
  const other = await findReachablePerson(ctx, username);
  if (other.id === me.personId) throw new AppError('VALIDATION', 'error_validation', {}, { username: 'contact_self' });
  if (!(await isValidated(ctx.db, other.id))) throw new AppError('CONFLICT', 'error_contact_not_validated');
  if (await repo.isBlockedEitherWay(ctx.db, me.personId, other.id))
    throw new AppError('FORBIDDEN', 'error_contact_blocked');
  const live = await repo.liveLink(ctx.db, me.personId, other.id);
  if (live)
    throw new AppError('CONFLICT', live.status === 'accepted' ? 'error_already_contacts' : 'error_contact_pending');
  try {
    return await ctx.db.transaction(async (tx) => {
      const now = ctx.now();
      const row = await repo.insertRequest(tx, {
        requesterId: me.personId,
        addresseeId: other.id,
        message: message.trim(),
        createdAt: now,
      });
      await notify(tx, {
        personId: other.id,
        kind: 'contact_request',
        actorId: me.personId,
        subjectId: row.id,
        at: now,
      });
      return { id: row.id };
    });
  } catch (error) {
    // Two requests crossing at the same moment: the unique index keeps one.
    if ((error as { cause?: { code?: string } }).cause?.code === '23505')
      throw new AppError('CONFLICT', 'error_contact_pending');
    throw error;
  }
}

type Answer = 'accept' | 'decline' | 'withdraw';

/** The addressee accepts or declines; the requester withdraws. */
export async function answerRequest(
  ctx: ServiceContext,
  actor: Actor | null,
  id: string,
  answer: Answer,
): Promise<void> {
  const me = requireValidated(actor);
  const request = await repo.findRequest(ctx.db, id);
  const mine = answer === 'withdraw' ? request?.requesterId === me.personId : request?.addresseeId === me.personId;
  if (!request || !mine) throw new AppError('NOT_FOUND');
  const to = answer === 'accept' ? 'accepted' : answer === 'decline' ? 'declined' : 'withdrawn';
  const now = ctx.now();
  await ctx.db.transaction(async (tx) => {
    if (!(await repo.moveRequest(tx, id, 'pending', to, now)))
      throw new AppError('CONFLICT', 'error_contact_not_pending');
    // The request is settled: its notice is read (or, withdrawn, no longer news).
    await markSubjectRead(tx, request.addresseeId, id, now);
    if (to === 'accepted')
      await notify(tx, {
        personId: request.requesterId,
        kind: 'contact_accepted',
        actorId: me.personId,
        subjectId: id,
        at: now,
      });
  });
}

/** Ends a contact (either side). */
export async function removeContact(ctx: ServiceContext, actor: Actor | null, username: string): Promise<void> {
  const me = requireValidated(actor);
  const other = await findReachablePerson(ctx, username);
  const live = await repo.liveLink(ctx.db, me.personId, other.id);
  if (!live || live.status !== 'accepted') throw new AppError('NOT_FOUND');
  await repo.moveRequest(ctx.db, live.id, 'accepted', 'removed', ctx.now());
}

/** Blocks a person: any live link ends, and they can neither ask nor write. */
export async function blockPerson(ctx: ServiceContext, actor: Actor | null, username: string): Promise<void> {
  const me = requireValidated(actor);
  const other = await findReachablePerson(ctx, username);
  if (other.id === me.personId) throw new AppError('VALIDATION', 'error_validation', {}, { username: 'contact_self' });
  await ctx.db.transaction(async (tx) => {
    const live = await repo.liveLink(tx, me.personId, other.id);
    if (live)
      await repo.moveRequest(tx, live.id, live.status, live.status === 'accepted' ? 'removed' : 'withdrawn', ctx.now());
    await repo.block(tx, me.personId, other.id);
    await forgetNoticesBetween(tx, me.personId, other.id);
  });
}

export async function unblockPerson(ctx: ServiceContext, actor: Actor | null, username: string): Promise<void> {
  const me = requireValidated(actor);
  const other = await findReachablePerson(ctx, username);
  await repo.unblock(ctx.db, me.personId, other.id);
}

/** My contacts, the requests I received and the ones I sent. */
export async function myContacts(ctx: ServiceContext, actor: Actor | null) {
  const me = requireValidated(actor);
  const links = await repo.linksOf(ctx.db, me.personId);
  const view = (l: (typeof links)[number]) => ({
    requestId: l.request.id,
    person: l.other,
    message: l.request.message,
    since: (l.request.respondedAt ?? l.request.createdAt).toISOString(),
  });
  return {
    contacts: links.filter((l) => l.request.status === 'accepted').map(view),
    incoming: links.filter((l) => l.request.status === 'pending' && l.request.addresseeId === me.personId).map(view),
    outgoing: links.filter((l) => l.request.status === 'pending' && l.request.requesterId === me.personId).map(view),
    blocked: (await repo.blockedBy(ctx.db, me.personId)).map((b) => ({ ...b, since: b.since.toISOString() })),
  };
}

export type Relation =
  | { status: 'none' | 'contacts' | 'blocked_by_me' | 'blocked_me' | 'self' }
  | { status: 'request_sent' | 'request_received'; requestId: string; message: string };

/** Where I stand with another person (the profile page shows the matching action). */
export async function relationWith(ctx: ServiceContext, actor: Actor | null, username: string): Promise<Relation> {
  const me = requireValidated(actor);
  const other = await findReachablePerson(ctx, username);
  if (other.id === me.personId) return { status: 'self' };
  const blocks = await repo.blocksBetween(ctx.db, me.personId, other.id);
  if (blocks.some((b) => b.blockerId === me.personId)) return { status: 'blocked_by_me' };
  if (blocks.length) return { status: 'blocked_me' };
  const live = await repo.liveLink(ctx.db, me.personId, other.id);
  if (!live) return { status: 'none' };
  if (live.status === 'accepted') return { status: 'contacts' };
  return {
    status: live.requesterId === me.personId ? 'request_sent' : 'request_received',
    requestId: live.id,
    message: live.message,
  };
}

/** Are these two people contacts? (projects: only contacts can be invited; `conn` inside a transaction) */
export async function areContacts(
  ctx: ServiceContext,
  a: string,
  b: string,
  conn: Parameters<typeof repo.liveLink>[0] = ctx.db,
): Promise<boolean> {
  return (await repo.liveLink(conn, a, b))?.status === 'accepted';
}

registerPersonalData({
  name: 'contacts',
  export: (db, personId) => repo.requestsOfPerson(db, personId),
  async erase() {
    // Requests and blocks go with the person (foreign keys cascade).
  },
});

/** Has either person blocked the other? (messages: blocked people cannot write) */
export function isBlockedEitherWay(ctx: ServiceContext, a: string, b: string): Promise<boolean> {
  return repo.isBlockedEitherWay(ctx.db, a, b);
}
