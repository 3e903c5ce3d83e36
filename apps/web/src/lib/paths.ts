import { isLocale, locales, type Locale } from '@opentwinning/i18n';
import { pagePath, pages, type PageName } from '@opentwinning/contracts/paths';

/**
 * Localised addresses. Pages live in `src/routes/[lang=locale]/<route>`; each language shows its
 * own slug (/es/paises ↔ /en/countries). The table is shared with the server (links in emails).
 */
export { pages, type PageName };

/** The address of a page in a language, with an optional query. */
export function href(lang: Locale, page: PageName, query?: Record<string, string | undefined>): string {
  return pagePath(lang, page, query);
}

interface Parsed {
  lang: Locale;
  page: PageName | undefined;
  /** The segment after the language as written in the address. */
  slug: string;
  rest: string;
}

function parse(pathname: string): Parsed | undefined {
  const [, first, slug = '', ...rest] = pathname.split('/');
  if (!isLocale(first)) return undefined;
  const page = (Object.keys(pages) as PageName[]).find((p) => locales.some((l) => pages[p][l] === slug));
  return { lang: first, page, slug, rest: rest.length ? `/${rest.join('/')}` : '' };
}

/** For the router: the internal route of a localised address (/es/paises → /es/countries). */
export function toInternalPath(pathname: string): string {
  const p = parse(pathname);
  if (!p?.page || !p.slug) return pathname;
  const route = pages[p.page].route;
  return `/${p.lang}${route ? `/${route}` : ''}${p.rest}`;
}

/**
 * The canonical address of a path: each language uses its own slug, so /en/paises → /en/countries.
 * Returns undefined when the path is already canonical or is not one of the known pages.
 */
export function canonicalPath(pathname: string): string | undefined {
  const p = parse(pathname);
  if (!p?.page || !p.slug) return undefined;
  const wanted = pages[p.page][p.lang];
  return wanted === p.slug ? undefined : `/${p.lang}/${wanted}${p.rest}`;
}

/** The same page in another language, keeping the query (for the language switcher). */
export function switchLanguage(url: URL, target: Locale): string {
  const p = parse(url.pathname);
  if (!p) return `/${target}`;
  const slug = p.page ? pages[p.page][target] : p.slug;
  const path = slug ? `/${target}/${slug}${p.rest}` : `/${target}`;
  return `${path}${url.search}`;
}
