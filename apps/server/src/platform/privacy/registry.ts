import type { Db } from '../db/database.ts';
import type { Tx } from '../context.ts';

/**
 * Each module declares what it holds about a person (for "download my data") and how it forgets
 * them (for "delete my account"). Later modules plug in here; nothing else needs to change.
 */
export interface PersonalDataHandler {
  /** Key of this module's part in the export, e.g. "profile", "affiliations". */
  name: string;
  export(db: Db, personId: string): Promise<unknown>;
  /** Removes or anonymises the person's data, inside the deletion transaction. */
  erase(tx: Tx, personId: string): Promise<void>;
  /**
   * For anonymisation after long inactivity (R-ACC-5): the person row stays, emptied; this
   * removes what the module holds that still says who they were or what they wrote.
   */
  anonymise?(tx: Tx, personId: string): Promise<void>;
}

const handlers: PersonalDataHandler[] = [];

export function registerPersonalData(handler: PersonalDataHandler): void {
  if (!handlers.some((h) => h.name === handler.name)) handlers.push(handler);
}

export async function exportPersonalData(db: Db, personId: string): Promise<Record<string, unknown>> {
  const parts: Record<string, unknown> = {};
  for (const h of handlers) parts[h.name] = await h.export(db, personId);
  return parts;
}

/** Runs every module's eraser, in reverse order of registration (dependants first). */
export async function erasePersonalData(tx: Tx, personId: string): Promise<void> {
  for (const h of [...handlers].reverse()) await h.erase(tx, personId);
}

/** Runs every module's anonymiser (see PersonalDataHandler.anonymise). */
export async function anonymisePersonalData(tx: Tx, personId: string): Promise<void> {
  for (const h of [...handlers].reverse()) await h.anonymise?.(tx, personId);
}
