import { pagePath, type PageName } from '@opentwinning/contracts';
import type { ServiceContext, Tx } from '../../../platform/context.ts';
import { hashToken, randomToken } from '../../../platform/auth/secrets.ts';
import * as repo from '../accounts.repository.ts';

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
    inputs: { name: person.firstName, link: `${ctx.publicUrl}${pagePath(lang, link.page, { token })}`, ...link.inputs },
  });
}
