import type { NotificationItem, NotificationsResponse } from '@opentwinning/contracts';
import { pagePath } from '@opentwinning/contracts';
import { and, eq, inArray, isNull, or, sql } from 'drizzle-orm';
import { requireSignedIn, type Actor } from '../../platform/auth/actor.ts';
import type { ServiceContext, Tx } from '../../platform/context.ts';
import type { Db } from '../../platform/db/database.ts';
import { rowsOf, toIso } from '../../platform/db/types.ts';
import { translate, type Locale } from '../../platform/i18n.ts';
import { registerPersonalData } from '../../platform/privacy/registry.ts';
import { notification, type notificationKinds } from './notifications.tables.ts';

type Kind = (typeof notificationKinds)[number];

/**
 * Tells a person that something happened (in-app; and in the daily digest when they asked for it).
 * A second event on the same unread subject (another message in a conversation) bumps the same row.
 */
export async function notify(
  db: Db | Tx,
  n: { personId: string; kind: Kind; actorId: string | null; subjectId: string; at: Date },
): Promise<void> {
  const bumped = await db
    .update(notification)
    .set({ count: sql`${notification.count} + 1`, createdAt: n.at, actorId: n.actorId })
    .where(
      and(
        eq(notification.personId, n.personId),
        eq(notification.kind, n.kind),
        eq(notification.subjectId, n.subjectId),
        isNull(notification.readAt),
      ),
    )
    .returning({ id: notification.id });
  if (!bumped.length) await db.insert(notification).values({ ...n, createdAt: n.at });
}

/** Marks a person's notifications about a subject as read (they opened the conversation, answered the request). */
export async function markSubjectRead(db: Db | Tx, personId: string, subjectId: string, at: Date): Promise<void> {
  await db
    .update(notification)
    .set({ readAt: at })
    .where(
      and(eq(notification.personId, personId), eq(notification.subjectId, subjectId), isNull(notification.readAt)),
    );
}

interface Row {
  id: string;
  kind: Kind;
  subject_id: string;
  count: number;
  created_at: Date | string;
  read_at: Date | string | null;
  username: string | null;
  first_name: string | null;
  last_name: string | null;
  title: string | null;
}

/** Newest first, with who did it and the post title where there is one (read now, never copied). */
async function rowsFor(
  db: Db,
  personId: string,
  options: { limit: number; unreadSince?: Date; until?: Date },
): Promise<Row[]> {
  const since = options.unreadSince
    ? sql`AND n.read_at IS NULL AND n.created_at > ${options.unreadSince.toISOString()}::timestamptz`
    : sql``;
  const until = options.until ? sql`AND n.created_at <= ${options.until.toISOString()}::timestamptz` : sql``;
  return rowsOf<Row>(
    db,
    sql`
    SELECT n.id, n.kind, n.subject_id, n.count, n.created_at, n.read_at,
           CASE WHEN a.anonymised_at IS NULL THEN a.username END AS username,
           CASE WHEN a.anonymised_at IS NULL THEN a.first_name END AS first_name,
           CASE WHEN a.anonymised_at IS NULL THEN a.last_name END AS last_name,
           COALESCE(p.title, pr.title) AS title
    FROM notification n
    LEFT JOIN person a ON a.id = n.actor_id
    LEFT JOIN partner_post p ON n.kind = 'forum_reply' AND p.id = n.subject_id
    LEFT JOIN project pr ON n.kind LIKE 'project\_%' AND pr.id = n.subject_id
    WHERE n.person_id = ${personId}::uuid ${since} ${until}
    ORDER BY n.created_at DESC, n.id DESC
    LIMIT ${options.limit}`,
  );
}

function view(r: Row): NotificationItem {
  return {
    id: r.id,
    kind: r.kind,
    actor: r.username ? { username: r.username, firstName: r.first_name!, lastName: r.last_name! } : null,
    subjectId: r.subject_id,
    title: r.title,
    count: Number(r.count),
    createdAt: toIso(r.created_at),
    read: r.read_at !== null,
  };
}

export async function unreadCount(db: Db, personId: string): Promise<number> {
  const [row] = await rowsOf<{ n: number }>(
    db,
    sql`SELECT count(*)::int AS n FROM notification WHERE person_id = ${personId}::uuid AND read_at IS NULL`,
  );
  return Number(row?.n ?? 0);
}

export async function myNotifications(
  ctx: ServiceContext,
  actor: Actor | null,
  limit: number,
): Promise<NotificationsResponse> {
  const me = requireSignedIn(actor);
  const [items, unread] = await Promise.all([
    rowsFor(ctx.db, me.personId, { limit }),
    unreadCount(ctx.db, me.personId),
  ]);
  return { unread, items: items.map(view) };
}

