import { pagePath, type PageName } from '@opentwinning/contracts';
import type { ServiceContext, Tx } from '../../../platform/context.ts';
import { hashToken, randomToken } from '../../../platform/auth/secrets.ts';
import { countRecentMail } from '../../../platform/mail/mailer.ts';
import * as repo from '../accounts.repository.ts';

/** At most this many links of one kind to one address per window: a form cannot be used to flood a mailbox. */
export const LINKS_PER_WINDOW = 3;
const WINDOW_MS = 15 * 60_000;

/** True when another link of this kind may be sent to the person now. */
export async function mayEmailLink(
  ctx: ServiceContext,
  tx: Tx,
  person: repo.PersonRow,
  purpose: string,
): Promise<boolean> {
  const since = new Date(ctx.now().getTime() - WINDOW_MS);
  return (await countRecentMail(tx, person.email, purpose, since)) < LINKS_PER_WINDOW;
}

/**
 * Issues a single-use link (only its hash is stored) and writes the email carrying it, in the
 * person's language, inside the caller's transaction.
 */
export async function emailLink(
  ctx: ServiceContext,
  tx: Tx,
  person: repo.PersonRow,
  link: {
    purpose: 'confirm_email' | 'reset_password';
    validMinutes: number;
    page: PageName;
    inputs: Record<string, unknown>;
  },
): Promise<void> {
  const token = randomToken();
  const now = ctx.now();
  await repo.insertToken(tx, {
    id: hashToken(token),
    purpose: link.purpose,
    personId: person.id,
    createdAt: now,
    expiresAt: new Date(now.getTime() + link.validMinutes * 60_000),
  });
  const lang = person.uiLanguage as 'es' | 'en';
  await ctx.mailer.enqueue(tx, {
    to: person.email,
    locale: lang,
    kind: link.purpose,
    aboutPersonId: person.id,
    inputs: { name: person.firstName, link: `${ctx.publicUrl}${pagePath(lang, link.page, { token })}`, ...link.inputs },
  });
}
