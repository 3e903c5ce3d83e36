// Persons, schools and affiliations of the statistics generator: in each country, the teachers the
// targets count on the date (validations spread from the day it joined to the date, growing), and
// around them the noise that must not count. Also the pools of teachers who may found or join
// projects, which the projects draw from.
import { DAY, MINUTE, type Context, type Status } from './statistics-context.ts';
import type { Countries, Country } from './statistics-countries.ts';
import type { TargetPlan } from './statistics-targets.ts';

/** School levels and the pupils' ages they span; a school has one of these. */
export const LEVELS: [levels: string, min: number, max: number][] = [
  ['primary', 6, 12],
  ['primary', 6, 12],
  ['lower_secondary', 11, 15],
  ['primary,lower_secondary', 6, 15],
  ['upper_secondary', 15, 19],
  ['lower_secondary,upper_secondary', 12, 18],
  ['early_childhood', 3, 6],
  ['upper_secondary,initial_vocational', 15, 20],
];
export const SUBJECTS = [
  'foreign_languages',
  'mathematics',
  'history',
  'geography',
  'art',
  'music',
  'natural_sciences',
  'biology',
  'computer_science',
  'language_literature',
  'cross_curricular',
];
export const FIRST_NAMES = [
  'Ana',
  'Jan',
  'Maria',
  'Luca',
  'Elena',
  'Marco',
  'Sofia',
  'Peter',
  'Irene',
  'Nikos',
  'Ayşe',
  'Olena',
];

/** One column per field, one entry per row; times in ms, NaN for none. */
export interface PersonRows {
  country: string[];
  created: number[];
  completed: number[];
  lastSignIn: number[];
  hidden: number[];
}
export interface SchoolRows {
  country: string[];
  region: (number | null)[];
  /** Index in LEVELS. */
  level: number[];
  created: Float64Array;
  /** The person who created it (the first to ask to join it). */
  createdBy: Int32Array;
}
export interface AffiliationRows {
  person: number[];
  school: number[];
  status: Status[];
  created: number[];
  decided: number[];
  ended: number[];
}

/** A country's teachers who may act for their school in projects (validated, not leaving), by validation time. */
export interface TeacherPool {
  v: Float64Array;
  person: Int32Array;
  school: Int32Array;
  /** First validation, and first validation at a second school (a national project needs two). */
  first: number;
  second: number;
}

export interface People {
  persons: PersonRows;
  schools: SchoolRows;
  affiliations: AffiliationRows;
  /** By country code. */
  pools: Map<string, TeacherPool>;
}

