// The accounts module's service: sign-up, sessions, profiles, personal data.
import { AppError } from '../../platform/errors.ts';
import type { ServiceContext } from '../../platform/context.ts';
import * as repo from './accounts.repository.ts';

export { signUp, resendConfirmation } from './use-cases/sign-up.ts';
export { confirmEmail, requestPasswordReset, completePasswordReset } from './use-cases/email-links.ts';
export { signIn, openSession, resolveSession, listMySessions, revokeSession, clientOf } from './use-cases/sessions.ts';
export { updateProfile, getMe, getPublicProfile } from './use-cases/profile.ts';
export { downloadMyData, deleteMyAccount, anonymisePerson } from './use-cases/personal-data.ts';
export { runPrivacyLifecycle } from './use-cases/lifecycle.ts';

/** A person who may be given a support role: exists, confirmed their address, not anonymised. */
export async function findPersonForRole(ctx: ServiceContext, username: string) {
  const person =
    (await repo.findPersonByUsername(ctx.db, username)) ?? (await repo.findPersonByEmail(ctx.db, username));
  if (!person || person.anonymisedAt)
    throw new AppError('NOT_FOUND', 'error_person_not_found', {}, { username: 'person_not_found' });
  if (!person.emailConfirmedAt) throw new AppError('CONFLICT', 'error_email_not_confirmed');
  return person;
}

/** A person's public handle, for labels (audit). */
export async function findPersonById(ctx: ServiceContext, id: string) {
  const p = await repo.findPersonById(ctx.db, id);
  return p ? { id: p.id, username: p.username } : undefined;
}

/** A member others can reach (contacts, messages): exists, visible, not anonymised. */
export async function findReachablePerson(ctx: ServiceContext, username: string) {
  const p = await repo.findPersonByUsername(ctx.db, username);
  if (!p || p.anonymisedAt || p.hiddenFromSearchAt) throw new AppError('NOT_FOUND', 'error_person_not_found');
  return { id: p.id, username: p.username, firstName: p.firstName, lastName: p.lastName };
}
