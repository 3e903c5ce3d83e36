import { m } from '$lib/messages';

/** The notice after a project action redirected back (`?done=submitted`), in words. */
export function doneNotice(done: string): string | undefined {
  const notices: Record<string, () => string> = {
    created: m.projects_done_created,
    saved: m.projects_done_saved,
    submitted: m.projects_done_submitted,
    discarded: m.projects_done_discarded,
    reopened: m.projects_done_reopened,
    accepted: m.projects_done_accepted,
    declined: m.projects_done_declined,
    approved: m.projects_done_approved,
    rejected: m.projects_done_rejected,
    consented: m.projects_done_consented,
    closed: m.projects_done_closed,
    listed: m.projects_done_listed,
    unlisted: m.projects_done_unlisted,
    invited: m.projects_done_invited,
    left: m.projects_done_left,
    removed: m.projects_done_removed,
    joined: m.projects_done_joined,
    invitation_declined: m.projects_done_invitation_declined,
  };
  return notices[done]?.();
}