/** How many teachers of the pool were validated before t. */
export const validatedBefore = (pool: TeacherPool, t: number) => {
  let lo = 0;
  let hi = pool.v.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (pool.v[mid]! < t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
};
/** Whether a country can take part in a project created and activated at these times. */
export const eligible = (c: Country, pool: TeacherPool, created: number, activated: number, national: boolean) =>
  c.joined <= created &&
  (c.leftEnd === null || activated < c.leftEnd) &&
  (national ? pool.second : pool.first) < created;

interface Affiliation {
  school: number;
  status: Status;
  decided: number;
  ended: number;
  /** When the teacher asked; by default a few days before the decision. */
  asked?: number;
}

export function generatePeople(ctx: Context, countries: Countries, plan: TargetPlan): People {
  const { rnd, between, pick, growing, soonAfter, noise, dayStart, dayEnd, now } = ctx;
  const P: PersonRows = { country: [], created: [], completed: [], lastSignIn: [], hidden: [] };
  const S = { country: [] as string[], region: [] as (number | null)[], level: [] as number[] };
  const A: AffiliationRows = { person: [], school: [], status: [], created: [], decided: [], ended: [] };
  const addSchool = (c: Country) => {
    S.country.push(c.code);
    S.region.push(c.regions.length ? pick(c.regions) : null);
    S.level.push(Math.floor(rnd() * LEVELS.length));
    return S.country.length - 1;
  };
  /** A person and their affiliations: each asked a few days before its decision, the account just before the first. */
  const addTeacher = (c: Country, floor: number, affs: Affiliation[]) => {
    const person = P.country.length;
    let first = Infinity;
    let last = -Infinity;
    for (const a of affs) {
      const lead = Math.min(1, Math.max(0, (Number.isNaN(a.decided) ? 0 : a.decided - floor) / (12 * DAY)));
      const asked = a.asked ?? Math.max(floor, a.decided - between(1, 10) * DAY * lead);
      A.person.push(person);
      A.school.push(a.school);
      A.status.push(a.status);
      A.created.push(asked);
      A.decided.push(a.decided);
      A.ended.push(a.ended);
      first = Math.min(first, asked);
      last = Math.max(last, Number.isNaN(a.decided) ? asked : a.decided, Number.isNaN(a.ended) ? -Infinity : a.ended);
    }
    const created = Math.max(floor, first - rnd() * 20 * MINUTE);
    const signIn = Math.min(now, last + (now - last) * rnd() ** 8);
    P.country.push(c.code);
    P.created.push(created);
    P.completed.push(rnd() < 0.85 ? created + between(5, 120) * MINUTE : NaN);
    P.lastSignIn.push(signIn);
    P.hidden.push(signIn + 365 * DAY < now ? signIn + 365 * DAY : NaN);
    return person;
  };
  /** Pools of teachers who may act for their school in projects, per country. */
  const pools = new Map<string, { v: number; person: number; school: number }[]>(
    countries.all.map((c) => [c.code, []]),
  );

  const noiseSchools = new Map<string, number[]>();
  const noiseSchool = (c: Country) => {
    const list = noiseSchools.get(c.code) ?? [];
    noiseSchools.set(c.code, list);
    if (list.length && rnd() < 0.5) return pick(list);
    list.push(addSchool(c));
    return list[list.length - 1]!;
  };

  /** The teachers of c who count on the date, validated between `from` and `to`; returns their schools. */
  const addCounted = (c: Country, size: { teachers: number; schools: number }, from: number, to: number) => {
    const pool = pools.get(c.code)!;
    const counted: number[] = [];
    // Validations from two weeks after the country joined (requests take a few days) to the date.
    const start = to - from > 28 * DAY ? from + 14 * DAY : from + (to - from) / 2;
    const v = Array.from({ length: size.teachers }, () => growing(start, to)).sort((a, b) => a - b);
    if (noise && c.participating) v[v.length - 1] = dayEnd - between(1, 180) * MINUTE; // late on the day: counts
    for (let j = 0; j < size.schools; j++) counted.push(addSchool(c));
    // Every school gets a teacher, the others go to schools at random (some schools have many).
    const order = Array.from({ length: size.teachers }, (_, i) => i);
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(rnd() * (i + 1));
      [order[i], order[j]] = [order[j]!, order[i]!];
    }
    const schoolOf = new Int32Array(size.teachers);
    order.forEach((i, r) => {
      schoolOf[i] = r < size.schools ? counted[r]! : counted[Math.floor(size.schools * rnd() ** 1.6)]!;
    });
    let boundaryLeaver = noise;
    for (let i = 0; i < size.teachers; i++) {
      const school = schoolOf[i]!;
      const affs: Affiliation[] = [];
      const other = () => {
        for (let k = 0; k < 10; k++) {
          const s = pick(counted);
          if (s !== school) return s;
        }
        return -1;
      };
      // Noise that still counts once: moved from another school before, or working at two schools.
      if (noise && size.schools > 1 && rnd() < 0.015 && v[i]! - start > 60 * DAY) {
        const s = other();
        const v0 = between(start, v[i]! - 40 * DAY);
        if (s >= 0)
          affs.push({ school: s, status: 'validated', decided: v0, ended: between(v0 + DAY, v[i]! - 20 * DAY) });
      }
      let ended = NaN;
      if (noise && rnd() < 0.03) {
        // Leaves after the date: still counts on it (one of them the very next day).
        ended = boundaryLeaver ? dayEnd + between(1, 120) * MINUTE : between(dayEnd, now);
        boundaryLeaver = false;
      }
      affs.push({ school, status: 'validated', decided: v[i]!, ended });
      if (noise && size.schools > 1 && rnd() < 0.01 && to - v[i]! > 2 * DAY) {
        const s = other();
        if (s >= 0) affs.push({ school: s, status: 'validated', decided: between(v[i]! + DAY, to), ended: NaN });
      }
      const person = addTeacher(c, from, affs);
      if (Number.isNaN(ended)) pool.push({ v: v[i]!, person, school });
    }
    return counted;
  };

  /** The teachers of c who must not count on the date; `counted` are the schools of those who do. */
  const addNoise = (c: Country, from: number, to: number, counted: number[]) => {
    const pool = pools.get(c.code)!;
    const base =
      plan.size.get(c.code)?.teachers ??
      (countries.later.includes(c) ? Math.round(plan.teachersPerWeight * c.weight * 0.5) : 0);
    const hostSchool = (share: number) => (counted.length && rnd() < share ? pick(counted) : noiseSchool(c));
    const end = Math.min(now, c.leftEnd ?? Infinity);
    const afterFrom = Math.max(dayEnd, from + 14 * DAY);
    // Validated after the date (the first ones early the next day).
    if (afterFrom < end)
      for (let i = 0, n = Math.round(base * 0.03); i < n; i++) {
        const v = i < 2 ? afterFrom + between(1, 180) * MINUTE : soonAfter(afterFrom, end);
        const school = hostSchool(0.7);
        const person = addTeacher(c, from, [{ school, status: 'validated', decided: v, ended: NaN }]);
        pool.push({ v, person, school });
      }
    if (from + 14 * DAY >= end) return;
    // Still waiting for a decision, asked before or after the date.
    for (let i = 0, n = Math.round(base * 0.015); i < n; i++)
      addTeacher(c, from, [
        { school: hostSchool(0.6), status: 'pending', decided: NaN, ended: NaN, asked: between(from + DAY, end) },
      ]);
    // Rejected.
    for (let i = 0, n = Math.round(base * 0.01); i < n; i++)
      addTeacher(c, from, [
        { school: hostSchool(0.5), status: 'rejected', decided: between(from + 14 * DAY, end), ended: NaN },
      ]);
    // Validated and left on or before the date (one of them on the day itself).
    if (to - from > 28 * DAY)
      for (let i = 0, n = Math.round(base * 0.02); i < n; i++) {
        const v0 = growing(from + 14 * DAY, to - 2 * DAY);
        const ended = i === 0 && c.participating ? dayStart + between(0, 23 * 60) * MINUTE : between(v0 + DAY, to);
        addTeacher(c, from, [{ school: hostSchool(0.7), status: 'validated', decided: v0, ended }]);
      }
  };

  for (const c of countries.all) {
    const from = c.joined;
    const to = Math.min(dayEnd, c.leftEnd ?? Infinity);
    const size = plan.size.get(c.code);
    const counted = size && size.teachers > 0 ? addCounted(c, size, from, to) : [];
    if (noise) addNoise(c, from, to, counted);
  }
  const teacherPools = new Map<string, TeacherPool>();
  for (const c of countries.all) {
    const pool = pools.get(c.code)!.sort((a, b) => a.v - b.v);
    const firstSchool = pool[0]?.school;
    teacherPools.set(c.code, {
      v: Float64Array.from(pool, (e) => e.v),
      person: Int32Array.from(pool, (e) => e.person),
      school: Int32Array.from(pool, (e) => e.school),
      first: pool[0]?.v ?? Infinity,
      second: pool.find((e) => e.school !== firstSchool)?.v ?? Infinity,
    });
  }
  // A school is created just before its first request.
  const created = new Float64Array(S.country.length).fill(Infinity);
  const createdBy = new Int32Array(S.country.length);
  for (let i = 0; i < A.person.length; i++) {
    const s = A.school[i]!;
    if (A.created[i]! < created[s]!) {
      created[s] = A.created[i]!;
      createdBy[s] = A.person[i]!;
    }
  }
  for (let s = 0; s < created.length; s++)
    created[s] = Math.max(countries.byCode.get(S.country[s]!)!.joined, created[s]! - between(1, 60) * MINUTE);

  return { persons: P, schools: { ...S, created, createdBy }, affiliations: A, pools: teacherPools };
}
