import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/** A random, URL-safe token (256 bits). */
export function randomToken(): string {
  return randomBytes(32).toString('base64url');
}

/** What is stored in place of a token: its SHA-256. A database leak gives no usable token. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('base64url');
}

export function hmac(secret: string, value: string): string {
  return createHmac('sha256', secret).update(value).digest('base64url');
}

export function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/**
 * A signed, expiring token that needs no database row: `payload.expiry.signature`
 * (used for links sent to head teachers, who have no account).
 */
export function signLink(secret: string, payload: string, expiresAt: Date): string {
  const body = `${Buffer.from(payload).toString('base64url')}.${Math.floor(expiresAt.getTime() / 1000)}`;
  return `${body}.${hmac(secret, body)}`;
}

export function verifyLink(secret: string, token: string, now = new Date()): string | undefined {
  const [payload, expiry, signature] = token.split('.');
  if (!payload || !expiry || !signature) return undefined;
  if (!safeEqual(signature, hmac(secret, `${payload}.${expiry}`))) return undefined;
  if (Number(expiry) * 1000 < now.getTime()) return undefined;
  return Buffer.from(payload, 'base64url').toString();
}
