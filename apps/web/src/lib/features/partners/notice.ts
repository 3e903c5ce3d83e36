import { m } from '$lib/messages';

/** The notice after a contacts action redirected back (`?done=accepted`), in words. */
export function doneNotice(url: URL): string | undefined {
  const notices: Record<string, () => string> = {
    requested: m.contacts_done_requested,
    accepted: m.contacts_done_accepted,
    declined: m.contacts_done_declined,
    withdrawn: m.contacts_done_withdrawn,
    removed: m.contacts_done_removed,
    blocked: m.contacts_done_blocked,
    unblocked: m.contacts_done_unblocked,
  };
  return notices[url.searchParams.get('done') ?? '']?.();
}
