import cookie from '@fastify/cookie';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { AppError } from '../errors.ts';
import type { Actor } from './actor.ts';
import { hashToken, hmac, safeEqual } from './secrets.ts';

export const SESSION_COOKIE = 'ot_session';
export const SESSION_DAYS = 30;

export interface AuthOptions {
  sessionSecret: string;
  publicUrl: string;
  /** Finds the person behind a session (by the token's hash), or null when unknown or expired. */
  resolveSession: (sessionId: string) => Promise<Actor | null>;
}

const unsafe = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** The token a browser page must echo in `x-csrf-token` when it writes with the session cookie. */
export function csrfTokenFor(secret: string, sessionId: string): string {
  return hmac(secret, `csrf:${sessionId}`);
}

/**
 * Sessions by cookie (HttpOnly, SameSite=Lax, Secure over https) and CSRF protection: a write that
 * carries the session cookie must come from this site (Origin) or echo the session's CSRF token.
 */
export const authPlugin = fp(async (app: FastifyInstance, options: AuthOptions) => {
  await app.register(cookie);
  const ownOrigin = new URL(options.publicUrl).origin;
  const secure = options.publicUrl.startsWith('https://');

  app.decorateRequest('actor', null);
  app.addHook('onRequest', async (request) => {
    const token = request.cookies[SESSION_COOKIE];
    if (!token) return;
    const sessionId = hashToken(token);
    if (unsafe.has(request.method)) checkCsrf(request, sessionId, options.sessionSecret, ownOrigin);
    request.actor = await options.resolveSession(sessionId);
  });

  app.decorate('setSessionCookie', (reply: FastifyReply, token: string) => {
    reply.setCookie(SESSION_COOKIE, token, {
      path: '/',
      httpOnly: true,
      sameSite: 'lax',
      secure,
      maxAge: SESSION_DAYS * 24 * 3600,
    });
  });
  app.decorate('clearSessionCookie', (reply: FastifyReply) => {
    reply.clearCookie(SESSION_COOKIE, { path: '/', httpOnly: true, sameSite: 'lax', secure });
  });
});

function checkCsrf(request: FastifyRequest, sessionId: string, secret: string, ownOrigin: string): void {
  const header = request.headers['x-csrf-token'];
  if (typeof header === 'string' && safeEqual(header, csrfTokenFor(secret, sessionId))) return;
  const origin = request.headers.origin;
  if (origin && (origin === ownOrigin || hostOf(origin) === request.headers.host)) return;
  throw new AppError('CSRF_FAILED', 'error_csrf_failed');
}

declare module 'fastify' {
  interface FastifyInstance {
    setSessionCookie(reply: FastifyReply, token: string): void;
    clearSessionCookie(reply: FastifyReply): void;
  }
}

function hostOf(origin: string): string | undefined {
  try {
    return new URL(origin).host;
  } catch {
    return undefined;
  }
}
