// The projects of the statistics generator before they have members: when each is approved, its
// kind and size, and which listed countries it must include so that each has exactly its number of
// projects in each period (this school year, before it). Plus the projects that must not count.
import { DAY, G, LAUNCH, MINUTE, type Context } from './statistics-context.ts';
import { sumWeights, type Countries, type Country } from './statistics-countries.ts';
import { eligible, type TeacherPool } from './statistics-people.ts';
import type { ProjectQuota, TargetPlan } from './statistics-targets.ts';

/** A project to be formed: its dates, kind, size and fixed countries. */
export interface Shell {
  activated: number;
  created: number;
  national: boolean;
  /** Countries it aims at (1 for a national project). */
  k: number;
  /** Schools it aims at. */
  n: number;
  /** Listed countries it must include. */
  quota: string[];
  /** null: founded in a country taking part on the date; else the former country that founded it. */
  founder: Country | null;
  /** The end of its period: a project moved later stays before it. */
  segmentEnd: number;
  /** 'counted' (approved on or before the date), 'after' (approved after it), or the state of one never approved. */
  state: string;
}

export interface Schedule {
  /** Approved on or before the date. */
  shells: Shell[];
  /** Approved after the date, or never approved. */
  noiseShells: Shell[];
  /** The listed countries with a quota in each period: a project of that period may include them only as placed. */
  placedIn: Set<string>;
  placedBefore: Set<string>;
}

