import type { SeriesPeriod, SeriesResponse } from '@opentwinning/contracts';
import type { Locale } from '@opentwinning/i18n';
import * as m from '@opentwinning/i18n/messages';
import { callApi } from '$lib/api';
import { metricLabel } from './figures';
import { maybeNumberText, periodText } from './present';
import { isIsoDate } from './query';
import type { AsOfView, ChartView } from './types';

/** What the statistics pages share: the API's SVGs and series, the "as of" form. */

export type Fetch = typeof globalThis.fetch;
export interface Event {
  fetch: Fetch;
  url: URL;
  params: Partial<Record<string, string>>;
}

/** Today as the API counts days (UTC): the latest date one may ask for. */
export const today = () => new Date().toISOString().slice(0, 10);

/** The date part of an API query ('' when today). */
export const dateQuery = (date: string) => (date ? { date } : {});
export const qs = (params: Record<string, string | undefined>) =>
  new URLSearchParams(Object.entries(params).filter((e): e is [string, string] => Boolean(e[1]))).toString();

/** An SVG made by the API, inlined only when it is one. */
export async function loadSvg(fetch: Fetch, path: string): Promise<string | null> {
  const result = await callApi<string>(fetch, path, { as: 'text' });
  return result.ok && result.data.trimStart().startsWith('<svg') ? result.data : null;
}

/** The "as of" form: what was asked for (kept when refused, so it can be corrected) and the API's refusal. */
export function asOfView(action: string, date: string, shown: string, refusal: string | null): AsOfView {
  return { action, value: refusal ? (isIsoDate(date) ? date : '') : shown, max: today(), error: refusal };
}

export interface ChartSpec {
  id: string;
  by: SeriesPeriod;
  metric: 'teachers' | 'schools' | 'newProjects';
  title: string;
  /** The table's columns after the period. */
  columns: ('teachers' | 'schools' | 'newProjects' | 'projects' | 'activeProjects')[];
}

/** A chart of the API and the figures of its series as a table. */
export async function loadChart(
  fetch: Fetch,
  spec: ChartSpec,
  series: SeriesResponse | null,
  base: Record<string, string | undefined>,
  lang: Locale,
): Promise<ChartView> {
  const o = { locale: lang };
  const svg = await loadSvg(fetch, `/api/statistics/chart.svg?${qs({ ...base, by: spec.by, metric: spec.metric })}`);
  const table = series
    ? {
        caption: m.stats_chart_table_caption({ title: spec.title }, o),
        columns: [
          spec.by === 'month' ? m.stats_col_month({}, o) : m.stats_col_school_year({}, o),
          ...spec.columns.map((c) => metricLabel(c, lang)),
          m.stats_col_source({}, o),
        ],
        rows: series.points.map((p) => ({
          period: periodText(p.period, spec.by, lang),
          values: [
            ...spec.columns.map((c) => maybeNumberText(p[c], lang)),
            p.source === 'live' ? m.stats_source_live_short({}, o) : m.stats_source_imported_short({}, o),
          ],
          imported: p.source !== 'live',
        })),
      }
    : null;
  return { id: spec.id, title: spec.title, svg, table };
}

export async function loadSeries(fetch: Fetch, by: SeriesPeriod, base: Record<string, string | undefined>) {
  const result = await callApi<SeriesResponse>(fetch, `/api/open-data/series?${qs({ ...base, by })}`);
  return result.ok ? result.data : null;
}
