// The inserts of the statistics generator: every table in batches of unnest() over array literals,
// in one transaction, with the row triggers off during a bulk load (the derived columns are written
// directly, and the partner-search index refreshed after).
import type pg from 'pg';
import { iso, schoolYearOf, type Context } from './statistics-context.ts';
import type { Countries } from './statistics-countries.ts';
import { FIRST_NAMES, LEVELS, SUBJECTS, type People } from './statistics-people.ts';
import type { MemberRows, ProjectRows } from './statistics-projects.ts';

const ROWS_PER_INSERT = 10_000;
/** Tables whose row triggers the bulk load disables (partner-search index, project countries and schools). */
const TRIGGERED = ['person', 'affiliation', 'school', 'project_member'];

type Cell = string | number | boolean | null;
/** A PostgreSQL array literal, built here so that the next batch is ready while the previous one runs. */
const arrayLiteral = (values: Cell[]) => {
  let out = '{';
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (i) out += ',';
    if (v === null) out += 'NULL';
    else if (typeof v === 'string') out += `"${v.replace(/["\\]/g, '\\$&')}"`;
    else if (typeof v === 'boolean') out += v ? 't' : 'f';
    else out += String(v);
  }
  return `${out}}`;
};
const range = (from: number, to: number, f: (i: number) => Cell) => {
  const out: Cell[] = new Array(to - from);
  for (let i = from; i < to; i++) out[i - from] = f(i);
  return out;
};

/**
 * Writes the rows, then analyses the tables. One connection and one transaction (a failure leaves
 * nothing behind, the triggers included); each batch's arrays are built while the previous batch
 * runs (never two queries at once). `bulk`: disable the row triggers during the load.
 */
