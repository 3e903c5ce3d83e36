import type { NotificationItem } from '@opentwinning/contracts';
import type { Locale } from '@opentwinning/i18n';
import { m } from '$lib/messages';
import { href } from '$lib/paths';

/** A notification as the list shows it: worded on the server, so that the page and its hydration agree. */
export interface NotificationView {
  id: string;
  /** "Marco Esposito replied to your post “…” (2)", in the reader's language. */
  text: string;
  /** Where it happened: the conversation, the contacts page, the forum post or the project. */
  href: string;
  read: boolean;
  createdAt: string;
  when: string;
}

/** Where a notification leads. */
export function notificationHref(n: Pick<NotificationItem, 'kind' | 'subjectId'>, lang: Locale): string {
  const id = encodeURIComponent(n.subjectId);
  switch (n.kind) {
    case 'message':
      return `${href(lang, 'inbox')}/${id}`;
    case 'forum_reply':
      return `${href(lang, 'forum')}/${id}`;
    case 'contact_request':
    case 'contact_accepted':
      return href(lang, 'contacts');
    case 'project_cofounder_request':
    case 'project_cofounder_accepted':
    case 'project_cofounder_declined':
    case 'project_approval_needed':
    case 'project_activated':
    case 'project_rejected':
    case 'project_invitation':
    case 'project_member_joined':
      return `${href(lang, 'projects')}/${id}`;
  }
}

/** The same wording as the daily digest (the notification_* messages). */
export function notificationText(n: NotificationItem, lang: Locale): string {
  const o = { locale: lang };
  const who = n.actor ? `${n.actor.firstName} ${n.actor.lastName}` : m.notification_someone({}, o);
  // The project notices: who did it and the project's title.
  const project = { who, title: n.title ?? '' };
  switch (n.kind) {
    case 'contact_request':
      return m.notification_contact_request({ who }, o);
    case 'contact_accepted':
      return m.notification_contact_accepted({ who }, o);
    case 'message':
      return m.notification_message({ who, count: n.count }, o);
    case 'forum_reply':
      return m.notification_forum_reply({ who, title: n.title ?? '', count: n.count }, o);
    case 'project_cofounder_request':
      return m.notification_project_cofounder_request(project, o);
    case 'project_cofounder_accepted':
      return m.notification_project_cofounder_accepted(project, o);
    case 'project_cofounder_declined':
      return m.notification_project_cofounder_declined(project, o);
    case 'project_approval_needed':
      return m.notification_project_approval_needed(project, o);
    case 'project_activated':
      return m.notification_project_activated(project, o);
    case 'project_rejected':
      return m.notification_project_rejected(project, o);
    case 'project_invitation':
      return m.notification_project_invitation(project, o);
    case 'project_member_joined':
      return m.notification_project_member_joined(project, o);
  }
}

export function presentNotification(
  n: NotificationItem,
  lang: Locale,
  when: (iso: string) => string,
): NotificationView {
  return {
    id: n.id,
    text: notificationText(n, lang),
    href: notificationHref(n, lang),
    read: n.read,
    createdAt: n.createdAt,
    when: when(n.createdAt),
  };
}

/** "You have 3 unread notifications", with the language's plural rule. */
export function unreadSummary(unread: number, lang: Locale): string {
  const o = { locale: lang };
  if (unread === 0) return m.notifications_summary_none({}, o);
  return new Intl.PluralRules(lang).select(unread) === 'one'
    ? m.notifications_summary_one({ count: unread }, o)
    : m.notifications_summary_other({ count: unread }, o);
}
