import type { Locale } from '@opentwinning/i18n';
// The catalogue itself (not $lib/messages), so that this wording can be tested on its own.
import * as m from '@opentwinning/i18n/messages';
import { pagePath } from '@opentwinning/contracts/paths';
import type { LinkView } from './types';

/** A country's statistics page: /es/estadisticas/ES, /en/statistics/ES (the date kept when chosen). */
export function countryStatsHref(lang: Locale, code: string, date?: string): string {
  const base = `${pagePath(lang, 'statistics')}/${encodeURIComponent(code)}`;
  return date ? `${base}?${new URLSearchParams({ date })}` : base;
}

/** Europe's statistics page, the date kept when chosen. */
export function europeStatsHref(lang: Locale, date?: string): string {
  return pagePath(lang, 'statistics', { date });
}

/**
 * The open data behind a page (JSON and CSV), for the date shown and in the page's language:
 * the figures of that day (Europe and every country, or one country) and the monthly series.
 */
export function openDataLinks(lang: Locale, date: string | undefined, country?: string): LinkView[] {
  const o = { locale: lang };
  const q = (extra: Record<string, string | undefined>) => {
    const params = new URLSearchParams(
      Object.entries({ ...extra, date, lang }).filter((e): e is [string, string] => Boolean(e[1])),
    );
    return `?${params}`;
  };
  const figures = country ? `/api/open-data/statistics/${encodeURIComponent(country)}` : '/api/open-data/statistics';
  const label = country ? m.stats_open_country({}, o) : m.stats_open_figures({}, o);
  const links: LinkView[] = [
    { label: `${label} (JSON)`, href: `${figures}${q({})}`, type: 'application/json' },
    { label: `${label} (CSV)`, href: `${figures}${q({ format: 'csv' })}`, type: 'text/csv' },
  ];
  for (const by of ['month', 'school-year'] as const) {
    const label = by === 'month' ? m.stats_open_series_month : m.stats_open_series_year;
    const base = `/api/open-data/series${q({ country, by })}`;
    links.push(
      { label: `${label({}, o)} (JSON)`, href: base, type: 'application/json' },
      { label: `${label({}, o)} (CSV)`, href: `${base}&format=csv`, type: 'text/csv' },
    );
  }
  return links;
}
