import { redirect } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';

/** "/" sends the visitor to their language: the one they chose before, else their browser's. */
export const load: PageServerLoad = ({ locals, setHeaders }) => {
  setHeaders({ vary: 'Accept-Language, Cookie' });
  redirect(307, `/${locals.lang}`);
};
