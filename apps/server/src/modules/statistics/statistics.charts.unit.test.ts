import { describe, expect, it } from 'vitest';
import { chartColours, renderTimeChart, xLabelInterval, type TimeChart } from './statistics.charts.ts';

const years = Array.from({ length: 12 }, (_, i) => `${2014 + i}-${String(15 + i).padStart(2, '0')}`);
const months = (count: number) =>
  Array.from({ length: count }, (_, i) => `${2005 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`);

const chart = (over: Partial<TimeChart> = {}): TimeChart => ({
  kind: 'bar',
  title: 'Proyectos por curso',
  desc: 'Doce cursos',
  labels: years,
  series: [{ name: 'Proyectos', values: years.map((_, i) => 1500 + i * 2500) }],
  idPrefix: 'chart-projects',
  locale: 'es',
  noData: 'Sin datos',
  ...over,
});

const texts = (svg: string) => [...svg.matchAll(/<text\b[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]);

describe('time chart (SVG rendered on the server)', () => {
  it('is an image named by its title and described by its desc, with the texts escaped', () => {
    const svg = renderTimeChart(chart({ title: 'Docentes <&> "todos"', desc: 'De 2014 a 2026 & más' }));
    expect(svg.startsWith('<svg ')).toBe(true);
    const root = svg.slice(0, svg.indexOf('>') + 1);
    expect(root).toContain('role="img"');
    expect(root).toContain('aria-labelledby="chart-projects-title chart-projects-desc"');
    expect(root).toContain('viewBox="0 0 760 320"');
    expect(svg).toContain('<title id="chart-projects-title">Docentes &lt;&amp;&gt; &quot;todos&quot;</title>');
    expect(svg).toContain('<desc id="chart-projects-desc">De 2014 a 2026 &amp; más</desc>');
    // title and desc come first
    expect(svg.indexOf('<title')).toBeLessThan(svg.indexOf('<path'));
    expect(svg).not.toContain('<?xml');
  });

  it('keeps a strict Content-Security-Policy: no style element or attribute, no ECharts leftovers', () => {
    for (const kind of ['bar', 'line'] as const) {
      const svg = renderTimeChart(
        chart({
          kind,
          series: [
            { name: 'A', values: years.map((_, i) => i) },
            { name: 'B', values: years.map((_, i) => 2 * i) },
          ],
        }),
      );
      expect(svg).not.toMatch(/<style/i);
      expect(svg).not.toMatch(/style=/i);
      expect(svg).not.toContain('ecmeta_');
      expect(svg).not.toMatch(/zr\d+-/);
      expect(svg).not.toContain('class="zr');
    }
  });

  it('prefixes its ids, so that several charts fit on one page, and renders the same input the same way', () => {
    const input = chart({
      kind: 'line',
      labels: months(40),
      series: [{ name: 'A', values: months(40).map((_, i) => i) }],
    });
    const svg = renderTimeChart(input);
    const ids = [...svg.matchAll(/ id="([^"]+)"/g)].map((m) => m[1]);
    expect(ids.length).toBeGreaterThan(2);
    for (const id of ids) expect(id).toMatch(/^chart-projects-/);
    for (const m of svg.matchAll(/url\(#([^)]+)\)/g)) expect(ids).toContain(m[1]);
    expect(renderTimeChart(input)).toBe(svg);
  });

  it('draws one bar per value', () => {
    const svg = renderTimeChart(chart());
    const bars = svg.match(new RegExp(`<path [^>]*fill="${chartColours[0]}"`, 'g')) ?? [];
    expect(bars).toHaveLength(12);
  });

  it('shows a legend with the series names when there are several series', () => {
    const two = renderTimeChart(
      chart({
        series: [
          { name: 'Europeos', values: [1, 2] },
          { name: 'Nacionales', values: [3, 4] },
        ],
        labels: ['a', 'b'],
      }),
    );
    expect(texts(two)).toEqual(expect.arrayContaining(['Europeos', 'Nacionales']));
    expect(texts(renderTimeChart(chart()))).not.toContain('Proyectos');
  });

  it('formats the axis numbers for the locale, with thousands separators', () => {
    const values = years.map((_, i) => 131 + i * 2727); // up to 30,128
    expect(texts(renderTimeChart(chart({ series: [{ name: 'x', values }] })))).toEqual(
      expect.arrayContaining(['5.000', '30.000']),
    );
    expect(texts(renderTimeChart(chart({ locale: 'en', series: [{ name: 'x', values }] })))).toEqual(
      expect.arrayContaining(['5,000', '30,000']),
    );
  });

  it('writes its texts at a readable size', () => {
    const svg = renderTimeChart(chart());
    const sizes = [...svg.matchAll(/<text\b[^>]*font-size="(\d+(?:\.\d+)?)px"/g)].map((m) => Number(m[1]));
    expect(sizes.length).toBe(texts(svg).length);
    for (const size of sizes) expect(size).toBeGreaterThanOrEqual(12);
  });

  it('shows at most 12 x-axis labels on a long monthly series, one per year', () => {
    expect(xLabelInterval(12)).toBe(0);
    expect(xLabelInterval(130)).toBe(11);
    expect(xLabelInterval(250)).toBe(23);
    const labels = months(250);
    const svg = renderTimeChart(
      chart({ kind: 'line', labels, series: [{ name: 'x', values: labels.map((_, i) => i * 10) }] }),
    );
    const shown = texts(svg).filter((t) => /^\d{4}-\d{2}$/.test(t ?? ''));
    expect(shown.length).toBeGreaterThan(5);
    expect(shown.length).toBeLessThanOrEqual(12);
    expect(shown[0]).toBe('2005-01');
    expect(shown[1]).toBe('2007-01');
  });

  it('renders 250 monthly points of 3 series well under 100 ms once warm', () => {
    const labels = months(250);
    const input = chart({
      kind: 'line',
      labels,
      series: [1, 2, 3].map((k) => ({ name: `S${k}`, values: labels.map((_, i) => i * k * 37) })),
    });
    renderTimeChart(input);
    const times: number[] = [];
    for (let i = 0; i < 5; i++) {
      const start = performance.now();
      renderTimeChart(input);
      times.push(performance.now() - start);
    }
    times.sort((a, b) => a - b);
    expect(times[2]).toBeLessThan(100);
  });

  it('says "no data" instead of throwing when there is nothing to draw', () => {
    for (const over of [{ series: [] }, { labels: [], series: [{ name: 'x', values: [] }] }] as Partial<TimeChart>[]) {
      const svg = renderTimeChart(chart({ ...over, noData: 'Sin datos <aún>' }));
      expect(svg).toContain('role="img"');
      expect(svg).toContain('<title id="chart-projects-title">Proyectos por curso</title>');
      expect(texts(svg)).toEqual(['Sin datos &lt;aún&gt;']);
      expect(svg).not.toMatch(/style=|<style/);
    }
  });
});
