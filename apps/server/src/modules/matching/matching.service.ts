import type { SuggestionsResponse } from '@opentwinning/contracts';
import { sql, type SQL } from 'drizzle-orm';
import { requireValidated, type Actor } from '../../platform/auth/actor.ts';
import type { ServiceContext } from '../../platform/context.ts';
import type { Db } from '../../platform/db/database.ts';
import { rowsOf } from '../../platform/db/types.ts';
import { AppError } from '../../platform/errors.ts';
import { postForMatching } from '../forum/forum.service.ts';
import { reachableBy, teacherCard, teacherColumns, type TeacherRow } from '../search/search.service.ts';
import { scoreMatch, type MatchProfile } from './score.ts';

/**
 * Suggested partners (R-PF-4): candidates from the partner-search index, ranked by the
 * documented score of score.ts, each with its reasons. Contacts are not suggested.
 */

/** How many candidates are scored: the most recently active ones sharing a language and ages first. */
const POOL = 300;

interface Seeker {
  personId: string;
  schoolId: string | null;
  profile: MatchProfile;
  /** Only candidates from these countries (a post's wish), or any. */
  countries: string[];
}

interface CandidateRow extends TeacherRow {
  time_zone: string;
  day_start: string;
  day_end: string;
}

/** The seeker as the score sees them: their school's ages and day, their languages and subjects. */
async function seekerProfile(db: Db, personId: string, now: Date): Promise<Omit<Seeker, 'countries'>> {
  const [row] = await rowsOf<{
    school_id: string;
    age_min: number;
    age_max: number;
    day_start: string;
    day_end: string;
    languages: string[];
    subjects: string[];
    time_zone: string;
  }>(
    db,
    sql`SELECT s.id AS school_id, s.age_min, s.age_max, s.day_start, s.day_end, p.languages, p.subjects, p.time_zone
        FROM person p
        JOIN affiliation a ON a.person_id = p.id AND a.status = 'validated' AND a.ended_at IS NULL
        JOIN school s ON s.id = a.school_id
        WHERE p.id = ${personId}::uuid ORDER BY a.decided_at NULLS LAST LIMIT 1`,
  );
  if (!row) throw new AppError('ACCOUNT_NOT_VALIDATED', 'error_account_not_validated');
  return {
    personId,
    schoolId: row.school_id,
    profile: {
      ages: { min: row.age_min, max: row.age_max },
      languages: row.languages,
      subjects: row.subjects,
      timeZone: row.time_zone,
      schoolDay: { start: row.day_start, end: row.day_end },
      lastActiveAt: now,
    },
  };
}

async function rank(ctx: ServiceContext, seeker: Seeker, limit: number): Promise<SuggestionsResponse> {
  const p = seeker.profile;
  const langs = sql`${sql.param(p.languages)}::text[]`;
  const base = [
    reachableBy(seeker.personId),
    // Not already contacts (pending requests are still suggested: the answer may come).
    sql`NOT EXISTS (SELECT 1 FROM contact_request cr WHERE cr.status = 'accepted'
          AND ((cr.requester_id = ${seeker.personId}::uuid AND cr.addressee_id = pp.person_id)
            OR (cr.addressee_id = ${seeker.personId}::uuid AND cr.requester_id = pp.person_id)))`,
    seeker.schoolId ? sql`pp.school_id <> ${seeker.schoolId}::uuid` : sql`TRUE`,
    seeker.countries.length ? sql`pp.country_code = ANY(${sql.param(seeker.countries)}::text[])` : sql`TRUE`,
  ];
  const overlapAges = sql`pp.age_min <= ${p.ages.max} AND pp.age_max >= ${p.ages.min}`;
  const select = (extra: SQL, n: number) =>
    rowsOf<CandidateRow>(
      ctx.db,
      sql`SELECT ${teacherColumns}, pp.time_zone, s.day_start, s.day_end
          FROM partner_profile pp JOIN person pe ON pe.id = pp.person_id JOIN school s ON s.id = pp.school_id
          WHERE ${sql.join([...base, extra], sql` AND `)}
          ORDER BY pp.last_active_at DESC, pp.person_id LIMIT ${n}`,
    );
  // The strongest candidates share a language and pupils' ages; widen only when they are too few.
  let pool = await select(sql`pp.languages && ${langs} AND ${overlapAges}`, POOL);
  if (pool.length < limit * 3) {
    const seen = new Set(pool.map((r) => r.person_id));
    const more = await select(sql`(pp.languages && ${langs} OR ${overlapAges})`, POOL);
    pool = [...pool, ...more.filter((r) => !seen.has(r.person_id))];
  }
  const now = ctx.now();
  const scored = pool.map((c) => ({
    row: c,
    match: scoreMatch(
      p,
      {
        ages: { min: c.age_min, max: c.age_max },
        languages: c.languages,
        subjects: c.subjects,
        timeZone: c.time_zone,
        schoolDay: { start: c.day_start, end: c.day_end },
        lastActiveAt: c.last_active_at instanceof Date ? c.last_active_at : new Date(c.last_active_at),
      },
      { now, areContacts: false },
    ),
  }));
  scored.sort((x, y) => y.match.score - x.match.score || x.row.person_id.localeCompare(y.row.person_id));
  return {
    items: scored
      .filter((s) => s.match.score > 0)
      .slice(0, limit)
      .map((s) => ({ teacher: teacherCard(s.row), score: s.match.score, reasons: s.match.reasons })),
  };
}

/** Partners suggested to me, from my profile and my school. */
export async function suggestionsForMe(ctx: ServiceContext, actor: Actor | null, limit: number) {
  const me = requireValidated(actor);
  const seeker = await seekerProfile(ctx.db, me.personId, ctx.now());
  return rank(ctx, { ...seeker, countries: [] }, limit);
}

/** Partners suggested for a forum post (its author's view): the post's ages, languages, subjects and countries. */
export async function suggestionsForPost(ctx: ServiceContext, actor: Actor | null, postId: string, limit: number) {
  const me = requireValidated(actor);
  const { post, authorId } = await postForMatching(ctx, actor, postId);
  if (authorId !== me.personId) throw new AppError('FORBIDDEN', 'error_post_not_mine');
  const seeker = await seekerProfile(ctx.db, me.personId, ctx.now());
  return rank(
    ctx,
    {
      ...seeker,
      profile: { ...seeker.profile, ages: post.ages, languages: post.languages, subjects: post.subjects },
      countries: post.countriesWanted,
    },
    limit,
  );
}
