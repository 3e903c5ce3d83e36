import { randomBytes } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import { safeEqual } from './auth/secrets.ts';

/**
 * The web pages call the API in-process; they pass the browser's address in `x-ot-client-ip`,
 * vouched for by this per-process secret (never sent to a browser). Anything else: the socket
 * address, or X-Forwarded-For only when TRUST_PROXY says a proxy sets it.
 */
export const INTERNAL_SECRET_KEY = Symbol.for('opentwinning.internal-secret');
const g = globalThis as Record<symbol, unknown>;
g[INTERNAL_SECRET_KEY] ??= randomBytes(24).toString('base64url');
const internalSecret = g[INTERNAL_SECRET_KEY] as string;

/** The address of the person behind a request (rate limits, "local in development"). */
export function clientAddress(request: FastifyRequest): string {
  const vouch = request.headers['x-ot-internal'];
  const forwarded = request.headers['x-ot-client-ip'];
  if (typeof vouch === 'string' && typeof forwarded === 'string' && safeEqual(vouch, internalSecret)) return forwarded;
  return request.ip; // the socket's address unless TRUST_PROXY is set
}

const loopback = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1']);

/** In development, a few things are open to the machine itself (the outbox, the demo accounts). */
export function isDevelopmentLocal(env: string, request: FastifyRequest): boolean {
  return env === 'development' && loopback.has(clientAddress(request));
}
