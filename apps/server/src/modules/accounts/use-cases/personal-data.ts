import { AppError } from '../../../platform/errors.ts';
import type { ServiceContext, Tx } from '../../../platform/context.ts';
import type { Actor } from '../../../platform/auth/actor.ts';
import { verifyPassword } from '../../../platform/auth/password.ts';
import { forgetMailOf, mailOf } from '../../../platform/mail/mailer.ts';
import {
  erasePersonalData,
  exportPersonalData,
  registerPersonalData,
  anonymisePersonalData,
} from '../../../platform/privacy/registry.ts';
import { recordAudit, scrubAuditOf } from '../../audit/audit.service.ts';
import { revokeRolesOf } from '../../validation/validation.service.ts';
import * as repo from '../accounts.repository.ts';

registerPersonalData({
  name: 'account',
  async export(db, personId) {
    const p = await repo.findPersonById(db, personId);
    if (!p) return null;
    const { passwordHash: _secret, ...profile } = p;
    const sessions = await repo.listSessions(db, personId, new Date(0));
    return { profile, sessions: sessions.map(({ id: _id, ...s }) => s), messages: await mailOf(db, p.email, p.id) };
  },
  async erase(tx, personId) {
    const p = await repo.findPersonById(tx, personId);
    if (p) await forgetMailOf(tx, p.email, p.id);
    await repo.deletePerson(tx, personId); // sessions and tokens go with it
  },
});

/** R-ACC-5: everything the platform holds about the person, as JSON. */
export async function downloadMyData(ctx: ServiceContext, actor: Actor) {
  return {
    exportedAt: ctx.now().toISOString(),
    platform: 'OpenTwinning',
    person: actor.username,
    data: await exportPersonalData(ctx.db, actor.personId),
  };
}

/** R-ACC-5: deletes the account; personal data goes, authorship stays anonymous. */
export async function deleteMyAccount(ctx: ServiceContext, actor: Actor, password: string): Promise<void> {
  const person = await repo.findPersonById(ctx.db, actor.personId);
  if (!person || !(await verifyPassword(person.passwordHash, password))) {
    throw new AppError('INVALID_CREDENTIALS', 'error_password_wrong', {}, { password: 'password_wrong' });
  }
  await ctx.db.transaction(async (tx) => {
    await erasePersonalData(tx, actor.personId);
    await recordAudit(tx, { actor: null, action: 'account.deleted', subject: { id: null, label: '' } });
  });
}

/** R-ACC-5 at 36 months: the person's data is scrubbed; the row stays for anonymous counts. */
export async function anonymisePerson(tx: Tx, personId: string, now: Date): Promise<void> {
  const p = await repo.findPersonById(tx, personId);
  if (p) await forgetMailOf(tx, p.email, p.id);
  await repo.deleteSessionsOf(tx, personId);
  await repo.updatePerson(tx, personId, {
    email: `anonymised-${personId}@invalid`,
    username: `anonymised-${personId}`,
    passwordHash: null,
    firstName: '',
    lastName: '',
    presentation: '',
    schoolRole: null,
    subjects: [],
    languages: [],
    lookingForPartners: false,
    presentationLanguage: null,
    discoverable: false,
    dailyDigest: false,
    anonymisedAt: now,
  });
  await anonymisePersonalData(tx, personId);
  await scrubAuditOf(tx, personId);
  await revokeRolesOf(tx, personId, now);
}
