import * as echarts from 'echarts/core';
import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent } from 'echarts/components';
import { SVGRenderer } from 'echarts/renderers';

echarts.use([BarChart, LineChart, GridComponent, LegendComponent, SVGRenderer]);

export interface ChartSeries {
  name: string;
  values: number[];
}

export interface TimeChart {
  kind: 'line' | 'bar';
  /** Accessible name (svg <title>) and description (<desc>), already in the reader's language. */
  title: string;
  desc: string;
  /** x-axis labels, one per point (e.g. '2015-09' or '2015-16'). */
  labels: string[];
  /** 1 to 3 series (more are cut to the first 3). */
  series: ChartSeries[];
  /** Unique id prefix (per page) for the title/desc/clip-path ids, e.g. 'chart-teachers'. */
  idPrefix: string;
  /** Number formatting locale for axis labels: 'es' or 'en' (es: 30.131, en: 30,131). */
  locale: 'es' | 'en';
  /** Shown instead of a chart when there is nothing to draw, already translated ("Sin datos" / "No data"). */
  noData: string;
  width?: number; // default 760
  height?: number; // default 320
}

/** Distinct on white (contrast ≥ 3:1 for graphics), and told apart by colour-blind readers too. */
export const chartColours = ['#1f5fa8', '#c77700', '#2e8b6e'] as const;
const INK_SOFT = '#4a5563';
const GRID_LINE = '#e3e8ee';
const AXIS_LINE = '#8a94a3';
const FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, Arial, sans-serif";
const FONT_SIZE = 13;
/** At most this many x-axis labels are shown; the rest are skipped at a regular step. */
const MAX_X_LABELS = 12;
const X_FONT_SIZE = 12;

/** Thousands separators always (Spanish CLDR leaves 4-digit numbers ungrouped: 5000 → 5.000 here). */
export const numberFormat = (locale: 'es' | 'en', options: Intl.NumberFormatOptions = {}) =>
  new Intl.NumberFormat(locale === 'es' ? 'es-ES' : 'en-GB', { useGrouping: 'always', ...options });

const escapeXml = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/**
 * How many x-axis labels fit side by side: at most MAX_X_LABELS, fewer when they are long. The width
 * of a label is estimated (no layout engine here) at 0.56 em per character, digits in common UI fonts.
 */
export function maxXLabels(labels: string[], plotWidth: number): number {
  const longest = Math.max(1, ...labels.map((l) => l.length));
  return Math.max(2, Math.min(MAX_X_LABELS, Math.floor(plotWidth / (longest * 0.56 * X_FONT_SIZE + 6))));
}

/**
 * The step between shown x-axis labels: the smallest of 1, 2, 3, 4, 6, 12, 24, 36, … (whole years
 * for monthly data) that keeps at most `max` labels. Returned as ECharts' `interval` (step − 1).
 */
export function xLabelInterval(count: number, max = MAX_X_LABELS): number {
  const steps = [1, 2, 3, 4, 6, 12];
  let step = steps.find((s) => Math.ceil(count / s) <= max);
  if (step === undefined) {
    step = 24;
    while (Math.ceil(count / step) > max) step += 12;
  }
  return step - 1;
}

/**
 * A time series as an accessible, CSP-safe SVG string, drawn by ECharts on the server: role="img"
 * named by its <title> and described by its <desc> (the page shows the figures in a table next to
 * it, so the drawing itself is decorative), no <style> element and no style attribute, ids prefixed
 * with `idPrefix`, no width/height (it scales to its container; the viewBox keeps the proportions).
 */
export function renderTimeChart(chart: TimeChart): string {
  const width = chart.width ?? 760;
  const height = chart.height ?? 320;
  const series = chart.series.slice(0, chartColours.length);
  const points = Math.max(0, ...series.map((s) => s.values.length));
  if (chart.labels.length === 0 || points === 0) return renderNoData(chart, width, height);

  const format = numberFormat(chart.locale, { maximumFractionDigits: 1 });
  const several = series.length > 1;
  const long = chart.labels.length > 36;
  const textStyle = { color: INK_SOFT, fontSize: FONT_SIZE, fontFamily: FONT };
  // ~70 px go to the y-axis labels and the margins.
  const interval = xLabelInterval(chart.labels.length, maxXLabels(chart.labels, width - 70));

  const instance = echarts.init(null, null, { renderer: 'svg', ssr: true, width, height });
  try {
    instance.setOption({
      animation: false,
      color: [...chartColours],
      textStyle,
      grid: {
        left: 16,
        right: 24,
        top: several ? 48 : 16,
        bottom: 8,
        // ECharts shrinks the plot so that the axis labels stay inside these bounds; the margin
        // covers fonts wider than its estimate of the label widths.
        outerBounds: { left: 14, right: 14, top: 8, bottom: 4 },
      },
      legend: several
        ? {
            top: 8,
            left: 'center',
            itemWidth: 22,
            itemHeight: 12,
            itemGap: 24,
            textStyle,
            selectedMode: false,
            data: series.map((s) => s.name),
          }
        : { show: false },
      xAxis: {
        type: 'category',
        data: chart.labels,
        boundaryGap: chart.kind === 'bar',
        axisLine: { lineStyle: { color: AXIS_LINE } },
        axisTick: { alignWithLabel: true, interval, lineStyle: { color: AXIS_LINE } },
        axisLabel: { ...textStyle, fontSize: X_FONT_SIZE, interval, hideOverlap: false, margin: 10 },
      },
      yAxis: {
        type: 'value',
        minInterval: 1,
        splitNumber: 5,
        axisLabel: { ...textStyle, formatter: (v: number) => format.format(v) },
        splitLine: { lineStyle: { color: GRID_LINE, width: 1 } },
      },
      series: series.map((s) =>
        chart.kind === 'bar'
          ? { type: 'bar', name: s.name, data: s.values, barMaxWidth: 36, silent: true, emphasis: { disabled: true } }
          : {
              type: 'line',
              name: s.name,
              data: s.values,
              showSymbol: !long,
              symbolSize: 6,
              lineStyle: { width: 2.5 },
              silent: true,
              emphasis: { disabled: true },
            },
      ),
    });
    return makeAccessible(instance.renderToSVGString(), chart, width, height);
  } finally {
    instance.dispose();
  }
}

