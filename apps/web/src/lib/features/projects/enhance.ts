import type { SubmitFunction } from '@sveltejs/kit';

/**
 * For `use:enhance` on the project forms: keep what was typed after a refusal and move the focus
 * to the error summary; a success (a redirect back with a notice) simply updates the page. Without
 * JavaScript the page reloads, with the same result.
 */
export const keepTyped: SubmitFunction = () => {
  return async ({ update, result }) => {
    await update({ reset: false });
    if (result.type === 'failure') document.querySelector<HTMLElement>('.alert[role="alert"]')?.focus();
  };
};
