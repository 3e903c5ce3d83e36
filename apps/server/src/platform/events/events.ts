import { asc, eq } from 'drizzle-orm';
import type { Db } from '../db/database.ts';
import type { Tx } from '../context.ts';
import { registerPersonalData } from '../privacy/registry.ts';
import { domainEvent } from './events.tables.ts';

export interface DomainEvent {
  /** Dotted name: `project.submitted`, `project.approved`, … */
  name: string;
  subjectId: string;
  actorId: string | null;
  data?: Record<string, unknown>;
  at: Date;
}

/** Records an event in the caller's transaction: it exists only if the change commits. */
export async function recordEvent(tx: Tx | Db, event: DomainEvent): Promise<void> {
  await tx.insert(domainEvent).values({ ...event, data: event.data ?? {} });
}

/** A thing's history, oldest first. */
export async function eventsOf(db: Db, subjectId: string) {
  return db.select().from(domainEvent).where(eq(domainEvent.subjectId, subjectId)).orderBy(asc(domainEvent.id));
}

registerPersonalData({
  name: 'domain-events',
  export: async (db, personId) =>
    (await db.select().from(domainEvent).where(eq(domainEvent.actorId, personId))).map(({ actorId: _a, ...e }) => e),
  async erase(tx, personId) {
    // What happened stays; who did it goes.
    await tx.update(domainEvent).set({ actorId: null }).where(eq(domainEvent.actorId, personId));
  },
});
