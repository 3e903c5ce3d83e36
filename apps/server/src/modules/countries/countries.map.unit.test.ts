import { describe, expect, it } from 'vitest';
import {
  choroplethClasses,
  choroplethColours,
  choroplethZero,
  renderChoroplethMap,
  renderMarkedCountriesMap,
  type ChoroplethEntry,
} from './countries.map.ts';

const entry = (code: string, name: string, value: number): ChoroplethEntry => ({
  code,
  name,
  value,
  label: `${name}: ${new Intl.NumberFormat('es-ES', { useGrouping: 'always' }).format(value)} docentes`,
});

const entries = [
  entry('ES', 'España', 30131),
  entry('FR', 'Francia', 6400),
  entry('IT', 'Italia', 2100),
  entry('PT', 'Portugal', 1500),
  entry('MT', 'Malta', 420),
  entry('LU', 'Luxemburgo', 35),
  entry('IS', 'Islandia', 0),
  entry('GR', 'Grecia', 4100),
];

const options = {
  title: 'Docentes <registrados>',
  desc: '8 países',
  idPrefix: 'stat-map-teachers',
  locale: 'es' as const,
  legendTitle: 'Docentes registrados',
};

/** The fill of a country's labelled path. */
const fillOf = (svg: string, code: string) =>
  new RegExp(`<path d="[^"]*" fill="(#[0-9a-f]{6})"[^>]*data-code="${code}"`).exec(svg)?.[1];

describe('choropleth classes', () => {
  it('puts zero apart and breaks the positive values at rounded quantiles, the top class ending at the maximum', () => {
    const classes = choroplethClasses(entries.map((e) => e.value));
    expect(classes[0]).toEqual({ from: 0, to: 0, fill: choroplethZero.fill });
    expect(classes.slice(1).map((c) => [c.from, c.to])).toEqual([
      [1, 500],
      [501, 2000],
      [2001, 5000],
      [5001, 10000],
      [10001, 30131],
    ]);
    expect(classes.slice(1).map((c) => c.fill)).toEqual([...choroplethColours]);
  });

  it('spreads few classes over the scale, the top one the darkest', () => {
    const classes = choroplethClasses([5, 7]);
    expect(classes.map((c) => [c.from, c.to])).toEqual([
      [1, 5],
      [6, 7],
    ]);
    expect(classes.map((c) => c.fill)).toEqual([choroplethColours[0], choroplethColours[4]]);
    expect(choroplethClasses([12])).toEqual([{ from: 1, to: 12, fill: choroplethColours[4] }]);
    expect(choroplethClasses([])).toEqual([]);
  });
});

describe('choropleth map', () => {
  const svg = renderChoroplethMap(entries, options);

  it('colours each country by its class: the highest value darkest, zero in the zero class', () => {
    expect(fillOf(svg, 'ES')).toBe(choroplethColours[4]);
    expect(fillOf(svg, 'IS')).toBe(choroplethZero.fill);
    expect(fillOf(svg, 'LU')).toBe(choroplethColours[0]);
    expect(fillOf(svg, 'FR')).toBe(choroplethColours[3]);
    expect(fillOf(svg, 'PT')).toBe(choroplethColours[1]);
  });

  it('labels each country with its entry label, as aria-label and title', () => {
    for (const e of entries) {
      expect(svg).toMatch(
        new RegExp(
          `role="graphics-symbol" aria-label="${e.label}" data-code="${e.code}"[^>]*><title>${e.label}</title>`,
        ),
      );
    }
  });

  it('has an accessible name and description, escaped', () => {
    expect(svg).toContain('aria-labelledby="stat-map-teachers-title stat-map-teachers-desc"');
    expect(svg).toContain('<title id="stat-map-teachers-title">Docentes &lt;registrados&gt;</title>');
    expect(svg).toContain('<desc id="stat-map-teachers-desc">8 países</desc>');
  });

  it('draws a legend hidden from assistive tech, with the ranges formatted for the locale', () => {
    const legend =
      /<g aria-hidden="true"[^>]*>(.*?)<\/g>/.exec(svg.slice(svg.lastIndexOf('<g aria-hidden')))?.[1] ?? '';
    const texts = [...legend.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]);
    expect(texts).toEqual([
      'Docentes registrados',
      '0',
      '1–500',
      '501–2.000',
      '2.001–5.000',
      '5.001–10.000',
      '10.001–30.131',
    ]);
    const en = renderChoroplethMap(entries, { ...options, locale: 'en', legendTitle: 'Registered teachers' });
    expect(en).toContain('>10,001–30,131</text>');
    expect(en).toContain('>Registered teachers</text>');
  });

  it('keeps the no-inline-style rule', () => {
    expect(svg).not.toMatch(/<style|style=/);
  });

  it('leaves the other maps without a legend', () => {
    const marked = renderMarkedCountriesMap([{ code: 'FR', name: 'Francia' }], 'Mapa', 'Un país');
    expect(marked).not.toContain('font-family');
    expect(marked.endsWith('</g></svg>')).toBe(true);
  });
});