function rootOpen(chart: TimeChart, width: number, height: number): string {
  const id = escapeXml(chart.idPrefix);
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" role="img"` +
    ` aria-labelledby="${id}-title ${id}-desc" class="chart" font-family="${FONT}">` +
    `<title id="${id}-title">${escapeXml(chart.title)}</title>` +
    `<desc id="${id}-desc">${escapeXml(chart.desc)}</desc>`
  );
}

function renderNoData(chart: TimeChart, width: number, height: number): string {
  return (
    rootOpen(chart, width, height) +
    `<rect x="0.5" y="0.5" width="${width - 1}" height="${height - 1}" rx="6" fill="#f4f7fa" stroke="${GRID_LINE}"/>` +
    `<text x="${width / 2}" y="${height / 2}" text-anchor="middle" dominant-baseline="central"` +
    ` font-size="16" fill="${INK_SOFT}">${escapeXml(chart.noData)}</text></svg>`
  );
}

/** CSS properties that ECharts writes in style="…" and that SVG also accepts as presentation attributes. */
const PRESENTATION = new Set(['font-size', 'font-family', 'font-style', 'font-weight', 'fill', 'stroke', 'opacity']);

/** Turns `style="font-size:13px;font-family:…"` into `font-size="13px" font-family="…"`. */
function styleToAttributes(css: string): string {
  const attrs: string[] = [];
  for (const declaration of css.split(';')) {
    const colon = declaration.indexOf(':');
    if (colon < 0) continue;
    const name = declaration.slice(0, colon).trim().toLowerCase();
    const value = declaration.slice(colon + 1).trim();
    if (name === 'font') {
      // Shorthand ("[italic] [bold] 13px family"), written when no separate font size is set.
      const m = /^(?:(italic|oblique)\s+)?(?:(bold|bolder|lighter|[1-9]00)\s+)?(\d+(?:\.\d+)?px)\s+(.+)$/.exec(value);
      if (!m) continue;
      if (m[1]) attrs.push(`font-style="${m[1]}"`);
      if (m[2]) attrs.push(`font-weight="${m[2]}"`);
      attrs.push(`font-size="${m[3]}"`, `font-family="${m[4]!.replace(/"/g, "'")}"`);
    } else if (name === 'font-family' && value === FONT) {
      continue; // set once on the root element
    } else if (PRESENTATION.has(name) && value) {
      attrs.push(`${name}="${value.replace(/"/g, "'")}"`);
    }
  }
  return attrs.length ? ' ' + attrs.join(' ') : '';
}

/**
 * Post-processes ECharts' SSR output (its `aria` option writes nothing on the server):
 * - a new root element with role="img", the viewBox, <title> and <desc> (ids from idPrefix);
 * - no <style> element: with animation off it only holds `:hover` rules for ECharts' per-instance
 *   classes (cursor and highlight fill), nothing the static picture depends on; the classes go too;
 * - style="…" (font of each text) becomes presentation attributes;
 * - ECharts' ids (`zr<n>-c0`, from a process-wide counter) become `<idPrefix>-c0`, so that the
 *   output is deterministic and unique per page; `ecmeta_*` attributes are dropped.
 */
function makeAccessible(svg: string, chart: TimeChart, width: number, height: number): string {
  const id = escapeXml(chart.idPrefix);
  const body = svg
    .replace(/^[\s\S]*?<svg\b[^>]*>/, '')
    .replace(/<style\b[^>]*>[\s\S]*?<\/style>/g, '')
    .replace(/\n/g, '')
    // Inside tags only (text content is escaped by ECharts, so it holds no "<").
    .replace(/<[^>]+>/g, (tag) =>
      tag
        .replace(/ style="([^"]*)"/g, (_, css: string) => styleToAttributes(css))
        .replace(/ (?:ecmeta_[a-z_]+|class)="[^"]*"/g, '')
        .replace(/(["#])zr\d+-/g, `$1${id}-`)
        .replace(/ >$/, '>'),
    );
  return rootOpen(chart, width, height) + body;
}