export function scheduleProjects(
  ctx: Context,
  countries: Countries,
  pools: Map<string, TeacherPool>,
  plan: TargetPlan,
): Schedule {
  const { rnd, between, weighted, growing, soonAfter, noise, scale, dayEnd, syStart, now } = ctx;
  const { byCode, participating, former } = countries;
  const { europe, europeProjects } = plan;

  // Projects start once a few countries have two schools with teachers.
  const seconds = participating
    .concat(former)
    .map((c) => pools.get(c.code)!.second)
    .filter((t) => t < Infinity)
    .sort((a, b) => a - b);
  const projStart = Math.max(LAUNCH + 90 * DAY, (seconds[Math.min(2, seconds.length - 1)] ?? Infinity) + 30 * DAY);
  if (europeProjects > 0 && projStart >= dayEnd)
    throw new Error(`generateStatistics: too few teachers before ${ctx.date} for ${europeProjects} projects`);
  const mass = (a: number, b: number) => (b <= a ? 0 : Math.exp(G * (b - projStart)) - Math.exp(G * (a - projStart)));
  const yearFrom = Math.max(syStart, projStart);
  // Europe's projects approved in the school year so far (Europe's projectsSchoolYear): the target,
  // else their natural share, more if a listed country needs it.
  const quota = new Map<string, ProjectQuota>([...plan.quota].map(([code, q]) => [code, { ...q }]));
  const maxIn = Math.max(0, ...[...quota.values()].map((q) => q.inYear ?? 0));
  const maxBefore = Math.max(0, ...[...quota.values()].map((q) => q.before ?? 0));
  let inYear = Math.round((europeProjects * mass(yearFrom, dayEnd)) / mass(projStart, dayEnd));
  inYear = Math.min(europeProjects - maxBefore, Math.max(inYear, Math.ceil(maxIn / 0.45)));
  if (projStart >= syStart) inYear = europeProjects;
  inYear = europe.projectsSchoolYear ?? inYear;
  if (inYear < maxIn || europeProjects - inYear < maxBefore || (projStart >= syStart && inYear < europeProjects))
    throw new Error(
      `targets: ${europeProjects} Europe projects, ${inYear} of them this school year, cannot hold the countries' ` +
        `projects (up to ${maxIn} this school year and ${maxBefore} before it, scale ${scale})`,
    );
  // A country given only its total shares it between the periods like Europe.
  for (const q of quota.values())
    if (q.total !== undefined) {
      q.inYear = Math.min(q.total, Math.round((q.total * inYear) / Math.max(1, europeProjects)));
      q.before = q.total - q.inYear;
      if (q.before > europeProjects - inYear) {
        q.before = europeProjects - inYear;
        q.inYear = q.total - q.before;
      }
      if (q.inYear > inYear)
        throw new Error(`targets: ${europeProjects} Europe projects cannot hold ${q.total} of one country`);
    }

  const shape = (activated: number, segmentEnd: number, founder: Country | null, state = 'counted'): Shell => {
    const national = rnd() < 0.2;
    const k = national ? 1 : weighted([2, 3, 4], (x) => [50, 30, 20][x - 2]!);
    const n = national
      ? weighted([2, 3, 4, 5], (x) => [60, 25, 10, 5][x - 2]!)
      : Math.min(5, k + weighted([0, 1, 2, 3], (x) => [50, 30, 15, 5][x]!));
    return {
      activated,
      created: activated - between(7, 60) * DAY,
      national,
      k,
      n,
      quota: [],
      founder,
      segmentEnd,
      state,
    };
  };
  const before: Shell[] = Array.from({ length: europeProjects - inYear }, () =>
    shape(growing(projStart, syStart), syStart, null),
  );
  const during: Shell[] = Array.from({ length: inYear }, () => shape(growing(yearFrom, dayEnd), dayEnd, null));
  if (noise) {
    // Boundaries: the first and last minutes of the school year and of the day.
    if (during.length > 2) {
      during[0]!.activated = yearFrom + between(1, 180) * MINUTE;
      during[1]!.activated = dayEnd - between(1, 180) * MINUTE;
      during[0]!.created = during[0]!.activated - between(7, 60) * DAY;
      during[1]!.created = during[1]!.activated - between(7, 60) * DAY;
    }
    if (before.length > 1 && syStart > projStart) {
      before[0]!.activated = syStart - between(1, 180) * MINUTE;
      before[0]!.created = before[0]!.activated - between(7, 60) * DAY;
    }
  }
  // The listed countries' projects: exactly their number in each period, among projects where they fit.
  const place = (shells: Shell[], period: 'inYear' | 'before') => {
    const list = [...quota.entries()]
      .map(([code, q]) => ({ c: byCode.get(code)!, need: q[period] ?? 0, has: q[period] !== undefined }))
      .filter((x) => x.has)
      .sort((a, b) => b.need - a.need);
    for (const { c, need } of list) {
      const pool = pools.get(c.code)!;
      const fit = shells.filter(
        (s) =>
          (s.national ? s.quota.length === 0 : s.quota.length < s.k) &&
          eligible(c, pool, s.created, s.activated, s.national),
      );
      if (fit.length < need)
        throw new Error(
          `targets: ${c.code} needs ${need} projects ${period === 'inYear' ? 'this school year' : 'before this school year'} ` +
            `but only ${fit.length} Europe projects of that period can include it (scale ${scale})`,
        );
      for (let j = 0; j < need; j++) {
        const r = j + Math.floor(rnd() * (fit.length - j));
        [fit[j], fit[r]] = [fit[r]!, fit[j]!];
        fit[j]!.quota.push(c.code);
      }
    }
    return new Set(list.map((x) => x.c.code));
  };
  const placedIn = place(during, 'inYear');
  const placedBefore = place(before, 'before');
  const shells = [...before, ...during];
  // Former countries' own projects (they count for their partners, not for Europe).
  if (noise)
    for (const c of former) {
      const end = Math.min(c.leftEnd!, dayEnd);
      const from = Math.max(projStart, c.joined);
      if (from >= end) continue;
      const n = Math.round((europeProjects / sumWeights(participating)) * c.weight);
      for (let i = 0; i < n; i++) {
        const t = growing(from, end);
        shells.push(shape(t, t < syStart ? Math.min(end, syStart) : end, c));
      }
    }
  // Projects that must not count: approved after the date, still in the making, rejected.
  const noiseShells: Shell[] = [];
  if (noise) {
    const n = (share: number) => Math.max(1, Math.round(europeProjects * share));
    for (let i = 0; i < n(0.04); i++) {
      const t = i < 2 ? dayEnd + between(1, 180) * MINUTE : soonAfter(dayEnd, now);
      noiseShells.push(shape(t, now, null, 'after'));
    }
    for (const [state, share] of [
      ['draft', 0.02],
      ['awaiting_partner', 0.007],
      ['awaiting_approval', 0.007],
      ['rejected', 0.01],
    ] as const)
      for (let i = 0; i < n(share); i++) {
        const t = growing(projStart, now);
        const s = shape(t, now, null, state);
        s.created = t;
        noiseShells.push(s);
      }
  }
  return { shells, noiseShells, placedIn, placedBefore };
}
