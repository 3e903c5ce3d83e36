import { and, desc, eq, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/database.ts';
import type { Tx } from '../../platform/context.ts';
import { registerPersonalData } from '../../platform/privacy/registry.ts';
import { auditEntry } from './audit.tables.ts';

export interface AuditInput {
  actor: { id: string | null; label: string } | null;
  action: string;
  subject?: { id: string | null; label: string };
  countryCode?: string | null;
  reason?: string | null;
  details?: Record<string, unknown>;
}

/** Writes one audit entry in the caller's transaction. */
export async function recordAudit(tx: Tx | Db, entry: AuditInput): Promise<void> {
  await tx.insert(auditEntry).values({
    actorId: entry.actor?.id ?? null,
    actorLabel: entry.actor?.label ?? 'system',
    action: entry.action,
    subjectId: entry.subject?.id ?? null,
    subjectLabel: entry.subject?.label ?? '',
    countryCode: entry.countryCode ?? null,
    reason: entry.reason ?? null,
    details: entry.details ?? {},
  });
}

/** Entries for one country (null: all countries, for the CSS), newest first, by pages of `limit`. */
export async function listAudit(
  db: Db,
  options: { countryCode: string | null; subjectId?: string; before?: number; limit: number },
) {
  const rows = await db
    .select()
    .from(auditEntry)
    .where(
      and(
        options.countryCode ? eq(auditEntry.countryCode, options.countryCode) : sql`true`,
        options.subjectId ? eq(auditEntry.subjectId, options.subjectId) : sql`true`,
        // Keyset pagination on (at, id): entries older than the one given.
        options.before
          ? sql`(${auditEntry.at}, ${auditEntry.id}) < (SELECT at, id FROM audit_entry WHERE id = ${options.before})`
          : sql`true`,
      ),
    )
    .orderBy(desc(auditEntry.at), desc(auditEntry.id))
    .limit(options.limit);
  return rows.map((r) => ({
    id: r.id,
    at: r.at.toISOString(),
    actor: r.actorLabel,
    action: r.action,
    subject: r.subjectLabel,
    countryCode: r.countryCode,
    reason: r.reason,
    details: r.details,
  }));
}

registerPersonalData({
  name: 'audit',
  async export(db, personId) {
    const rows = await db
      .select()
      .from(auditEntry)
      .where(sql`${auditEntry.subjectId} = ${personId} OR ${auditEntry.actorId} = ${personId}`)
      .orderBy(auditEntry.id);
    return rows.map(({ actorId: _a, subjectId: _s, ...r }) => r);
  },
  async erase(tx, personId) {
    // The record of decisions stays; the name of the person in it goes.
    await tx
      .update(auditEntry)
      .set({ subjectId: null, subjectLabel: 'deleted account' })
      .where(eq(auditEntry.subjectId, personId));
    await tx
      .update(auditEntry)
      .set({ actorId: null, actorLabel: 'deleted account' })
      .where(eq(auditEntry.actorId, personId));
  },
});

/** The record of decisions stays; the person's name in it goes (deletion and anonymisation). */
export async function scrubAuditOf(tx: Tx | Db, personId: string): Promise<void> {
  await tx
    .update(auditEntry)
    .set({ subjectId: null, subjectLabel: 'deleted account' })
    .where(eq(auditEntry.subjectId, personId));
  await tx
    .update(auditEntry)
    .set({ actorId: null, actorLabel: 'deleted account' })
    .where(eq(auditEntry.actorId, personId));
}
