// Server-rendered only: the map and the charts are large inline SVGs, and the page needs no script.
export const csr = false;