export async function insertRows(
  pool: pg.Pool,
  ctx: Context,
  bulk: boolean,
  countries: Countries,
  people: People,
  rows: { projects: ProjectRows; members: MemberRows },
): Promise<void> {
  const { rnd, pick, rowId } = ctx;
  const { persons: P, schools: S, affiliations: A } = people;
  const { projects: PR, members: M } = rows;
  const personIds = Array.from({ length: P.country.length }, (_, i) => rowId(1, i));
  const schoolIds = Array.from({ length: S.country.length }, (_, i) => rowId(2, i));
  const countryOf = (code: string) => countries.byCode.get(code)!;
  const client = await pool.connect();
  const insert = async (total: number, sql: string, build: (from: number, to: number) => Cell[][]) => {
    let running: Promise<unknown> | null = null;
    for (let a = 0; a < total; a += ROWS_PER_INSERT) {
      const params = build(a, Math.min(total, a + ROWS_PER_INSERT)).map(arrayLiteral);
      await running;
      running = client.query(sql, params);
    }
    await running;
  };
  let committed = false;
  try {
    await client.query('BEGIN');
    if (bulk) for (const t of TRIGGERED) await client.query(`ALTER TABLE ${t} DISABLE TRIGGER USER`);
    await insert(
      P.country.length,
      `INSERT INTO person (id, email, username, first_name, last_name, school_role, subjects, languages,
                           looking_for_partners, ui_language, time_zone, code_of_conduct_accepted_at,
                           email_confirmed_at, profile_completed_at, created_at, last_sign_in_at, hidden_from_search_at)
       SELECT id, 'stat-t' || lpad(n::text, 7, '0') || '@bench.example', 'stat-t' || lpad(n::text, 7, '0'), f, l,
              'teacher', ARRAY[su], string_to_array(la, ','), lo, ui, tz, cr, cr + interval '3 minutes', pc, cr, ls, hi
       FROM unnest($1::uuid[], $2::int[], $3::text[], $4::text[], $5::text[], $6::text[], $7::boolean[], $8::text[],
                   $9::text[], $10::timestamptz[], $11::timestamptz[], $12::timestamptz[], $13::timestamptz[])
            AS t(id, n, f, l, su, la, lo, ui, tz, cr, pc, ls, hi)`,
      (a, b) => [
        personIds.slice(a, b),
        range(a, b, (i) => i),
        range(a, b, () => pick(FIRST_NAMES)),
        range(a, b, (i) => `Stat ${P.country[i]}${i}`),
        range(a, b, () => pick(SUBJECTS)),
        range(a, b, (i) => (countryOf(P.country[i]!).lang === 'en' ? 'en' : `${countryOf(P.country[i]!).lang},en`)),
        range(a, b, () => rnd() < 0.5),
        range(a, b, (i) => (P.country[i] === 'ES' ? 'es' : 'en')),
        range(a, b, (i) => countryOf(P.country[i]!).tz),
        range(a, b, (i) => iso(P.created[i]!)),
        range(a, b, (i) => iso(P.completed[i]!)),
        range(a, b, (i) => iso(P.lastSignIn[i]!)),
        range(a, b, (i) => iso(P.hidden[i]!)),
      ],
    );
    await insert(
      S.country.length,
      `INSERT INTO school (id, country_code, region_id, name, levels, address, city, age_min, age_max, head_name,
                           head_email, created_by, created_at)
       SELECT id, c, r, 'Stat school ' || lpad(n::text, 6, '0'), string_to_array(lv, ','), 'Main street ' || (n % 97 + 1),
              ci, mn, mx, 'Head teacher', 'head-' || n || '@bench.example', cb, cr
       FROM unnest($1::uuid[], $2::int[], $3::text[], $4::int[], $5::text[], $6::text[], $7::int[], $8::int[],
                   $9::uuid[], $10::timestamptz[])
            AS t(id, n, c, r, lv, ci, mn, mx, cb, cr)`,
      (a, b) => [
        schoolIds.slice(a, b),
        range(a, b, (i) => i),
        S.country.slice(a, b),
        S.region.slice(a, b),
        range(a, b, (i) => LEVELS[S.level[i]!]![0]),
        range(a, b, (i) => countryOf(S.country[i]!).city),
        range(a, b, (i) => LEVELS[S.level[i]!]![1]),
        range(a, b, (i) => LEVELS[S.level[i]!]![2]),
        range(a, b, (i) => personIds[S.createdBy[i]!]!),
        range(a, b, (i) => iso(S.created[i]!)),
      ],
    );
    await insert(
      A.person.length,
      `INSERT INTO affiliation (id, person_id, school_id, status, regional_status, regional_confirmed_at, decided_at,
                               decision_reason, created_at, ended_at)
       SELECT id, p, s, st, CASE WHEN NOT rg THEN 'not_required' WHEN st = 'pending' THEN 'awaiting' ELSE 'confirmed' END,
              CASE WHEN rg AND st <> 'pending' THEN cr + (de - cr) / 2 END, de,
              CASE WHEN st = 'rejected' THEN 'Not on the staff list of this school.' END, cr, en
       FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::boolean[], $5::timestamptz[], $6::timestamptz[],
                   $7::timestamptz[], $8::uuid[]) AS t(p, s, st, rg, cr, de, en, id)`,
      (a, b) => [
        range(a, b, (i) => personIds[A.person[i]!]!),
        range(a, b, (i) => schoolIds[A.school[i]!]!),
        A.status.slice(a, b),
        range(a, b, (i) => countryOf(S.country[A.school[i]!]!).regional),
        range(a, b, (i) => iso(A.created[i]!)),
        range(a, b, (i) => iso(A.decided[i]!)),
        range(a, b, (i) => iso(A.ended[i]!)),
        range(a, b, (i) => rowId(3, i)),
      ],
    );
    await insert(
      PR.id.length,
      `INSERT INTO project (id, kind, state, title, summary, languages, age_min, age_max, pupils, subjects, tools, aims,
                            work_process, expected_results, created_by, cofounder_id, cofounder_school_id, listed,
                            rejection_reason, rejected_country, rejected_at, created_at, updated_at, state_changed_at,
                            activated_at, closed_at, archived_at, school_year, country_codes, school_count)
       SELECT id, ki, st, ti, su, string_to_array(la, ','), amin, amax, pu, string_to_array(sj, ','),
              CASE WHEN fi THEN 'TwinSpace, videoconferences, shared documents' END,
              CASE WHEN fi THEN 'Practise languages, digital skills and teamwork through a shared product.' END,
              CASE WHEN fi THEN 'One shared activity a month; each class answers the others within two weeks.' END,
              CASE WHEN fi THEN 'A shared digital book and an exhibition in each school.' END,
              cb, co, cs, li, CASE WHEN rc IS NOT NULL THEN 'The aims need to be more precise.' END, rc,
              CASE WHEN rc IS NOT NULL THEN ch END, cr, ch, ch, ac, cl, ar,
              CASE WHEN ac IS NOT NULL THEN sy END, string_to_array(cc, ','), sc
       FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::int[], $8::int[],
                   $9::int[], $10::text[], $11::boolean[], $12::uuid[], $13::uuid[], $14::uuid[], $15::boolean[],
                   $16::text[], $17::timestamptz[], $18::timestamptz[], $19::timestamptz[], $20::timestamptz[],
                   $21::timestamptz[], $22::int[], $23::text[], $24::int[])
            AS t(id, ki, st, ti, su, la, amin, amax, pu, sj, fi, cb, co, cs, li, rc, cr, ch, ac, cl, ar, sy, cc, sc)`,
      (a, b) => [
        PR.id.slice(a, b),
        PR.kind.slice(a, b),
        PR.state.slice(a, b),
        PR.title.slice(a, b),
        PR.summary.slice(a, b),
        PR.languages.slice(a, b),
        PR.ageMin.slice(a, b),
        PR.ageMax.slice(a, b),
        PR.pupils.slice(a, b),
        PR.subjects.slice(a, b),
        PR.filled.slice(a, b),
        range(a, b, (i) => personIds[PR.createdBy[i]!]!),
        range(a, b, (i) => personIds[PR.cofounder[i]!]!),
        range(a, b, (i) => schoolIds[PR.cofounderSchool[i]!]!),
        PR.listed.slice(a, b),
        PR.rejectedCountry.slice(a, b),
        range(a, b, (i) => iso(PR.created[i]!)),
        range(a, b, (i) => iso(PR.changed[i]!)),
        range(a, b, (i) => iso(PR.activated[i]!)),
        range(a, b, (i) => iso(PR.closed[i]!)),
        range(a, b, (i) => iso(PR.archived[i]!)),
        range(a, b, (i) => schoolYearOf(Number.isNaN(PR.activated[i]!) ? PR.created[i]! : PR.activated[i]!)),
        PR.countries.slice(a, b),
        PR.schools.slice(a, b),
      ],
    );
    await insert(
      M.project.length,
      `INSERT INTO project_member (id, project_id, person_id, school_id, role, joined_at)
       SELECT id, pr, pe, sc, ro, jo
       FROM unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::text[], $5::timestamptz[], $6::uuid[])
            AS t(pr, pe, sc, ro, jo, id)`,
      (a, b) => [
        range(a, b, (i) => PR.id[M.project[i]!]!),
        range(a, b, (i) => personIds[M.person[i]!]!),
        range(a, b, (i) => schoolIds[M.school[i]!]!),
        M.role.slice(a, b),
        range(a, b, (i) => iso(M.joined[i]!)),
        range(a, b, (i) => rowId(5, i)),
      ],
    );
    if (bulk) {
      for (const t of TRIGGERED) await client.query(`ALTER TABLE ${t} ENABLE TRIGGER USER`);
      // The partner-search index, which the disabled triggers keep: the few teachers it shows.
      const open = new Set<number>();
      for (let i = 0; i < A.person.length; i++)
        if (A.status[i] === 'validated' && Number.isNaN(A.ended[i]!)) open.add(A.person[i]!);
      const shown = [...open].filter((p) => !Number.isNaN(P.completed[p]!) && Number.isNaN(P.hidden[p]!));
      await insert(
        shown.length,
        `SELECT count(ot_refresh_partner_profile(id)) FROM unnest($1::uuid[]) AS t(id)`,
        (a, b) => [shown.slice(a, b).map((p) => personIds[p]!)],
      );
    }
    await client.query('COMMIT');
    committed = true;
  } finally {
    // A rollback also puts the triggers back.
    if (!committed) await client.query('ROLLBACK').catch(() => {});
    client.release();
  }
  await pool.query('ANALYZE person, school, affiliation, project, project_member');
}
