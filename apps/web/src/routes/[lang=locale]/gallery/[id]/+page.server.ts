import { loadPublicProject } from '$features/gallery/gallery.server';
import type { PageServerLoad } from './$types';

/** A public project page (R-PRJ-5): never pupils; teachers' names only for signed-in members. */
export const load: PageServerLoad = async (event) => loadPublicProject(event);
