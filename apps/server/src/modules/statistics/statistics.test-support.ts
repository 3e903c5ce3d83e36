// Test data for the statistics: histories written straight into the tables (dated in the past,
// which the API cannot do), and the figures counted directly from the tables, to compare with
// what the roll-up and the live part answer.
import { sql } from 'drizzle-orm';
import { random as prng } from '../../../../../bench/profiles.ts';
import type { Db } from '../../platform/db/database.ts';

const DAY = 86_400_000;
const at = (ms: number) => new Date(ms).toISOString();

export async function insertSchool(db: Db, countryCode: string, name: string): Promise<string> {
  const { rows } = await db.execute(sql`
    INSERT INTO school (country_code, name, levels, address, city, age_min, age_max, head_name, head_email)
    VALUES (${countryCode}, ${name}, ARRAY['primary'], 'Calle 1', 'Ciudad', 6, 12, 'Head', 'head@example.org')
    RETURNING id`);
  return (rows[0] as { id: string }).id;
}

export async function insertPerson(db: Db, username: string): Promise<string> {
  const { rows } = await db.execute(sql`
    INSERT INTO person (email, username, first_name, last_name, code_of_conduct_accepted_at)
    VALUES (${`${username}@example.org`}, ${username}, 'Stat', 'Person', now()) RETURNING id`);
  return (rows[0] as { id: string }).id;
}

export async function insertAffiliation(
  db: Db,
  a: {
    personId: string;
    schoolId: string;
    status: 'validated' | 'pending' | 'rejected';
    decidedAt?: string;
    endedAt?: string;
    createdAt?: string;
  },
): Promise<void> {
  await db.execute(sql`
    INSERT INTO affiliation (person_id, school_id, status, decided_at, ended_at, created_at, decision_reason)
    VALUES (${a.personId}, ${a.schoolId}, ${a.status}, ${a.decidedAt ?? null}, ${a.endedAt ?? null},
            ${a.createdAt ?? a.decidedAt ?? new Date().toISOString()}, ${a.status === 'rejected' ? 'not staff' : null})`);
}

/** An approved project (active, or closed at `closedAt`) of the given members' schools; the first creates it. */
export async function insertProject(
  db: Db,
  p: { members: { personId: string; schoolId: string }[]; activatedAt: string; closedAt?: string; title?: string },
): Promise<string> {
  const { rows } = await db.execute(sql`
    INSERT INTO project (kind, state, title, created_by, activated_at, closed_at, school_year)
    VALUES ('european', ${p.closedAt ? 'closed' : 'active'}, ${p.title ?? 'Statistics project'}, ${p.members[0]!.personId},
            ${p.activatedAt}, ${p.closedAt ?? null}, 2015)
    RETURNING id`);
  const id = (rows[0] as { id: string }).id;
  for (const [i, m] of p.members.entries()) {
    await db.execute(sql`
      INSERT INTO project_member (project_id, person_id, school_id, role, joined_at)
      VALUES (${id}, ${m.personId}, ${m.schoolId}, ${i < 2 ? 'founder' : 'partner'}, ${at(Date.parse(p.activatedAt) - DAY + i * 1000)})`);
  }
  return id;
}

/**
 * A random history between `from` and `to` over a few countries: teachers joining, leaving and
 * coming back (gaps), several schools per teacher, pending and rejected requests, same-day
 * validation and leaving, projects approved and closed.
 */
