// The project generator of bench/projects.ts: set-based inserts of realistic projects, members
// and approvals on top of the teachers and schools of bench/profiles.ts.
import type pg from 'pg';
import { generateProfiles, random } from './profiles.ts';
import { type Lang, LANGS, TOPICS, TEXTS, COUNTRY_LANG, AGES, STATES } from './projects-text.ts';

const DAY = 86_400_000;
/** schoolYearOf in apps/server/src/modules/projects/use-cases/decide.ts: September–August. */
const schoolYearOf = (d: Date) => (d.getUTCMonth() >= 8 ? d.getUTCFullYear() : d.getUTCFullYear() - 1);

export interface Timings {
  teachers: number;
  projects: number;
  members: number;
  analyze: number;
}

/**
 * Inserts `count` projects with their members among `teachers` generated teachers (bench/profiles.ts,
 * four per school). Returns the time of each step in seconds.
 */
export async function generateProjects(
  pool: pg.Pool,
  count: number,
  memberTrigger: boolean,
  seed = 7,
): Promise<Timings> {
  const timings: Timings = { teachers: 0, projects: 0, members: 0, analyze: 0 };
  const rnd = random(seed);
  const pick = <T>(list: readonly T[]) => list[Math.floor(rnd() * list.length)]!;
  const weighted = <T>(list: readonly T[], weight: (t: T) => number) => {
    const total = list.reduce((s, t) => s + weight(t), 0);
    let r = rnd() * total;
    for (const t of list) if ((r -= weight(t)) < 0) return t;
    return list[0]!;
  };
  const between = (min: number, max: number) => min + Math.floor(rnd() * (max - min + 1));
  const uuid = () => {
    const h = Array.from({ length: 4 }, () =>
      Math.floor(rnd() * 2 ** 32)
        .toString(16)
        .padStart(8, '0'),
    ).join('');
    return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-8${h.slice(17, 20)}-${h.slice(20, 32)}`;
  };
  const fill = (template: string, v: Record<string, string>) => template.replace(/\{(\w)\}/g, (_, k) => v[k] ?? '');

  let t0 = performance.now();
  const teacherCount = Math.max(400, Math.round(count * 0.8));
  await generateProfiles(pool, teacherCount);
  const { rows: people } = await pool.query<{ person_id: string; school_id: string; country_code: string }>(
    `SELECT a.person_id, a.school_id, s.country_code
     FROM affiliation a JOIN school s ON s.id = a.school_id JOIN person pe ON pe.id = a.person_id
     WHERE s.head_email = 'head@bench.example' ORDER BY pe.username`,
  );
  // Each member row is one of the school's teachers acting for it.
  const teachersAt = new Map<string, string[]>();
  const schoolsIn = new Map<string, string[]>();
  for (const p of people) {
    const at = teachersAt.get(p.school_id);
    if (at) {
      at.push(p.person_id);
      continue;
    }
    teachersAt.set(p.school_id, [p.person_id]);
    schoolsIn.set(p.country_code, [...(schoolsIn.get(p.country_code) ?? []), p.school_id]);
  }
  const allSchools = [...teachersAt.keys()];
  const countryOf = new Map(people.map((p) => [p.school_id, p.country_code]));
  timings.teachers = (performance.now() - t0) / 1000;

  const now = Date.now();
  const start = Date.UTC(2015, 8, 1);
  const iso = (ms: number) => new Date(ms).toISOString();
  if (!memberTrigger) await pool.query('ALTER TABLE project_member DISABLE TRIGGER project_member_refresh');
  const BATCH = 5000;
  for (let b = 0; b < count; b += BATCH) {
    const p = {
      id: [] as string[],
      kind: [] as string[],
      state: [] as string[],
      title: [] as string[],
      summary: [] as (string | null)[],
      languages: [] as string[],
      ageMin: [] as (number | null)[],
      ageMax: [] as (number | null)[],
      pupils: [] as (number | null)[],
      subjects: [] as string[],
      aims: [] as (string | null)[],
      createdBy: [] as string[],
      cofounder: [] as string[],
      cofounderSchool: [] as string[],
      listed: [] as boolean[],
      rejectedCountry: [] as (string | null)[],
      createdAt: [] as string[],
      changedAt: [] as string[],
      activatedAt: [] as (string | null)[],
      closedAt: [] as (string | null)[],
      archivedAt: [] as (string | null)[],
      schoolYear: [] as (number | null)[],
      countries: [] as string[],
      schools: [] as number[],
    };
    const m = {
      project: [] as string[],
      person: [] as string[],
      school: [] as string[],
      role: [] as string[],
      joined: [] as string[],
      left: [] as (string | null)[],
    };
    for (let i = b; i < Math.min(count, b + BATCH); i++) {
      const id = uuid();
      const state = weighted(STATES, (s) => s[1])[0];
      const open = state === 'active' || state === 'closed' || state === 'archived';
      // Founders: one national project in four; a European one has 2–5 countries.
      const founderSchool = pick(allSchools);
      const home = countryOf.get(founderSchool)!;
      const national = rnd() < 0.25;
      const schoolCount = open ? weighted([2, 3, 4, 5, 6], (n) => [30, 30, 20, 12, 8][n - 2]!) : 2;
      const countryCount = national ? 1 : Math.max(2, Math.min(schoolCount, between(2, 5)));
      const countries = [home];
      while (countries.length < countryCount) {
        const c = countryOf.get(pick(allSchools))!;
        if (!countries.includes(c)) countries.push(c);
      }
      const schools = [founderSchool];
      for (let k = 1, guard = 0; k < schoolCount && guard < 50; guard++) {
        const c = k < countryCount ? countries[k]! : pick(countries);
        const s = pick(schoolsIn.get(c)!);
        if (!schools.includes(s)) {
          schools.push(s);
          k++;
        }
      }
      if (schools.length < 2) schools.push(pick(allSchools.filter((s) => s !== founderSchool).slice(0, 50)));
      const kind = countryOf.get(schools[0]!) === countryOf.get(schools[1]!) ? 'national' : 'european';

      // Dates: active ones started in the last 20 months, closed and archived ones earlier (more of them lately).
      let activated: number | null = null;
      let closed: number | null = null;
      let archived: number | null = null;
      let created: number;
      if (open) {
        activated =
          state === 'active'
            ? Math.max(start, now - rnd() * 600 * DAY)
            : start + (now - (state === 'archived' ? 800 : 120) * DAY - start) * Math.sqrt(rnd());
        if (state !== 'active') closed = Math.min(now - DAY, activated + between(90, 365) * DAY);
        if (state === 'archived') archived = Math.min(now - DAY, closed! + between(365, 700) * DAY);
        created = activated - between(7, 60) * DAY;
      } else created = now - rnd() * 365 * DAY;
      const changed = archived ?? closed ?? activated ?? created + rnd() * (now - created);

      // Languages and text: European projects are mostly written in English.
      const native = COUNTRY_LANG[home] ?? 'en';
      const first = kind === 'european' && rnd() < 0.55 ? 'en' : native;
      const languages = [first];
      if (kind === 'european') {
        for (const c of countries) if (rnd() < 0.4) languages.push(COUNTRY_LANG[c] ?? 'en');
        if (rnd() < 0.5) languages.push('en');
      }
      const writesIn: Lang = (LANGS as string[]).includes(first) ? (first as Lang) : 'en';
      const li = LANGS.indexOf(writesIn);
      const topic = weighted(TOPICS, (t) => t.weight);
      const other = weighted(TOPICS, (t) => t.weight);
      const a = topic.words[li] ?? topic.words[0]!;
      const text = TEXTS[writesIn];
      const words = {
        a,
        A: a[0]!.toUpperCase() + a.slice(1),
        b: other.words[li] ?? other.words[0]!,
        n: `${schoolCount}`,
      };
      const age = weighted(AGES, (x) => x.weight);
      const subjects = new Set<string>([pick(topic.subjects), ...(rnd() < 0.5 ? [pick(other.subjects)] : [])]);
      if (rnd() < 0.4) subjects.add(pick(age.extra));
      const filled = state !== 'draft' || rnd() < 0.6;

      const present = state === 'draft' || state === 'awaiting_partner' ? schools.slice(0, 1) : schools;
      const joined = present.map((_, k) =>
        Math.min(now, k < 2 ? created : (activated ?? created) + between(1, 60) * DAY),
      );
      const left = present.map((_, k) =>
        k >= 2 && open && rnd() < 0.03 ? Math.min(now, joined[k]! + 30 * DAY) : null,
      );
      const stay = present.filter((_, k) => left[k] === null);
      const actors = schools.map((s) => pick(teachersAt.get(s)!));
      present.forEach((s, k) => {
        m.project.push(id);
        m.person.push(actors[k]!);
        m.school.push(s);
        m.role.push(k < 2 ? 'founder' : 'partner');
        m.joined.push(iso(joined[k]!));
        m.left.push(left[k] === null ? null : iso(left[k]!));
      });

      p.id.push(id);
      p.kind.push(kind);
      p.state.push(state);
      p.title.push(fill(pick(text.titles), words));
      p.summary.push(filled ? fill(pick(text.summaries), words) : null);
      p.languages.push([...new Set(languages)].join(','));
      p.ageMin.push(filled ? age.ages[0] : null);
      p.ageMax.push(filled ? age.ages[1] : null);
      p.pupils.push(filled ? between(10, 200) : null);
      p.subjects.push(filled ? [...subjects].join(',') : '');
      p.aims.push(filled ? fill(text.aims, words) + (rnd() < 0.002 ? ` ${text.rare}` : '') : null);
      p.createdBy.push(actors[0]!);
      p.cofounder.push(actors[1]!);
      p.cofounderSchool.push(schools[1]!);
      p.listed.push(rnd() >= 0.05);
      p.rejectedCountry.push(state === 'rejected' ? pick(countries) : null);
      p.createdAt.push(iso(created));
      p.changedAt.push(iso(changed));
      p.activatedAt.push(activated === null ? null : iso(activated));
      p.closedAt.push(closed === null ? null : iso(closed));
      p.archivedAt.push(archived === null ? null : iso(archived));
      p.schoolYear.push(activated === null ? null : schoolYearOf(new Date(activated)));
      p.countries.push([...new Set(stay.map((s) => countryOf.get(s)!))].sort().join(','));
      p.schools.push(stay.length);
    }
    t0 = performance.now();
    await pool.query(
      `INSERT INTO project (id, kind, state, title, summary, languages, age_min, age_max, pupils, subjects, tools, aims,
                            work_process, expected_results, created_by, cofounder_id, cofounder_school_id, listed,
                            rejection_reason, rejected_country, rejected_at, created_at, updated_at, state_changed_at,
                            activated_at, closed_at, archived_at, school_year, country_codes, school_count)
       SELECT id, kind, state, title, summary, string_to_array(la, ','), amin, amax, pu, string_to_array(su, ','),
              CASE WHEN aims IS NOT NULL THEN 'TwinSpace, videoconferences, shared documents' END, aims,
              CASE WHEN aims IS NOT NULL THEN 'One shared activity a month; each class answers the others within two weeks.' END,
              CASE WHEN aims IS NOT NULL THEN 'A shared digital book and an exhibition in each school.' END,
              cb, co, cs, li, CASE WHEN rc IS NOT NULL THEN 'The aims need to be more precise.' END, rc,
              CASE WHEN rc IS NOT NULL THEN ch::timestamptz END, cr::timestamptz, ch::timestamptz, ch::timestamptz,
              ac::timestamptz, cl::timestamptz, ar::timestamptz, sy, string_to_array(cc, ','), sc
       FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::int[], $8::int[], $9::int[],
                   $10::text[], $11::text[], $12::uuid[], $13::uuid[], $14::uuid[], $15::boolean[], $16::text[],
                   $17::text[], $18::text[], $19::text[], $20::text[], $21::text[], $22::int[], $23::text[], $24::int[])
            AS t(id, kind, state, title, summary, la, amin, amax, pu, su, aims, cb, co, cs, li, rc, cr, ch, ac, cl, ar, sy, cc, sc)`,
      [
        p.id,
        p.kind,
        p.state,
        p.title,
        p.summary,
        p.languages,
        p.ageMin,
        p.ageMax,
        p.pupils,
        p.subjects,
        p.aims,
        p.createdBy,
        p.cofounder,
        p.cofounderSchool,
        p.listed,
        p.rejectedCountry,
        p.createdAt,
        p.changedAt,
        p.activatedAt,
        p.closedAt,
        p.archivedAt,
        p.schoolYear,
        p.countries,
        p.schools,
      ],
    );
    timings.projects += (performance.now() - t0) / 1000;
    t0 = performance.now();
    await pool.query(
      `INSERT INTO project_member (project_id, person_id, school_id, role, joined_at, left_at)
       SELECT pr, pe, sc, ro, jo::timestamptz, le::timestamptz
       FROM unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::text[], $5::text[], $6::text[]) AS t(pr, pe, sc, ro, jo, le)`,
      [m.project, m.person, m.school, m.role, m.joined, m.left],
    );
    timings.members += (performance.now() - t0) / 1000;
  }
  if (!memberTrigger) await pool.query('ALTER TABLE project_member ENABLE TRIGGER project_member_refresh');
  t0 = performance.now();
  await pool.query('VACUUM ANALYZE project');
  await pool.query('VACUUM ANALYZE project_member');
  timings.analyze = (performance.now() - t0) / 1000;
  return timings;
}
