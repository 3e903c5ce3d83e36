import { invalidateAll } from '$app/navigation';
import type { SubmitFunction } from '@sveltejs/kit';

/**
 * For `use:enhance` on the forum's forms. On a refusal: keep what was typed and move the focus to
 * the error summary; on a conflict (the post was closed meanwhile) also reload the page's data, so
 * that it shows the post as it now is. When it worked (a redirect, maybe back to the same page):
 * empty the text boxes, so that a sent reply does not stay in its box. Without JavaScript the page
 * simply reloads.
 */
export const keepTyped: SubmitFunction = () => {
  return async ({ formElement, update, result }) => {
    if (result.type === 'redirect') {
      for (const box of formElement.querySelectorAll('textarea')) box.value = '';
    }
    await update({ reset: false });
    if (result.type === 'failure' && result.status === 409) await invalidateAll();
    if (result.type === 'failure') document.querySelector<HTMLElement>('.alert[role="alert"]')?.focus();
  };
};