export async function insertRandomHistory(
  db: Db,
  options: {
    seed: number;
    from: string;
    to: string;
    countries: string[];
    teachers: number;
    schools: number;
    projects: number;
  },
): Promise<void> {
  const rnd = prng(options.seed);
  const start = Date.parse(`${options.from}T00:00:00Z`);
  const span = Date.parse(`${options.to}T23:59:59Z`) - start;
  const when = () => start + Math.floor(rnd() * span);
  const pick = <T>(list: T[]) => list[Math.floor(rnd() * list.length)]!;
  const schools: { id: string; country: string }[] = [];
  for (let i = 0; i < options.schools; i++) {
    const country = pick(options.countries);
    schools.push({ id: await insertSchool(db, country, `Stat school ${options.seed}-${i}`), country });
  }
  const members: { personId: string; schoolId: string; since: number }[] = [];
  for (let i = 0; i < options.teachers; i++) {
    const personId = await insertPerson(db, `stat-${options.seed}-${i}`);
    const used = new Set<string>();
    const affiliations = 1 + Math.floor(rnd() * 3);
    for (let k = 0; k < affiliations; k++) {
      const school = pick(schools);
      if (used.has(school.id)) continue;
      used.add(school.id);
      const roll = rnd();
      if (roll < 0.1) {
        await insertAffiliation(db, { personId, schoolId: school.id, status: 'pending', createdAt: at(when()) });
        continue;
      }
      if (roll < 0.15) {
        await insertAffiliation(db, { personId, schoolId: school.id, status: 'rejected', decidedAt: at(when()) });
        continue;
      }
      const decided = when();
      const ends = rnd() < 0.3;
      // Sometimes the same day (counts on no day), else a later day.
      const ended = ends
        ? rnd() < 0.15
          ? decided + 60_000
          : decided + Math.floor(rnd() * (start + span - decided))
        : undefined;
      if (ended !== undefined && ended > start + span) continue;
      if (ended !== undefined) {
        // Left, and sometimes back at the same school later (a gap).
        await insertAffiliation(db, {
          personId,
          schoolId: school.id,
          status: 'validated',
          decidedAt: at(decided),
          endedAt: at(ended),
        });
        if (rnd() < 0.3) {
          const back = ended + Math.floor(rnd() * (start + span - ended));
          await insertAffiliation(db, { personId, schoolId: school.id, status: 'validated', decidedAt: at(back) });
          members.push({ personId, schoolId: school.id, since: back });
        }
      } else {
        await insertAffiliation(db, { personId, schoolId: school.id, status: 'validated', decidedAt: at(decided) });
        members.push({ personId, schoolId: school.id, since: decided });
      }
    }
  }
  for (let i = 0; i < options.projects && members.length >= 2; i++) {
    const size = 2 + Math.floor(rnd() * 3);
    const chosen = new Map<string, { personId: string; schoolId: string; since: number }>();
    for (let k = 0; k < size * 3 && chosen.size < size; k++) {
      const m = pick(members);
      if (![...chosen.values()].some((c) => c.schoolId === m.schoolId)) chosen.set(m.personId, m);
    }
    if (chosen.size < 2) continue;
    const list = [...chosen.values()];
    const earliest = Math.max(...list.map((m) => m.since));
    const activated = earliest + Math.floor(rnd() * (start + span - earliest));
    const closed = rnd() < 0.4 ? activated + Math.floor(rnd() * (start + span - activated)) : undefined;
    const id = await insertProject(db, {
      members: list,
      activatedAt: at(activated),
      closedAt: closed === undefined ? undefined : at(closed),
    });
    // Sometimes a partner school joins once the project runs, and sometimes leaves again.
    const late = pick(members);
    if (rnd() < 0.35 && !list.some((m) => m.schoolId === late.schoolId || m.personId === late.personId)) {
      const from = Math.max(activated, late.since);
      const end = closed ?? start + span;
      const joined = from + Math.floor(rnd() * Math.max(0, end - from));
      const left = rnd() < 0.5 ? joined + Math.floor(rnd() * Math.max(0, end - joined)) : undefined;
      await db.execute(sql`
        INSERT INTO project_member (project_id, person_id, school_id, role, joined_at, left_at)
        VALUES (${id}, ${late.personId}, ${late.schoolId}, 'partner', ${at(joined)}, ${left === undefined ? null : at(left)})`);
    }
  }
}

export interface DirectFigures {
  teachers: number;
  schools: number;
  projects: number;
  projectsThisSchoolYear: number;
  activeProjects: number;
}

/** The figures of one country as of the end of `day`, counted straight from the tables. */
export async function directCount(db: Db, code: string, day: string, yearFrom: string): Promise<DirectFigures> {
  const { rows } = await db.execute(sql`
    WITH v AS (
      -- Validated affiliations, and those of deleted accounts (kept under a random key).
      SELECT a.person_id, a.school_id FROM (
        SELECT person_id, school_id, decided_at, ended_at FROM affiliation WHERE status = 'validated'
        UNION ALL SELECT person_key, school_id, decided_at, ended_at FROM stat_departed_affiliation
      ) a JOIN school s ON s.id = a.school_id
      WHERE s.country_code = ${code}
        AND (a.decided_at AT TIME ZONE 'UTC')::date <= ${day}::date
        AND (a.ended_at IS NULL OR (a.ended_at AT TIME ZONE 'UTC')::date > ${day}::date)
    ), presence AS (
      -- Each member school's time in an approved project: [later of joining and approval, earlier of leaving and closing).
      SELECT * FROM (
        SELECT p.id, greatest((p.activated_at AT TIME ZONE 'UTC')::date, (m.joined_at AT TIME ZONE 'UTC')::date) AS d_in,
               least((p.closed_at AT TIME ZONE 'UTC')::date, (m.left_at AT TIME ZONE 'UTC')::date) AS d_out
        FROM project p JOIN project_member m ON m.project_id = p.id JOIN school s ON s.id = m.school_id
        WHERE s.country_code = ${code} AND p.activated_at IS NOT NULL
      ) x WHERE d_out IS NULL OR d_in < d_out
    ), p AS (
      SELECT id, min(d_in) AS first FROM presence WHERE d_in <= ${day}::date GROUP BY id
    )
    SELECT (SELECT count(DISTINCT person_id) FROM v)::int AS teachers,
           (SELECT count(DISTINCT school_id) FROM v)::int AS schools,
           (SELECT count(*) FROM p)::int AS projects,
           (SELECT count(*) FROM p WHERE first >= ${yearFrom}::date)::int AS "projectsThisSchoolYear",
           (SELECT count(DISTINCT id) FROM presence
            WHERE d_in <= ${day}::date AND (d_out IS NULL OR d_out > ${day}::date))::int AS "activeProjects"`);
  return rows[0] as unknown as DirectFigures;
}

/** Europe's projects as of the end of `day`: each once, when its founding country takes part on the day. */
export async function directEuropeProjects(db: Db, day: string): Promise<number> {
  const { rows } = await db.execute(sql`
    SELECT count(*)::int AS n FROM project p
    JOIN LATERAL (
      SELECT s.country_code FROM project_member m JOIN school s ON s.id = m.school_id
      WHERE m.project_id = p.id AND m.role = 'founder' AND m.person_id = p.created_by LIMIT 1
    ) lead ON true
    JOIN country c ON c.code = lead.country_code AND c.joined_on <= ${day}::date AND (c.left_on IS NULL OR c.left_on >= ${day}::date)
    WHERE p.activated_at IS NOT NULL AND (p.activated_at AT TIME ZONE 'UTC')::date <= ${day}::date`);
  return (rows[0] as { n: number }).n;
}
