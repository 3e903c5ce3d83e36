import { m } from '$lib/messages';

/** The notice after a redirect from a form (`?done=N&decided=…`, or `?notice=…`). */
export function noticeFrom(url: URL): string | undefined {
  const notice = url.searchParams.get('notice');
  const notices: Record<string, () => string> = {
    revoked: m.nss_revoked,
    named: m.nss_named,
    step_on: m.nss_step_done_on,
    step_off: m.nss_step_done_off,
  };
  if (notice) return notices[notice]?.();
  const count = Number(url.searchParams.get('done'));
  if (!Number.isInteger(count) || count <= 0) return undefined;
  switch (url.searchParams.get('decided')) {
    case 'validate':
      return m.queue_done_validate({ count });
    case 'reject':
      return m.queue_done_reject({ count });
    case 'confirm':
      return m.queue_done_confirm({ count });
    default:
      return undefined;
  }
}
