import { createHash } from 'node:crypto';
import type { SeriesResponse, StatisticsMetric, StatisticsResponse } from '@opentwinning/contracts';
import { translate, type Locale } from '../../platform/i18n.ts';
import { renderChoroplethMap } from '../countries/countries.map.ts';

type ChartMetric = 'teachers' | 'schools' | 'projects' | 'newProjects' | 'activeProjects';

const longDate = (day: string, locale: Locale) =>
  new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(`${day}T00:00:00Z`));

/** Rendered maps and charts by their input: one is drawn again only when its figures change. */
const rendered = new Map<string, string>();
const RENDERED_MAX = 200;

async function memo(input: unknown, render: () => string | Promise<string>): Promise<string> {
  const key = createHash('sha256').update(JSON.stringify(input)).digest('base64url');
  const hit = rendered.get(key);
  if (hit) return hit;
  const svg = await render();
  if (rendered.size >= RENDERED_MAX) rendered.delete(rendered.keys().next().value!);
  rendered.set(key, svg);
  return svg;
}

/** The choropleth of the participating countries by one figure, with a title and description in words. */
export function mapSvg(data: StatisticsResponse, metric: StatisticsMetric, locale: Locale): Promise<string> {
  // Grouped always (es: 5.000), as on the chart axes and in the legend.
  const format = new Intl.NumberFormat(locale, { useGrouping: 'always' });
  const what = translate(locale, `statistics_metric_${metric}`);
  const entries = data.countries
    .filter((c) => c.participating)
    .map((c) => {
      const value = c[metric] ?? 0;
      return { code: c.code, name: c.name, value, label: `${c.name}: ${format.format(value)}` };
    });
  return memo(['map', metric, locale, data.date, entries], () =>
    renderChoroplethMap(entries, {
      title: translate(locale, 'statistics_map_title', { what, date: longDate(data.date, locale) }),
      desc: translate(locale, 'statistics_map_desc', { count: entries.length }),
      idPrefix: `stat-map-${metric}`,
      locale,
      legendTitle: what,
    }),
  );
}

/**
 * A line chart of a cumulative figure per period, or bars of the projects approved per period.
 * ECharts is loaded with the first chart (about 2 s), not when the server starts.
 */
export function chartSvg(data: SeriesResponse, metric: ChartMetric, locale: Locale): Promise<string> {
  return memo(['chart', metric, locale, data.by, data.name, data.points], async () => {
    const { renderTimeChart } = await import('./statistics.charts.ts');
    const what = translate(locale, `statistics_metric_${metric}`);
    const period = translate(locale, data.by === 'month' ? 'statistics_by_month' : 'statistics_by_school_year');
    return renderTimeChart({
      kind: metric === 'newProjects' ? 'bar' : 'line',
      title: translate(locale, 'statistics_chart_title', { what, area: data.name, period }),
      desc: translate(locale, 'statistics_chart_desc', {
        count: data.points.length,
        from: data.points[0]?.period ?? '',
        to: data.points.at(-1)?.period ?? '',
      }),
      labels: data.points.map((p) => p.period),
      series: [{ name: what, values: data.points.map((p) => p[metric] ?? 0) }],
      idPrefix: `stat-chart-${data.by}-${metric}`,
      locale,
      noData: translate(locale, 'statistics_no_data'),
    });
  });
}
