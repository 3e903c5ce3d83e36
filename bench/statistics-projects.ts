// Projects and members of the statistics generator: each scheduled project gets its countries, its
// member schools and teachers (validated before the project was created), its state and dates, and
// a title, summary and the like.
import { DAY, iso, schoolYearOf, type Context } from './statistics-context.ts';
import type { Countries, Country } from './statistics-countries.ts';
import { eligible, SUBJECTS, validatedBefore, type TeacherPool } from './statistics-people.ts';
import type { Schedule, Shell } from './statistics-schedule.ts';

const TOPICS = [
  'Water for life',
  'Our cities tomorrow',
  'Healthy food, healthy schools',
  'Fairy tales of Europe',
  'Maths in the street',
  'Climate detectives',
  'Coding together',
  'Festivals and traditions',
  'Letters to a friend',
  'The European kitchen',
  'Robots and us',
  'Green schools',
];
const AGES: [number, number][] = [
  [3, 6],
  [6, 12],
  [10, 14],
  [12, 15],
  [15, 19],
];

/**
 * One column per field, one entry per row: persons and schools are indexes in their rows, times in
 * ms (NaN: none), lists comma-separated.
 */
export interface ProjectRows {
  id: string[];
  state: string[];
  kind: string[];
  title: string[];
  summary: (string | null)[];
  languages: string[];
  subjects: string[];
  ageMin: (number | null)[];
  ageMax: (number | null)[];
  pupils: (number | null)[];
  /** Whether the description (tools, aims, work process, results) is filled in. */
  filled: boolean[];
  createdBy: number[];
  cofounder: number[];
  cofounderSchool: number[];
  listed: boolean[];
  rejectedCountry: (string | null)[];
  created: number[];
  changed: number[];
  activated: number[];
  closed: number[];
  archived: number[];
  /** The present members' countries, sorted. */
  countries: string[];
  schools: number[];
  /** The country of the founder's school. */
  founderCountry: string[];
}
export interface MemberRows {
  project: number[];
  person: number[];
  school: number[];
  role: string[];
  joined: number[];
}

