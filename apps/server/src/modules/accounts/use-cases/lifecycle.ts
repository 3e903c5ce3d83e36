import { pagePath } from '@opentwinning/contracts';
import type { ServiceContext } from '../../../platform/context.ts';
import { recordAudit } from '../../audit/audit.service.ts';
import * as repo from '../accounts.repository.ts';
import { anonymisePerson } from './personal-data.ts';

const DAY = 86_400_000;

/**
 * R-ACC-5, run daily by the job queue: no sign-in for 12 months → invisible to search; near 36
 * months → a warning email; at 36 months, at least the warning period after it → anonymised.
 */
export async function runPrivacyLifecycle(ctx: ServiceContext) {
  const now = ctx.now();
  const { hideAfterDays, anonymiseAfterDays, warningDays } = ctx.privacy;
  const hidden = await repo.hideInactive(ctx.db, new Date(now.getTime() - hideAfterDays * DAY), now);

  const toWarn = await repo.findToWarn(ctx.db, new Date(now.getTime() - (anonymiseAfterDays - warningDays) * DAY));
  for (const p of toWarn) {
    await ctx.db.transaction(async (tx) => {
      await repo.updatePerson(tx, p.id, { inactivityWarnedAt: now });
      const lang = p.uiLanguage as 'es' | 'en';
      await ctx.mailer.enqueue(tx, {
        to: p.email,
        locale: lang,
        kind: 'inactivity_warning',
        aboutPersonId: p.id,
        inputs: { name: p.firstName, days: warningDays, link: `${ctx.publicUrl}${pagePath(lang, 'signIn')}` },
      });
    });
  }

  const toAnonymise = await repo.findToAnonymise(
    ctx.db,
    new Date(now.getTime() - anonymiseAfterDays * DAY),
    new Date(now.getTime() - warningDays * DAY),
  );
  for (const p of toAnonymise) {
    await ctx.db.transaction(async (tx) => {
      await anonymisePerson(tx, p.id, now);
      await recordAudit(tx, { actor: null, action: 'account.anonymised', subject: { id: p.id, label: '' } });
    });
  }
  await repo.pruneFailures(ctx.db, new Date(now.getTime() - DAY));
  await repo.pruneExpired(ctx.db, now);
  await ctx.mailer.flush();
  return { hidden, warned: toWarn.length, anonymised: toAnonymise.length };
}
