import type { SignUpRequest } from '@opentwinning/contracts';
import { AppError } from '../../../platform/errors.ts';
import type { ServiceContext, Tx } from '../../../platform/context.ts';
import { hashPassword } from '../../../platform/auth/password.ts';
import { recordAudit } from '../../audit/audit.service.ts';
import * as repo from '../accounts.repository.ts';
import { emailLink, mayEmailLink } from './email-token.ts';

const CONFIRM_HOURS = 48;

/** R-ACC-1, R-ACC-4, R-MOD-2: an account with a unique email and username, code of conduct accepted. */
export async function signUp(ctx: ServiceContext, input: SignUpRequest): Promise<{ personId: string }> {
  const passwordHash = await hashPassword(input.password);
  const now = ctx.now();
  const personId = await ctx.db.transaction(async (tx) => {
    const fields: Record<string, string> = {};
    if (await repo.findPersonByEmail(tx, input.email)) fields.email = 'email_taken';
    if (await repo.findPersonByUsername(tx, input.username)) fields.username = 'username_taken';
    if (Object.keys(fields).length) throw new AppError('CONFLICT', 'error_account_exists', {}, fields);
    const person = await repo.insertPerson(tx, {
      email: input.email,
      username: input.username,
      passwordHash,
      firstName: input.firstName,
      lastName: input.lastName,
      uiLanguage: input.uiLanguage,
      codeOfConductAcceptedAt: now,
      createdAt: now,
    });
    await sendConfirmation(ctx, tx, person);
    await recordAudit(tx, {
      actor: { id: person.id, label: person.username },
      action: 'account.created',
      subject: { id: person.id, label: person.username },
    });
    return person.id;
  });
  await ctx.mailer.flush();
  return { personId };
}

export function sendConfirmation(ctx: ServiceContext, tx: Tx, person: repo.PersonRow): Promise<void> {
  return emailLink(ctx, tx, person, {
    purpose: 'confirm_email',
    validMinutes: CONFIRM_HOURS * 60,
    page: 'confirmEmail',
    inputs: { hours: CONFIRM_HOURS },
  });
}

/** Sends a new confirmation link; says nothing about whether the address is known. */
export async function resendConfirmation(ctx: ServiceContext, email: string): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    const person = await repo.findPersonByEmail(tx, email);
    if (!person || person.emailConfirmedAt || person.anonymisedAt) return;
    if (await mayEmailLink(ctx, tx, person, 'confirm_email')) await sendConfirmation(ctx, tx, person);
  });
  await ctx.mailer.flush();
}
