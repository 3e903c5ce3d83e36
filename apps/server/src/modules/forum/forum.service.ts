import type { PostDetail, PostFilters, PostInput, PostListResponse, PostSummary } from '@opentwinning/contracts';
import { and, eq, sql, type SQL } from 'drizzle-orm';
import { requireValidated, type Actor } from '../../platform/auth/actor.ts';
import type { ServiceContext } from '../../platform/context.ts';
import type { Db } from '../../platform/db/database.ts';
import { rowsOf, toIso } from '../../platform/db/types.ts';
import { AppError } from '../../platform/errors.ts';
import { registerPersonalData } from '../../platform/privacy/registry.ts';
import { isBlockedEitherWay } from '../contacts/contacts.service.ts';
import { markSubjectRead, notify } from '../notifications/notifications.service.ts';
import { decodeCursor, encodeCursor, readText } from '../search/search.service.ts';
import { partnerPost, partnerPostReply } from './forum.tables.ts';

/**
 * The partner-finding forum (R-PF-2): validated teachers post a project they offer or seek,
 * others reply; the author closes it. Posts of hidden or anonymised authors are not listed.
 */

/** The country of the school where the person is validated (first one). */
async function countryOf(db: Db, personId: string): Promise<string> {
  const [row] = await rowsOf<{ country_code: string }>(
    db,
    sql`SELECT s.country_code FROM affiliation a JOIN school s ON s.id = a.school_id
        WHERE a.person_id = ${personId}::uuid AND a.status = 'validated' AND a.ended_at IS NULL
        ORDER BY a.decided_at NULLS LAST LIMIT 1`,
  );
  if (!row) throw new AppError('ACCOUNT_NOT_VALIDATED', 'error_account_not_validated');
  return row.country_code;
}

export async function createPost(ctx: ServiceContext, actor: Actor | null, input: PostInput): Promise<{ id: string }> {
  const me = requireValidated(actor);
  const countryCode = await countryOf(ctx.db, me.personId);
  const [row] = await ctx.db
    .insert(partnerPost)
    .values({ ...input, authorId: me.personId, countryCode, createdAt: ctx.now() })
    .returning({ id: partnerPost.id });
  return { id: row!.id };
}

interface PostRow {
  id: string;
  kind: 'offer' | 'seek';
  title: string;
  idea: string;
  language: string;
  age_min: number;
  age_max: number;
  subjects: string[];
  languages: string[];
  countries_wanted: string[];
  country_code: string;
  expected_start: string | null;
  duration_months: number | null;
  status: 'open' | 'closed';
  created_at: Date | string;
  /** created_at as text: microseconds kept for the page cursor. */
  created_key: string;
  replies: number | string;
  author_id: string;
  username: string | null;
  first_name: string | null;
  last_name: string | null;
}

const day = (d: Date | string | null) =>
  d === null ? null : typeof d === 'string' ? d.slice(0, 10) : toIso(d).slice(0, 10);

function summary(r: PostRow, me: string): PostSummary {
  return {
    id: r.id,
    kind: r.kind,
    title: r.title,
    idea: r.idea,
    language: r.language,
    ages: { min: r.age_min, max: r.age_max },
    subjects: r.subjects,
    languages: r.languages,
    countriesWanted: r.countries_wanted,
    countryCode: r.country_code,
    expectedStart: day(r.expected_start),
    durationMonths: r.duration_months,
    status: r.status,
    createdAt: toIso(r.created_at),
    replies: Number(r.replies),
    author: r.username ? { username: r.username, firstName: r.first_name!, lastName: r.last_name! } : null,
    mine: r.author_id === me,
  };
}

const postColumns = sql`p.id, p.kind, p.title, p.idea, p.language, p.age_min, p.age_max, p.subjects, p.languages,
  p.countries_wanted, p.country_code, p.expected_start::text AS expected_start, p.duration_months, p.status,
  p.created_at, p.created_at::text AS created_key, p.author_id, a.username, a.first_name, a.last_name,
  (SELECT count(*) FROM partner_post_reply r WHERE r.post_id = p.id) AS replies`;

