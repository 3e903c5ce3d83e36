import type { Locale } from '@opentwinning/i18n';
import { m } from '$lib/messages';

/** Labels of the validation domain's codes, in the page's language (unknown codes are shown as they are). */

export type Status = 'pending' | 'validated' | 'rejected';
export type RegionalStatus = 'not_required' | 'awaiting' | 'confirmed';

const statuses: Record<Status, () => string> = {
  pending: m.queue_status_pending,
  validated: m.queue_status_validated,
  rejected: m.queue_status_rejected,
};
const regionalStatuses: Record<RegionalStatus, () => string> = {
  not_required: m.queue_regional_not_required,
  awaiting: m.queue_regional_awaiting,
  confirmed: m.queue_regional_confirmed,
};
const schoolRoles: Record<string, () => string> = {
  teacher: m.role_teacher,
  head_teacher: m.role_head_teacher,
  management_team: m.role_management_team,
  teacher_centre_advisor: m.role_teacher_centre_advisor,
  inspector: m.role_inspector,
  librarian: m.role_librarian,
  counsellor: m.role_counsellor,
  administrative_staff: m.role_administrative_staff,
  other_non_teaching_staff: m.role_other_non_teaching_staff,
};
const supportRoles: Record<string, () => string> = {
  css_officer: m.audit_role_css_officer,
  nss_officer: m.audit_role_nss_officer,
  regional_coordinator: m.audit_role_regional_coordinator,
};
const actions: Record<string, () => string> = {
  'affiliation.requested': m.audit_action_affiliation_requested,
  'affiliation.region_confirmed': m.audit_action_affiliation_region_confirmed,
  'affiliation.head_confirmed': m.audit_action_affiliation_head_confirmed,
  'affiliation.validated': m.audit_action_affiliation_validated,
  'affiliation.rejected': m.audit_action_affiliation_rejected,
  'role.granted': m.audit_action_role_granted,
  'role.revoked': m.audit_action_role_revoked,
  'account.created': m.audit_action_account_created,
  'account.deleted': m.audit_action_account_deleted,
  'account.anonymised': m.audit_action_account_anonymised,
  'country.regional_step_on': m.audit_action_country_regional_step_on,
  'country.regional_step_off': m.audit_action_country_regional_step_off,
};

const pick = (table: Record<string, () => string>, code: string | null | undefined) =>
  code ? (table[code]?.() ?? code) : '';

export const statusLabel = (s: string) => pick(statuses, s);
export const regionalStatusLabel = (s: string) => pick(regionalStatuses, s);
export const schoolRoleLabel = (r: string | null) => pick(schoolRoles, r);
export const supportRoleLabel = (r: string | null | undefined) => pick(supportRoles, r);
export const actionLabel = (a: string) => pick(actions, a);

/** The badge class of a status (app.css has pending, validated, rejected and confirmed). */
export function badgeClass(status: string): string {
  const variant = status === 'awaiting' ? 'pending' : status;
  return ['pending', 'validated', 'rejected', 'confirmed'].includes(variant) ? `badge badge--${variant}` : 'badge';
}

/** Subjects are labelled in the shared catalogue as `subject_<id>` (see packages/contracts). */
export function subjectLabel(id: string): string {
  const message = (m as unknown as Record<string, (() => string) | undefined>)[`subject_${id}`];
  return message ? message() : id;
}

export function languageName(code: string, lang: Locale): string {
  try {
    return new Intl.DisplayNames([lang], { type: 'language' }).of(code) ?? code;
  } catch {
    return code;
  }
}

/** Days waited, with the language's plural rule. */
export function daysLabel(count: number, lang: Locale): string {
  return new Intl.PluralRules(lang).select(count) === 'one'
    ? m.queue_days_one({ count })
    : m.queue_days_other({ count });
}

const formatLocale: Record<Locale, string> = { es: 'es-ES', en: 'en-GB' };

/** A moment (ISO timestamp) with its time, in the reader's time zone. */
export function formatMoment(iso: string, lang: Locale, timeZone = 'UTC'): string {
  const options: Intl.DateTimeFormatOptions = { dateStyle: 'medium', timeStyle: 'short' };
  try {
    return new Intl.DateTimeFormat(formatLocale[lang], { ...options, timeZone }).format(new Date(iso));
  } catch {
    return new Intl.DateTimeFormat(formatLocale[lang], { ...options, timeZone: 'UTC' }).format(new Date(iso));
  }
}

/** The audit log writes some actors as plain English labels: show them in the page's language. */
export function actorLabel(actor: string): string {
  if (actor === 'system') return m.audit_actor_system();
  if (actor === 'deleted account') return m.audit_actor_deleted();
  const head = /^head teacher <(.*)>$/.exec(actor);
  if (head) return m.audit_actor_head({ email: head[1] ?? '' });
  return actor;
}

const mailKinds: Record<string, () => string> = {
  confirm_email: m.outbox_kind_confirm_email,
  reset_password: m.outbox_kind_reset_password,
  head_teacher_confirm: m.outbox_kind_head_teacher_confirm,
  affiliation_validated: m.outbox_kind_affiliation_validated,
  affiliation_rejected: m.outbox_kind_affiliation_rejected,
  inactivity_warning: m.outbox_kind_inactivity_warning,
};
const mailStatuses: Record<string, () => string> = {
  queued: m.outbox_status_queued,
  stored: m.outbox_status_stored,
  sent: m.outbox_status_sent,
  failed: m.outbox_status_failed,
};
export const mailKindLabel = (k: string) => pick(mailKinds, k);
export const mailStatusLabel = (s: string) => pick(mailStatuses, s);
