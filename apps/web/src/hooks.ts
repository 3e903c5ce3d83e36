import type { Reroute } from '@sveltejs/kit';
import { toInternalPath } from '$lib/paths';

/** Localised slugs (/es/paises) are routed to the page's internal route (/es/countries). */
export const reroute: Reroute = ({ url }) => toInternalPath(url.pathname);