/** Posts I may see: mine, or by an author who is findable (not hidden, not anonymised) and not blocked either way. */
const visibleTo = (me: string) => sql`(p.author_id = ${me}::uuid OR (
  a.anonymised_at IS NULL AND a.hidden_from_search_at IS NULL AND NOT EXISTS (
    SELECT 1 FROM person_block b
    WHERE (b.blocker_id = p.author_id AND b.blocked_id = ${me}::uuid)
       OR (b.blocker_id = ${me}::uuid AND b.blocked_id = p.author_id))))`;

export async function listPosts(ctx: ServiceContext, actor: Actor | null, f: PostFilters): Promise<PostListResponse> {
  const me = requireValidated(actor);
  const cursor = decodeCursor(f.cursor);
  const where: SQL[] = [visibleTo(me.personId)];
  if (f.status !== 'all') where.push(sql`p.status = ${f.status}`);
  if (f.kind) where.push(sql`p.kind = ${f.kind}`);
  if (f.mine) where.push(sql`p.author_id = ${me.personId}::uuid`);
  if (f.country.length) where.push(sql`p.country_code = ANY(${sql.param(f.country)}::text[])`);
  if (f.wanted) where.push(sql`(cardinality(p.countries_wanted) = 0 OR ${f.wanted} = ANY(p.countries_wanted))`);
  if (f.ageMin !== undefined) where.push(sql`p.age_max >= ${f.ageMin}`);
  if (f.ageMax !== undefined) where.push(sql`p.age_min <= ${f.ageMax}`);
  if (f.subject.length) where.push(sql`p.subjects && ${sql.param(f.subject)}::text[]`);
  if (f.language.length) where.push(sql`p.languages && ${sql.param(f.language)}::text[]`);
  const text = await readText(ctx.db, f.q);
  if (text) where.push(text.tsquery ? sql`p.document @@ ${text.tsquery}::tsquery` : sql`FALSE`);
  if (cursor) where.push(sql`(p.created_at, p.id) < (${cursor.at}::timestamptz, ${cursor.id}::uuid)`);
  const rows = await rowsOf<PostRow>(
    ctx.db,
    sql`SELECT ${postColumns} FROM partner_post p JOIN person a ON a.id = p.author_id
        WHERE ${sql.join(where, sql` AND `)}
        ORDER BY p.created_at DESC, p.id DESC LIMIT ${f.limit + 1}`,
  );
  const shown = rows.slice(0, f.limit);
  const last = shown.at(-1);
  return {
    items: shown.map((r) => summary(r, me.personId)),
    nextCursor: rows.length > f.limit && last ? encodeCursor({ rank: '0', at: last.created_key, id: last.id }) : null,
  };
}

async function findVisiblePost(db: Db, me: string, id: string): Promise<PostRow> {
  const [row] = await rowsOf<PostRow>(
    db,
    sql`SELECT ${postColumns} FROM partner_post p JOIN person a ON a.id = p.author_id
        WHERE p.id = ${id}::uuid AND ${visibleTo(me)}`,
  );
  if (!row) throw new AppError('NOT_FOUND');
  return row;
}

