import { AsyncLocalStorage } from 'node:async_hooks';
import { baseLocale, isLocale, negotiateLocale, type Locale } from '@opentwinning/i18n';
import { overwriteGetLocale } from '@opentwinning/i18n/runtime';
import { redirect, type Handle, type HandleFetch, type HandleServerError } from '@sveltejs/kit';
import * as m from '@opentwinning/i18n/messages';
import { canonicalPath } from '$lib/paths';

/** Each request renders in its own language, whatever other requests run at the same time. */
const requestLocale = new AsyncLocalStorage<Locale>();
overwriteGetLocale(() => requestLocale.getStore() ?? baseLocale);

const LANG_COOKIE = 'lang';

export const handle: Handle = async ({ event, resolve }) => {
  const canonical = canonicalPath(event.url.pathname);
  if (canonical) redirect(308, `${canonical}${event.url.search}`);

  const first = event.url.pathname.split('/')[1];
  const lang: Locale = isLocale(first)
    ? first
    : (() => {
        const remembered = event.cookies.get(LANG_COOKIE);
        return isLocale(remembered) ? remembered : negotiateLocale(event.request.headers.get('accept-language'));
      })();
  event.locals.lang = lang;
  if (isLocale(first) && event.cookies.get(LANG_COOKIE) !== lang) {
    // Remember the visitor's language for the next visit to "/".
    event.cookies.set(LANG_COOKIE, lang, {
      path: '/',
      maxAge: 60 * 60 * 24 * 365,
      httpOnly: true,
      sameSite: 'lax',
      secure: event.url.protocol === 'https:',
    });
  }
  return requestLocale.run(lang, () =>
    resolve(event, { transformPageChunk: ({ html }) => html.replace('%lang%', lang) }),
  );
};

/** Unexpected failures while rendering: logged with an id, shown as a plain translated message. */
export const handleError: HandleServerError = ({ error, event, status, message }) => {
  if (status === 404) return { message };
  const id = crypto.randomUUID();
  console.error(
    JSON.stringify({
      level: 'error',
      id,
      path: event.url.pathname,
      status,
      error: String((error as Error)?.stack ?? error),
    }),
  );
  return { message: m.error_internal({}, { locale: event.locals.lang ?? baseLocale }), code: 'INTERNAL' };
};

interface InjectingApp {
  inject(options: { method: string; url: string; headers: Record<string, string>; payload?: Buffer }): Promise<{
    statusCode: number;
    headers: Record<string, string | string[] | number | undefined>;
    rawPayload: Buffer;
  }>;
}

const appKey = Symbol.for('opentwinning.fastify');

/**
 * Page loads call the API in-process (no socket): same routes, same validation, same policies.
 * The caller's cookie and language go along; cookies the API sets come back to the browser.
 */
export const handleFetch: HandleFetch = async ({ event, request, fetch }) => {
  const url = new URL(request.url);
  const app = (globalThis as Record<symbol, InjectingApp | undefined>)[appKey];
  if (url.origin !== event.url.origin || !url.pathname.startsWith('/api/') || !app) {
    if (url.origin === event.url.origin && url.pathname.startsWith('/api/')) {
      request.headers.set('accept-language', event.locals.lang);
    }
    return fetch(request);
  }
  const headers: Record<string, string> = {};
  request.headers.forEach((value, name) => (headers[name] = value));
  const cookie = event.request.headers.get('cookie');
  if (cookie) headers.cookie = cookie;
  headers['accept-language'] = event.locals.lang;
  // The page itself is the caller: SvelteKit has already checked the form's origin (CSRF), and the
  // API checks that writes made with the session cookie come from this site.
  headers.host = event.url.host;
  headers.origin = event.url.origin;
  // The browser's address, vouched for by the process secret shared with the API (see platform/client.ts).
  const secret = (globalThis as Record<symbol, string | undefined>)[Symbol.for('opentwinning.internal-secret')];
  delete headers['x-ot-internal'];
  delete headers['x-ot-client-ip'];
  if (secret) {
    headers['x-ot-internal'] = secret;
    headers['x-ot-client-ip'] = event.getClientAddress();
  }
  const body =
    request.method === 'GET' || request.method === 'HEAD' ? undefined : Buffer.from(await request.arrayBuffer());
  const res = await app.inject({ method: request.method, url: url.pathname + url.search, headers, payload: body });

  const out = new Headers();
  for (const [name, value] of Object.entries(res.headers)) {
    if (value === undefined || name === 'set-cookie' || name === 'content-length') continue;
    for (const v of Array.isArray(value) ? value : [String(value)]) out.append(name, v);
  }
  const setCookies = res.headers['set-cookie'];
  for (const line of Array.isArray(setCookies) ? setCookies : setCookies ? [String(setCookies)] : []) {
    forwardCookie(event, line);
  }
  const bodyless = res.statusCode === 204 || res.statusCode === 304;
  return new Response(bodyless ? null : new Uint8Array(res.rawPayload), { status: res.statusCode, headers: out });
};

/** Re-emits a Set-Cookie line from the API through SvelteKit (which owns the page response). */
function forwardCookie(event: Parameters<HandleFetch>[0]['event'], line: string): void {
  const [pair = '', ...attributes] = line.split(';').map((s) => s.trim());
  const eq = pair.indexOf('=');
  if (eq < 1) return;
  const name = pair.slice(0, eq);
  const value = pair.slice(eq + 1); // kept as the API encoded it
  const options: Parameters<typeof event.cookies.set>[2] = { path: '/', httpOnly: false, secure: false };
  for (const attribute of attributes) {
    const [key = '', v = ''] = attribute.split('=');
    switch (key.toLowerCase()) {
      case 'path':
        options.path = v;
        break;
      case 'max-age':
        options.maxAge = Number(v);
        break;
      case 'expires':
        options.expires = new Date(v);
        break;
      case 'httponly':
        options.httpOnly = true;
        break;
      case 'secure':
        options.secure = true;
        break;
      case 'samesite':
        options.sameSite = v.toLowerCase() as 'lax' | 'strict' | 'none';
        break;
      case 'domain':
        options.domain = v;
        break;
    }
  }
  event.cookies.set(name, value, { ...options, encode: (s: string) => s });
}
