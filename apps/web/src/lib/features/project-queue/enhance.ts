import { invalidateAll } from '$app/navigation';
import type { SubmitFunction } from '@sveltejs/kit';

/**
 * For `use:enhance` on a row's decision forms. When it worked (a redirect back to the queue), the
 * row is gone with its button: the focus moves to the notice that says what was done. On a
 * refusal, what was typed stays and the focus moves to the error; on a conflict (a colleague
 * decided meanwhile) the queue is also reloaded, so that it shows the steps as they now are.
 * Without JavaScript the page simply reloads.
 */
export const decide: SubmitFunction = () => {
  return async ({ update, result }) => {
    await update({ reset: false });
    if (result.type === 'failure' && result.status === 409) await invalidateAll();
    const target = result.type === 'failure' ? '.alert[role="alert"]' : '#queue-notice';
    document.querySelector<HTMLElement>(target)?.focus();
  };
};
