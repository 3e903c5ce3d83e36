/**
 * Where to go after signing in: only a path of this site (`/es/mi-cuenta?x=1`), never another
 * site (`//evil.example`, `https://…`, `/\evil`). Anything else → undefined.
 */
export function safeNext(value: string | null | undefined): string | undefined {
  if (!value || !value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) return undefined;
  try {
    const base = 'http://opentwinning.invalid';
    const url = new URL(value, base);
    if (url.origin !== base) return undefined;
    return `${url.pathname}${url.search}${url.hash}`;
  } catch {
    return undefined;
  }
}
