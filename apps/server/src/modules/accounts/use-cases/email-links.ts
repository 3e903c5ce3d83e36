import { AppError } from '../../../platform/errors.ts';
import type { ServiceContext } from '../../../platform/context.ts';
import { hashPassword } from '../../../platform/auth/password.ts';
import { hashToken } from '../../../platform/auth/secrets.ts';
import * as repo from '../accounts.repository.ts';
import { emailLink, mayEmailLink } from './email-token.ts';

const RESET_MINUTES = 60;

/** The link from the confirmation email: the address is confirmed. Returns the person. */
export async function confirmEmail(ctx: ServiceContext, token: string): Promise<string> {
  const now = ctx.now();
  return ctx.db.transaction(async (tx) => {
    const row = await repo.consumeToken(tx, hashToken(token), 'confirm_email', now);
    if (!row) throw new AppError('TOKEN_INVALID', 'error_token_invalid');
    await repo.updatePerson(tx, row.personId, { emailConfirmedAt: now });
    return row.personId;
  });
}

/** Sends a reset link when the address belongs to an account; answers the same either way. */
export async function requestPasswordReset(ctx: ServiceContext, email: string): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    const person = await repo.findPersonByEmail(tx, email);
    if (!person || person.anonymisedAt) return;
    if (!(await mayEmailLink(ctx, tx, person, 'reset_password'))) return; // answered the same way
    await emailLink(ctx, tx, person, {
      purpose: 'reset_password',
      validMinutes: RESET_MINUTES,
      page: 'passwordReset',
      inputs: { minutes: RESET_MINUTES },
    });
  });
  await ctx.mailer.flush();
}

/** A new password from a reset link: every open session is closed. The address counts as confirmed. */
export async function completePasswordReset(ctx: ServiceContext, token: string, password: string): Promise<void> {
  const passwordHash = await hashPassword(password);
  const now = ctx.now();
  await ctx.db.transaction(async (tx) => {
    const row = await repo.consumeToken(tx, hashToken(token), 'reset_password', now);
    if (!row) throw new AppError('TOKEN_INVALID', 'error_token_invalid');
    const person = await repo.findPersonById(tx, row.personId);
    await repo.updatePerson(tx, row.personId, { passwordHash, emailConfirmedAt: person?.emailConfirmedAt ?? now });
    await repo.deleteSessionsOf(tx, row.personId);
    await repo.useAllTokens(tx, row.personId, 'reset_password', now);
  });
}
