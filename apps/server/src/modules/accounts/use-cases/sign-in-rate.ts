import { AppError } from '../../../platform/errors.ts';
import type { ServiceContext } from '../../../platform/context.ts';
import * as repo from '../accounts.repository.ts';

/** Wrong passwords allowed per minute: per account, and per address (a school shares one). */
export const SIGN_IN_LIMITS = { perAccount: 5, perAddress: 30, windowMs: 60_000 };

const keys = (email: string, ip: string) => [`account:${email.trim().toLowerCase()}`, `ip:${ip}`];

/** 429 RATE_LIMITED (with Retry-After) once the limit of failures in the window is reached. */
export async function checkSignInRate(ctx: ServiceContext, email: string, ip: string): Promise<void> {
  const now = ctx.now();
  const since = new Date(now.getTime() - SIGN_IN_LIMITS.windowMs);
  const [account, address] = keys(email, ip);
  for (const [key, limit] of [
    [account!, SIGN_IN_LIMITS.perAccount],
    [address!, SIGN_IN_LIMITS.perAddress],
  ] as const) {
    const { count, oldest } = await repo.countFailures(ctx.db, key, since);
    if (count >= limit) {
      const retryAfter = Math.max(
        1,
        Math.ceil(((oldest?.getTime() ?? now.getTime()) + SIGN_IN_LIMITS.windowMs - now.getTime()) / 1000),
      );
      throw new AppError('RATE_LIMITED', 'error_sign_in_rate_limited', { seconds: retryAfter }, undefined, {
        'retry-after': String(retryAfter),
      });
    }
  }
}

export async function recordSignInFailure(ctx: ServiceContext, email: string, ip: string): Promise<void> {
  await repo.recordFailures(ctx.db, keys(email, ip), ctx.now());
}
