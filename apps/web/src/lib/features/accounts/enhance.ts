import type { SubmitFunction } from '@sveltejs/kit';

/**
 * For `use:enhance`: keep what the person typed when the form comes back, and move the focus to
 * the error summary when it failed (without JavaScript the page simply reloads).
 */
export const keepValues: SubmitFunction = () => {
  return async ({ update, result }) => {
    await update({ reset: false });
    if (result.type === 'failure') document.querySelector<HTMLElement>('.alert[role="alert"]')?.focus();
  };
};
