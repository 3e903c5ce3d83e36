import type { FastifyRequest } from 'fastify';
import { clientAddress } from '../../../platform/client.ts';
import { AppError } from '../../../platform/errors.ts';
import type { ServiceContext } from '../../../platform/context.ts';
import { SESSION_DAYS } from '../../../platform/auth/auth.plugin.ts';
import type { Actor } from '../../../platform/auth/actor.ts';
import { verifyPassword } from '../../../platform/auth/password.ts';
import { hashToken, randomToken } from '../../../platform/auth/secrets.ts';
import { rolesOf, isValidated } from '../../validation/validation.service.ts';
import * as repo from '../accounts.repository.ts';
import { checkSignInRate, recordSignInFailure } from './sign-in-rate.ts';

const TOUCH_EVERY_MS = 5 * 60_000;

export interface Client {
  ip: string;
  userAgent: string;
}

export const clientOf = (request: FastifyRequest): Client => ({
  ip: clientAddress(request),
  userAgent: String(request.headers['user-agent'] ?? '').slice(0, 300),
});

/** Opens a session and returns the cookie token (only its hash is stored). */
export async function openSession(ctx: ServiceContext, personId: string, client: Client): Promise<string> {
  const token = randomToken();
  const now = ctx.now();
  await repo.insertSession(ctx.db, {
    id: hashToken(token),
    personId,
    createdAt: now,
    lastSeenAt: now,
    expiresAt: new Date(now.getTime() + SESSION_DAYS * 86_400_000),
    userAgent: client.userAgent,
    ip: client.ip,
  });
  await repo.updatePerson(ctx.db, personId, { lastSignInAt: now, hiddenFromSearchAt: null, inactivityWarnedAt: null });
  return token;
}

/** Email and password → a session. Rate-limited per account and per address (R-ACC, sessions). */
export async function signIn(ctx: ServiceContext, email: string, password: string, client: Client): Promise<string> {
  await checkSignInRate(ctx, email, client.ip);
  const person = await repo.findPersonByEmail(ctx.db, email);
  const ok = await verifyPassword(person?.anonymisedAt ? null : (person?.passwordHash ?? null), password);
  if (!person || !ok) {
    await recordSignInFailure(ctx, email, client.ip);
    throw new AppError('INVALID_CREDENTIALS', 'error_invalid_credentials');
  }
  if (!person.emailConfirmedAt) throw new AppError('EMAIL_NOT_CONFIRMED', 'error_email_not_confirmed');
  return openSession(ctx, person.id, client);
}

/** The person behind a session id, with roles and validation status; null when unknown or expired. */
export async function resolveSession(ctx: ServiceContext, sessionId: string): Promise<Actor | null> {
  const now = ctx.now();
  const row = await repo.findLiveSession(ctx.db, sessionId, now);
  if (!row) return null;
  if (now.getTime() - row.session.lastSeenAt.getTime() > TOUCH_EVERY_MS)
    await repo.touchSession(ctx.db, sessionId, now);
  const p = row.person;
  return {
    personId: p.id,
    sessionId,
    username: p.username,
    email: p.email,
    firstName: p.firstName,
    lastName: p.lastName,
    uiLanguage: p.uiLanguage as 'es' | 'en',
    emailConfirmed: !!p.emailConfirmedAt,
    profileCompleted: !!p.profileCompletedAt,
    validated: await isValidated(ctx.db, p.id),
    roles: await rolesOf(ctx.db, p.id),
  };
}

export async function listMySessions(ctx: ServiceContext, actor: Actor) {
  const rows = await repo.listSessions(ctx.db, actor.personId, ctx.now());
  return rows.map((s) => ({
    id: s.id,
    current: s.id === actor.sessionId,
    createdAt: s.createdAt.toISOString(),
    lastSeenAt: s.lastSeenAt.toISOString(),
    userAgent: s.userAgent,
    ip: s.ip,
  }));
}

export async function revokeSession(ctx: ServiceContext, actor: Actor, sessionId: string): Promise<void> {
  if (!(await repo.deleteSession(ctx.db, actor.personId, sessionId))) throw new AppError('NOT_FOUND');
}
