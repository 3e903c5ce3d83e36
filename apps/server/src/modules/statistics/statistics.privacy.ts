import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { registerPersonalData } from '../../platform/privacy/registry.ts';

/**
 * A deleted account's validated affiliations stay in the statistics' history as school and dates
 * under a random key (statistics.tables.ts, stat_departed_affiliation): the teacher leaves the
 * figures on the day of the deletion, and nothing says who they were. Nothing to export: the rows
 * do not point at the person.
 */
registerPersonalData({
  name: 'statistics',
  export: async () => null,
  async erase(tx, personId) {
    await tx.execute(sql`
      INSERT INTO stat_departed_affiliation (person_key, school_id, decided_at, ended_at)
      SELECT ${randomUUID()}, school_id, decided_at, coalesce(ended_at, greatest(now(), decided_at))
      FROM affiliation WHERE person_id = ${personId} AND status = 'validated' AND decided_at IS NOT NULL`);
  },
});
