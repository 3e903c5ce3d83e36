import type { SubmitFunction } from '@sveltejs/kit';

/**
 * For `use:enhance` on the contacts and messages forms. On a refusal: keep what was typed and move
 * the focus to the error summary. When it worked (a redirect back to the page, which stays mounted):
 * empty the text boxes, so that a sent message does not stay in the box. Without JavaScript the page
 * simply reloads.
 */
export const submitForm: SubmitFunction = () => {
  return async ({ formElement, update, result }) => {
    if (result.type === 'redirect') {
      for (const box of formElement.querySelectorAll('textarea')) box.value = '';
    }
    await update({ reset: false });
    if (result.type === 'failure') document.querySelector<HTMLElement>('.alert[role="alert"]')?.focus();
  };
};
