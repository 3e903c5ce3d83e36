// What every step of the statistics generator (bench/statistics-data.ts) shares: the time
// constants, the run's parameters and date bounds, and the seeded random helpers. The steps draw
// from one PRNG in a fixed order, so the same seed gives the same rows.
import { random } from './profiles.ts';

export const DAY = 86_400_000;
export const MINUTE = 60_000;
/** The first day of eTwinning: nothing happens before it. */
export const LAUNCH = Date.UTC(2005, 0, 14);
/** Registrations and approvals grow by about 30% a year: density ∝ e^(G·t). */
export const G = Math.log(1.3) / (365.25 * DAY);

export type Status = 'validated' | 'pending' | 'rejected';

/** The school year (September–August) of a time: its first calendar year. */
export const schoolYearOf = (ms: number) => {
  const d = new Date(ms);
  return d.getUTCMonth() >= 8 ? d.getUTCFullYear() : d.getUTCFullYear() - 1;
};
/** A timestamp for PostgreSQL; NaN (no such time) is null. */
export const iso = (ms: number) => (Number.isNaN(ms) ? null : new Date(Math.floor(ms)).toISOString());

export interface Context {
  /** 'YYYY-MM-DD', the "as of" date. */
  date: string;
  scale: number;
  noise: boolean;
  /** Start and end of the date (UTC). */
  dayStart: number;
  dayEnd: number;
  /** 1 September of the school year containing the date. */
  syStart: number;
  /** "Today" (its start, so that runs on one day are identical): the end of what happens after the date. */
  now: number;
  rnd: () => number;
  between: (a: number, b: number) => number;
  pick: <T>(list: readonly T[]) => T;
  weighted: <T>(list: readonly T[], weight: (t: T) => number) => T;
  /** A time in [from, to) with density growing like e^(G·t). */
  growing: (from: number, to: number) => number;
  /** After the date: mostly in the following months, some up to today. */
  soonAfter: (from: number, to: number) => number;
  /**
   * A version-4 UUID whose first 32 bits are the table's number and the row's: rows arrive in key
   * order, so the primary keys and the indexes on references grow at their right edge (far less WAL
   * and cache churn than random keys at this size). The rest is random.
   */
  rowId: (table: number, i: number) => string;
}

/** The context of a run on the day starting at `dayStart` (checked by the caller). */
export function createContext(options: {
  date: string;
  dayStart: number;
  scale: number;
  noise: boolean;
  seed: number;
}): Context {
  const rnd = random(options.seed);
  const dayEnd = options.dayStart + DAY;
  const now = Math.max(Math.floor(Date.now() / DAY) * DAY, dayEnd + 30 * DAY);
  const growing = (from: number, to: number) => {
    if (to <= from) return from;
    return from + Math.log1p(rnd() * Math.expm1(G * (to - from))) / G;
  };
  const hex = (bits: number) =>
    Math.floor(rnd() * 2 ** bits)
      .toString(16)
      .padStart(bits / 4, '0');
  return {
    date: options.date,
    scale: options.scale,
    noise: options.noise,
    dayStart: options.dayStart,
    dayEnd,
    syStart: Date.UTC(schoolYearOf(options.dayStart), 8, 1),
    now,
    rnd,
    between: (a, b) => a + rnd() * (b - a),
    pick: (list) => list[Math.floor(rnd() * list.length)]!,
    weighted: (list, weight) => {
      let total = 0;
      for (const t of list) total += weight(t);
      let r = rnd() * total;
      for (const t of list) if ((r -= weight(t)) < 0) return t;
      return list[list.length - 1]!;
    },
    growing,
    soonAfter: (from, to) =>
      rnd() < 0.7 ? Math.min(to - MINUTE, from - Math.log(1 - rnd()) * 270 * DAY) : growing(from, to),
    rowId: (table, i) =>
      `${table.toString(16)}${i.toString(16).padStart(7, '0')}-${hex(16)}-4${hex(12)}-8${hex(12)}-${hex(24)}${hex(24)}`,
  };
}