export function generateProjects(
  ctx: Context,
  countries: Countries,
  pools: Map<string, TeacherPool>,
  schedule: Schedule,
): { projects: ProjectRows; members: MemberRows } {
  const { rnd, between, pick, weighted, rowId, syStart, now } = ctx;
  const { byCode } = countries;
  const PR: ProjectRows = {
    id: [],
    state: [],
    kind: [],
    title: [],
    summary: [],
    languages: [],
    subjects: [],
    ageMin: [],
    ageMax: [],
    pupils: [],
    filled: [],
    createdBy: [],
    cofounder: [],
    cofounderSchool: [],
    listed: [],
    rejectedCountry: [],
    created: [],
    changed: [],
    activated: [],
    closed: [],
    archived: [],
    countries: [],
    schools: [],
    founderCountry: [],
  };
  const M: MemberRows = { project: [], person: [], school: [], role: [], joined: [] };

  /** Countries, schools and members of a project at its dates; null when it cannot be formed then. */
  const compose = (s: Shell, exclude: Set<string>, requireParticipating: boolean) => {
    const chosen: Country[] = s.quota.map((code) => byCode.get(code)!);
    if (s.founder && !chosen.includes(s.founder)) chosen.unshift(s.founder);
    if (s.national && chosen.length > 1) return null;
    const canJoin = (c: Country, national: boolean) =>
      eligible(c, pools.get(c.code)!, s.created, s.activated, national);
    const fill = (want: number) => {
      const candidates = countries.all.filter(
        (c) => !exclude.has(c.code) && !chosen.includes(c) && canJoin(c, s.national),
      );
      while (chosen.length < want && candidates.length) {
        const c = weighted(candidates, (x) => x.weight);
        chosen.push(c);
        candidates.splice(candidates.indexOf(c), 1);
      }
    };
    fill(s.national ? 1 : s.k);
    if (!s.national && chosen.length < 2 && s.quota.length + (s.founder ? 1 : 0) <= 1) {
      // No partner country can take part yet (or at all): a national project.
      s.national = true;
      s.k = 1;
      if (chosen.length && !canJoin(chosen[0]!, true)) chosen.pop();
      fill(1);
    }
    if (!chosen.length || (!s.national && chosen.length < 2)) return null;
    // The founder: the former country that founded it, else one taking part on the date, by size.
    let founder = s.founder;
    if (!founder) {
      const can = chosen.filter((c) => !requireParticipating || c.participating);
      if (!can.length) return null;
      founder = weighted(can, (c) => c.weight);
    }
    const ordered = [founder, ...chosen.filter((c) => c !== founder)];
    const perCountry = ordered.map(() => 1);
    if (s.national) perCountry[0] = s.n;
    else for (let i = ordered.length; i < s.n; i++) perCountry[Math.floor(rnd() * ordered.length)]!++;
    const used = new Set<number>();
    const picked: number[][] = ordered.map((c, j) => {
      const pool = pools.get(c.code)!;
      const n = validatedBefore(pool, s.created);
      const got: number[] = [];
      for (let tries = 0; got.length < perCountry[j]! && tries < perCountry[j]! * 8; tries++) {
        const i = Math.floor(rnd() * n);
        if (!used.has(pool.school[i]!)) {
          used.add(pool.school[i]!);
          got.push(i);
        }
      }
      return got;
    });
    if (picked.some((g) => !g.length) || (s.national && picked[0]!.length < 2)) return null;
    // Founder, co-founder (same country for a national project, the second country otherwise), partners.
    const members: { c: Country; i: number }[] = [{ c: ordered[0]!, i: picked[0]![0]! }];
    if (s.national) members.push({ c: ordered[0]!, i: picked[0]![1]! });
    else members.push({ c: ordered[1]!, i: picked[1]![0]! });
    ordered.forEach((c, j) =>
      picked[j]!.forEach((i, r) => {
        const isFounder = j === 0 && r === 0;
        const isCofounder = s.national ? j === 0 && r === 1 : j === 1 && r === 0;
        if (!isFounder && !isCofounder) members.push({ c, i });
      }),
    );
    return members.map(({ c, i }) => {
      const pool = pools.get(c.code)!;
      return { country: c.code, person: pool.person[i]!, school: pool.school[i]! };
    });
  };

  const addProject = (s: Shell, exclude: Set<string>, requireParticipating: boolean) => {
    let members = compose(s, exclude, requireParticipating);
    // Too early for these countries: a little later in the same period.
    for (let tries = 0; !members && tries < 30; tries++) {
      s.activated = Math.min(s.segmentEnd - 1, s.activated + (s.segmentEnd - s.activated) * rnd() * 0.5);
      s.created = s.activated - between(7, 60) * DAY;
      if (s.state !== 'counted' && s.state !== 'after') s.created = s.activated;
      members = compose(s, exclude, requireParticipating);
    }
    if (!members)
      throw new Error(
        `generateStatistics: cannot form a project at ${iso(s.activated)} (${s.quota.join(', ') || 'no fixed country'})`,
      );
    const project = PR.id.length;
    const open = s.state === 'counted' || s.state === 'after';
    const created = s.created;
    let activated = NaN;
    let closed = NaN;
    let archived = NaN;
    let state: string = s.state;
    if (open) {
      activated = s.activated;
      state = 'active';
      const closing = activated + between(270, 420) * DAY;
      if (rnd() < 0.85 && closing <= now) {
        state = 'closed';
        closed = closing;
        const archiving = closed + between(90, 400) * DAY;
        if (rnd() < 0.1 && archiving <= now) {
          state = 'archived';
          archived = archiving;
        }
      }
    }
    const present =
      state === 'draft' || state === 'awaiting_partner'
        ? members.slice(0, 1)
        : state === 'awaiting_approval' || state === 'rejected'
          ? members.slice(0, 2)
          : members;
    const accepted = created + (open ? (activated - created) * between(0.05, 0.5) : between(1, 10) * DAY);
    present.forEach((mem, r) => {
      M.project.push(project);
      M.person.push(mem.person);
      M.school.push(mem.school);
      M.role.push(r < 2 ? 'founder' : 'partner');
      // Partners here join before the approval, so that the project counts in their country from it
      // (a country counts a project from the day one of its schools takes part in it, once approved).
      M.joined.push(
        Math.min(now, r === 0 ? created : r === 1 ? accepted : activated - between(0, 1) * (activated - accepted)),
      );
    });
    const founderCountry = byCode.get(members[0]!.country)!;
    const national = members[0]!.country === members[1]!.country;
    const codes = [...new Set(present.map((x) => x.country))].sort();
    const topic = pick(TOPICS);
    const sy = schoolYearOf(Number.isNaN(activated) ? created : activated);
    const filled = open || rnd() < 0.6;
    const age = pick(AGES);
    PR.id.push(rowId(4, PR.id.length));
    PR.state.push(state);
    PR.kind.push(national ? 'national' : 'european');
    PR.title.push(`${topic} ${sy}-${String((sy + 1) % 100).padStart(2, '0')}`);
    PR.summary.push(
      filled
        ? `Pupils of ${members.length} schools${national ? '' : ` in ${new Set(members.map((x) => x.country)).size} countries`} work together: ${topic.toLowerCase()}.`
        : null,
    );
    PR.languages.push([...new Set(national ? [founderCountry.lang] : ['en', founderCountry.lang])].join(','));
    PR.subjects.push(filled ? [...new Set([pick(SUBJECTS), pick(SUBJECTS)])].join(',') : '');
    PR.ageMin.push(filled ? age[0] : null);
    PR.ageMax.push(filled ? age[1] : null);
    PR.pupils.push(filled ? Math.floor(between(10, 200)) : null);
    PR.filled.push(filled);
    PR.createdBy.push(members[0]!.person);
    PR.cofounder.push(members[1]!.person);
    PR.cofounderSchool.push(members[1]!.school);
    PR.listed.push(rnd() >= 0.05);
    PR.rejectedCountry.push(state === 'rejected' ? pick(members.slice(0, 2)).country : null);
    PR.created.push(created);
    const changed = Number.isNaN(activated)
      ? Math.min(now, created + between(0, 30) * DAY)
      : Math.max(activated, Number.isNaN(closed) ? 0 : closed, Number.isNaN(archived) ? 0 : archived);
    PR.changed.push(changed);
    PR.activated.push(activated);
    PR.closed.push(closed);
    PR.archived.push(archived);
    PR.countries.push(codes.join(','));
    PR.schools.push(present.length);
    PR.founderCountry.push(founderCountry.code);
  };
  for (const s of schedule.shells) {
    const period = s.activated >= syStart ? schedule.placedIn : schedule.placedBefore;
    addProject(s, period, s.founder === null);
  }
  const none = new Set<string>();
  for (const s of schedule.noiseShells) addProject(s, none, false);
  return { projects: PR, members: M };
}
