// Server-rendered only: the map is a large inline SVG, and the page needs no script to work.
export const csr = false;
