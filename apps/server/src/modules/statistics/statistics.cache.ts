import type { Db } from '../../platform/db/database.ts';
import type { DayDelta, PartnerDelta } from './statistics.rollup.ts';
import type { Snapshot } from './statistics.snapshot.ts';

/** What a process holds of one database's statistics (statistics.snapshot.ts). */
export interface State {
  /** When the snapshot's version was last compared with the database (ms). */
  checkedAt: number;
  current?: Snapshot;
  loading?: Promise<Snapshot>;
  /** The changes after the roll-up, for one state of the tables (the stamp). */
  live?: { stamp: string; until: string; deltas: DayDelta[]; partners: PartnerDelta[] | undefined };
}

/** One state per database (tests and benchmarks may hold several in one process). */
const states = new WeakMap<Db, State>();

export function stateOf(db: Db): State {
  let state = states.get(db);
  if (!state) states.set(db, (state = { checkedAt: 0 }));
  return state;
}

/** After a roll-up or an import in this process: the next reader compares versions at once. */
export function forgetStatistics(db: Db): void {
  stateOf(db).checkedAt = 0;
}
