import { sql } from 'drizzle-orm';
import { locales } from '@opentwinning/i18n';
import { subjects } from '@opentwinning/contracts';
import type { Db } from '../../platform/db/database.ts';
import { translate } from '../../platform/i18n.ts';
import { subjectLabel } from './search.tables.ts';

/**
 * Subject names of the catalogues, so that "matemáticas" or "mathematics" finds a teacher of
 * that subject. When a name changed, the search index is rebuilt.
 */
export async function seedSubjectLabels(db: Db): Promise<void> {
  const rows = subjects.flatMap((code) =>
    locales.map((locale) => ({ code, locale, label: translate(locale, `subject_${code}`) })),
  );
  const changed = await db
    .insert(subjectLabel)
    .values(rows)
    .onConflictDoUpdate({
      target: [subjectLabel.code, subjectLabel.locale],
      set: { label: sql`excluded.label` },
      setWhere: sql`${subjectLabel.label} IS DISTINCT FROM excluded.label`,
    })
    .returning({ code: subjectLabel.code });
  if (changed.length) await db.execute(sql`SELECT ot_refresh_partner_profile(id) FROM person`);
}
