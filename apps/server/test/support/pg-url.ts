/** The same server address with another database name. */
export function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

/** An address on the same server for CREATE/DROP DATABASE (the database named in the URL). */
export function adminUrl(url: string): string {
  return url;
}
