import { loadGallery } from '$features/gallery/gallery.server';
import type { PageServerLoad } from './$types';

/** The public gallery of projects (R-PRJ-5): no sign-in needed; the search is in the address. */
export const load: PageServerLoad = async (event) => loadGallery(event);