/** A post with its replies. Its author reading it reads the "replied to your post" notices about it. */
export async function getPost(ctx: ServiceContext, actor: Actor | null, id: string): Promise<PostDetail> {
  const me = requireValidated(actor);
  const post = await findVisiblePost(ctx.db, me.personId, id);
  if (post.author_id === me.personId) await markSubjectRead(ctx.db, me.personId, id, ctx.now());
  const replies = await rowsOf<{
    id: string;
    body: string;
    created_at: Date | string;
    username: string | null;
    first_name: string | null;
    last_name: string | null;
  }>(
    ctx.db,
    sql`SELECT r.id, r.body, r.created_at,
          CASE WHEN a.anonymised_at IS NULL THEN a.username END AS username,
          CASE WHEN a.anonymised_at IS NULL THEN a.first_name END AS first_name,
          CASE WHEN a.anonymised_at IS NULL THEN a.last_name END AS last_name
        FROM partner_post_reply r LEFT JOIN person a ON a.id = r.author_id
        WHERE r.post_id = ${id}::uuid
          AND NOT EXISTS (SELECT 1 FROM person_block b
                          WHERE (b.blocker_id = ${me.personId}::uuid AND b.blocked_id = r.author_id)
                             OR (b.blocker_id = r.author_id AND b.blocked_id = ${me.personId}::uuid))
        ORDER BY r.created_at, r.id`,
  );
  return {
    ...summary(post, me.personId),
    replyList: replies.map((r) => ({
      id: r.id,
      body: r.body,
      createdAt: toIso(r.created_at),
      author: r.username ? { username: r.username, firstName: r.first_name!, lastName: r.last_name! } : null,
    })),
  };
}

export async function replyToPost(
  ctx: ServiceContext,
  actor: Actor | null,
  id: string,
  body: string,
): Promise<{ id: string }> {
  const me = requireValidated(actor);
  const post = await findVisiblePost(ctx.db, me.personId, id);
  if (post.status === 'closed') throw new AppError('CONFLICT', 'error_post_closed');
  if (await isBlockedEitherWay(ctx, me.personId, post.author_id)) throw new AppError('NOT_FOUND');
  const now = ctx.now();
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(partnerPostReply)
      .values({ postId: id, authorId: me.personId, body: body.trim(), createdAt: now })
      .returning({ id: partnerPostReply.id });
    await tx.update(partnerPost).set({ lastReplyAt: now }).where(eq(partnerPost.id, id));
    if (post.author_id !== me.personId)
      await notify(tx, { personId: post.author_id, kind: 'forum_reply', actorId: me.personId, subjectId: id, at: now });
    return { id: row!.id };
  });
}

/** The author closes their post: no more replies; it stays readable. */
export async function closePost(ctx: ServiceContext, actor: Actor | null, id: string): Promise<void> {
  const me = requireValidated(actor);
  const closed = await ctx.db
    .update(partnerPost)
    .set({ status: 'closed', closedAt: ctx.now() })
    .where(and(eq(partnerPost.id, id), eq(partnerPost.authorId, me.personId), eq(partnerPost.status, 'open')))
    .returning({ id: partnerPost.id });
  if (closed.length) return;
  const [post] = await ctx.db.select().from(partnerPost).where(eq(partnerPost.id, id));
  if (!post || post.authorId !== me.personId) throw new AppError('NOT_FOUND');
  throw new AppError('CONFLICT', 'error_post_closed');
}

/** A post as the matching sees it (suggestions for a post; prefilling a project). */
export async function postForMatching(ctx: ServiceContext, actor: Actor | null, id: string) {
  const me = requireValidated(actor);
  const post = await findVisiblePost(ctx.db, me.personId, id);
  return { post: summary(post, me.personId), authorId: post.author_id };
}

registerPersonalData({
  name: 'forum',
  export: async (db, personId) => ({
    posts: (await db.select().from(partnerPost).where(eq(partnerPost.authorId, personId))).map(
      ({ document: _document, ...post }) => post,
    ),
    replies: await db.select().from(partnerPostReply).where(eq(partnerPostReply.authorId, personId)),
  }),
  async erase() {
    // Posts go with their author (cascade); replies to others' posts stay, unsigned (set null).
  },
  async anonymise(tx, personId) {
    await tx.delete(partnerPost).where(eq(partnerPost.authorId, personId));
    await tx.update(partnerPostReply).set({ authorId: null }).where(eq(partnerPostReply.authorId, personId));
  },
});