/** Marks some (or all) of my notifications as read. */
export async function markRead(ctx: ServiceContext, actor: Actor | null, ids: string[] | undefined): Promise<void> {
  const me = requireSignedIn(actor);
  await ctx.db
    .update(notification)
    .set({ readAt: ctx.now() })
    .where(
      and(
        eq(notification.personId, me.personId),
        isNull(notification.readAt),
        ids ? inArray(notification.id, ids.length ? ids : ['00000000-0000-0000-0000-000000000000']) : undefined,
      ),
    );
}

/** One line of the digest, in the recipient's language. */
export function describe(locale: Locale, n: NotificationItem): string {
  const who = n.actor ? `${n.actor.firstName} ${n.actor.lastName}` : translate(locale, 'notification_someone');
  switch (n.kind) {
    case 'contact_request':
      return translate(locale, 'notification_contact_request', { who });
    case 'contact_accepted':
      return translate(locale, 'notification_contact_accepted', { who });
    case 'message':
      return translate(locale, 'notification_message', { who, count: n.count });
    case 'forum_reply':
      return translate(locale, 'notification_forum_reply', { who, title: n.title ?? '', count: n.count });
    default:
      // Projects: "Sophie Laurent chose you as co-founder of “…”", "“…” is active", …
      return translate(locale, `notification_${n.kind}`, { who, title: n.title ?? '' });
  }
}

/**
 * The daily email digest: to each person who asked for it, their notifications still unread
 * that arrived since the last digest, in their language. Returns how many mails were queued.
 */
export async function sendDigests(ctx: ServiceContext): Promise<number> {
  const now = ctx.now();
  const people = await rowsOf<{
    id: string;
    email: string;
    first_name: string;
    ui_language: Locale;
    digest_sent_at: Date | null;
  }>(
    ctx.db,
    sql`
      SELECT p.id, p.email, p.first_name, p.ui_language, p.digest_sent_at
      FROM person p
      WHERE p.daily_digest AND p.anonymised_at IS NULL AND p.email_confirmed_at IS NOT NULL
        AND EXISTS (SELECT 1 FROM notification n WHERE n.person_id = p.id AND n.read_at IS NULL
                    AND n.created_at > COALESCE(p.digest_sent_at, '-infinity'::timestamptz))`,
  );
  let sent = 0;
  for (const p of people) {
    const since = p.digest_sent_at ? new Date(p.digest_sent_at) : new Date(0);
    // Up to the run's time: what arrives meanwhile goes in the next digest (stamped with that time).
    const items = (await rowsFor(ctx.db, p.id, { limit: 50, unreadSince: since, until: now })).map(view);
    if (!items.length) continue;
    const locale = p.ui_language;
    await ctx.db.transaction(async (tx) => {
      await ctx.mailer.enqueue(tx, {
        to: p.email,
        locale,
        kind: 'digest',
        inputs: {
          name: p.first_name,
          lines: items.map((n) => `• ${describe(locale, n)}`).join('\n'),
          link: `${ctx.publicUrl}${pagePath(locale, 'notifications')}`,
          settings: `${ctx.publicUrl}${pagePath(locale, 'profile')}`,
        },
        aboutPersonId: p.id,
      });
      await tx.execute(
        sql`UPDATE person SET digest_sent_at = ${now.toISOString()}::timestamptz WHERE id = ${p.id}::uuid`,
      );
    });
    sent++;
  }
  await ctx.mailer.flush();
  return sent;
}

registerPersonalData({
  name: 'notifications',
  export: (db, personId) => db.select().from(notification).where(eq(notification.personId, personId)),
  async erase() {
    // Notifications go with the person (foreign key cascades); as actor, the reference is cleared.
  },
  async anonymise(tx, personId) {
    await tx.delete(notification).where(eq(notification.personId, personId));
    await tx.update(notification).set({ actorId: null }).where(eq(notification.actorId, personId));
  },
});

/** After a block: neither person keeps notices about the other. */
/** Removes every notice about a thing that no longer exists (a discarded project). */
export async function forgetNoticesAbout(db: Db | Tx, subjectId: string): Promise<void> {
  await db.delete(notification).where(eq(notification.subjectId, subjectId));
}

export async function forgetNoticesBetween(db: Db | Tx, a: string, b: string): Promise<void> {
  await db
    .delete(notification)
    .where(
      or(
        and(eq(notification.personId, a), eq(notification.actorId, b)),
        and(eq(notification.personId, b), eq(notification.actorId, a)),
      ),
    );
}
