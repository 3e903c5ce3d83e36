import { createRequire } from 'node:module';
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import { geoBounds, geoConicConformal, geoPath, geoArea, geoCentroid } from 'd3-geo';
import { feature } from 'topojson-client';
import type { Topology, GeometryCollection } from 'topojson-specification';
import type { Country, CountryCategory } from '@opentwinning/contracts';
import { translate, type Locale } from '../../platform/i18n.ts';

const require = createRequire(import.meta.url);
const isoCountries = require('i18n-iso-countries') as { numericToAlpha2(n: string): string | undefined };

/** The frame: Europe and its neighbourhood, from Iceland and the Canaries to the Caspian and Jordan. */
const FRAME = { west: -25, east: 52, south: 27, north: 71.5 };
const WIDTH = 800;
const HEIGHT = 620;
/** Countries smaller than this on screen (px²) also get a dot so that they can be seen and pointed at. */
const DOT_BELOW_AREA = 40;

interface Shape {
  alpha2: string | undefined;
  /** The projected outline (SVG path data), computed once per process. */
  d: string;
  /** Where a dot goes when the shape is too small to see, else undefined. */
  dot: [number, number] | undefined;
}

let shapes: Shape[] | undefined;

/** Loads the world once (Natural Earth 1:50m via world-atlas) and projects the shapes inside the frame. */
function loadShapes(): Shape[] {
  if (shapes) return shapes;
  const topology = require('world-atlas/countries-50m.json') as Topology<{ countries: GeometryCollection }>;
  const world = feature(topology, topology.objects.countries) as FeatureCollection<Geometry>;
  const project = projection();
  const path = geoPath(project).digits(1);
  shapes = [];
  for (const f of world.features) {
    const [[w, s], [e, n]] = geoBounds(f);
    if (e < FRAME.west || w > FRAME.east || n < FRAME.south || s > FRAME.north) continue;
    const d = path(f);
    if (!d) continue;
    let dot: [number, number] | undefined;
    if (path.area(f) < DOT_BELOW_AREA && geoArea(f) > 0) {
      const xy = project(geoCentroid(f));
      if (xy && Number.isFinite(xy[0]) && Number.isFinite(xy[1])) dot = [xy[0], xy[1]];
    }
    shapes.push({ alpha2: f.id === undefined ? undefined : isoCountries.numericToAlpha2(String(f.id)), d, dot });
  }
  return shapes;
}

const projection = () => {
  const outline: Feature<Geometry> = {
    type: 'Feature',
    properties: {},
    geometry: {
      type: 'MultiPoint',
      coordinates: [
        [FRAME.west, FRAME.north],
        [FRAME.east, FRAME.north],
        [FRAME.west, FRAME.south],
        [FRAME.east, FRAME.south],
        [(FRAME.west + FRAME.east) / 2, FRAME.north],
        [(FRAME.west + FRAME.east) / 2, FRAME.south],
      ],
    },
  };
  return geoConicConformal()
    .parallels([35, 65])
    .rotate([-14, 0])
    .fitExtent(
      [
        [4, 4],
        [WIDTH - 4, HEIGHT - 4],
      ],
      outline,
    )
    .clipExtent([
      [0, 0],
      [WIDTH, HEIGHT],
    ]);
};

const escapeXml = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export const categoryColours: Record<CountryCategory, string> = {
  eu_member: '#1f5fa8',
  candidate_or_special: '#2e8b6e',
  etwinning_plus: '#c77700',
};

interface MapEntry {
  label: string;
  fill: string;
  /** Extra data attributes (already escaped). */
  data: string;
  /** An outline of its own (e.g. a very light fill that must stand out from the sea). */
  stroke?: string;
}

/** The shared drawing: marked countries are labelled graphics symbols, the rest is decoration. */
function renderMap(
  entries: Map<string, MapEntry>,
  title: string,
  desc: string,
  idPrefix: string,
  /** Drawn on top of the map (e.g. a legend), already escaped. */
  extra = '',
): string {
  const background: string[] = [];
  const marked: string[] = [];
  const dots: string[] = [];
  for (const shape of loadShapes()) {
    const entry = shape.alpha2 ? entries.get(shape.alpha2) : undefined;
    if (!entry) {
      background.push(`<path d="${shape.d}"/>`);
      continue;
    }
    const label = escapeXml(entry.label);
    marked.push(
      `<path d="${shape.d}" fill="${entry.fill}"${entry.stroke ? ` stroke="${entry.stroke}"` : ''} role="graphics-symbol" aria-label="${label}" ${entry.data}><title>${label}</title></path>`,
    );
    if (shape.dot) {
      const [x, y] = shape.dot;
      dots.push(
        `<circle cx="${x.toFixed(1)}" cy="${y.toFixed(1)}" r="4" fill="${entry.fill}" stroke="#fff" stroke-width="1.5" aria-hidden="true"/>`,
      );
    }
  }
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${WIDTH} ${HEIGHT}" role="graphics-document" aria-labelledby="${idPrefix}-title ${idPrefix}-desc" class="${idPrefix}">`,
    `<title id="${idPrefix}-title">${escapeXml(title)}</title>`,
    `<desc id="${idPrefix}-desc">${escapeXml(desc)}</desc>`,
    `<rect width="${WIDTH}" height="${HEIGHT}" fill="#eef4f8" aria-hidden="true"/>`,
    `<g fill="#d9dde2" stroke="#ffffff" stroke-width="0.6" aria-hidden="true">${background.join('')}</g>`,
    `<g stroke="#ffffff" stroke-width="0.6">${marked.join('')}</g>`,
    `<g>${dots.join('')}</g>`,
    extra,
    `</svg>`,
  ].join('');
}

/**
 * A choropleth map of the participating countries, coloured by category, as an accessible SVG:
 * each participating country is a labelled graphics symbol with a <title>; the others are decoration.
 * No inline styles, so a strict Content-Security-Policy holds.
 */
export function renderCountriesMap(countries: Country[], date: string, locale: Locale): string {
  const entries = new Map(
    countries.map((c) => [
      c.code,
      {
        label: `${c.name}: ${translate(locale, `category_${c.category}`)}`,
        fill: categoryColours[c.category],
        data: `data-code="${c.code}" data-category="${c.category}"`,
      },
    ]),
  );
  return renderMap(
    entries,
    translate(locale, 'countries_map_title', { date }),
    translate(locale, 'countries_map_desc', { count: countries.length }),
    'countries-map',
  );
}

/** A small map of some countries (a project's), each marked and named. */
export function renderMarkedCountriesMap(
  countries: { code: string; name: string }[],
  title: string,
  desc: string,
): string {
  const entries = new Map(
    countries.map((c) => [c.code, { label: c.name, fill: '#1f5fa8', data: `data-code="${escapeXml(c.code)}"` }]),
  );
  return renderMap(entries, title, desc, 'marked-map');
}

export interface ChoroplethEntry {
  code: string;
  name: string;
  /** A count (non-negative integer; a negative one is drawn as zero). */
  value: number;
  /** e.g. "España: 30.131 docentes" */
  label: string;
}

/** A sequential blue scale, light to dark, about 15 points of lightness apart; zero has its own grey-blue. */
export const choroplethColours = ['#c6dbef', '#7fb2db', '#3a85c2', '#0f5499', '#08306b'] as const;
export const choroplethZero = { fill: '#e6edf5', stroke: '#8fa3b8' } as const;

export interface ChoroplethClass {
  /** Inclusive bounds; the zero class is { from: 0, to: 0 }. */
  from: number;
  to: number;
  fill: string;
}

/** Rounds up to 1, 2, 2.5 or 5 × 10^k (2.5 only from 100 on, so that integer breaks stay round). */
function niceCeil(x: number): number {
  if (x <= 1) return 1;
  const power = 10 ** Math.floor(Math.log10(x));
  const steps = power >= 100 ? [1, 2, 2.5, 5, 10] : [1, 2, 5, 10];
  for (const step of steps) if (step * power >= x) return step * power;
  return 10 * power;
}

/**
 * The classes of a choropleth: zero on its own (when some value is zero), then up to 5 classes of
 * the positive values with quantile breaks rounded up to "nice" numbers (fewer when there are few
 * distinct values). The top class ends at the highest value and always gets the darkest colour.
 */
export function choroplethClasses(values: number[]): ChoroplethClass[] {
  const positive = values.filter((v) => v > 0).sort((a, b) => a - b);
  const classes: ChoroplethClass[] = [];
  if (positive.length < values.length) classes.push({ from: 0, to: 0, fill: choroplethZero.fill });
  if (positive.length === 0) return classes;
  const max = positive[positive.length - 1]!;
  const uppers: number[] = [];
  for (let i = 1; i < choroplethColours.length; i++) {
    const q = positive[Math.min(positive.length - 1, Math.ceil((i / choroplethColours.length) * positive.length) - 1)]!;
    const nice = niceCeil(q);
    if (nice < max && nice > (uppers[uppers.length - 1] ?? 0)) uppers.push(nice);
  }
  uppers.push(max);
  const last = uppers.length - 1;
  uppers.forEach((to, i) => {
    // Spread over the scale, so that 3 classes are light, middle and darkest rather than the 3 lightest.
    const colour = last === 0 ? choroplethColours.length - 1 : Math.round((i * (choroplethColours.length - 1)) / last);
    classes.push({
      from: i === 0 ? Math.min(1, to) : Math.floor(uppers[i - 1]!) + 1,
      to,
      fill: choroplethColours[colour]!,
    });
  });
  return classes;
}

const classOf = (classes: ChoroplethClass[], value: number): ChoroplethClass =>
  classes.find((c) => value <= c.to) ?? classes[classes.length - 1]!;

/** Splits a long legend heading at the space nearest its middle (an SVG text does not wrap). */
function headingLines(heading: string, maxChars: number): string[] {
  if (heading.length <= maxChars) return [heading];
  const middle = heading.length / 2;
  let cut = -1;
  for (let i = 0; i < heading.length; i++) {
    if (heading[i] === ' ' && (cut < 0 || Math.abs(i - middle) < Math.abs(cut - middle))) cut = i;
  }
  return cut < 0 ? [heading] : [heading.slice(0, cut), heading.slice(cut + 1)];
}

/**
 * The legend on a white rounded box, hidden from assistive tech (the page has the table). It sits
 * in the open Atlantic west of Ireland and north of the Azores: the south-west corner holds the
 * Canaries and Madeira, and the north-west one Iceland.
 */
function choroplethLegend(classes: ChoroplethClass[], legendTitle: string, locale: 'es' | 'en'): string {
  const format = new Intl.NumberFormat(locale === 'es' ? 'es-ES' : 'en-GB', { useGrouping: 'always' });
  const text = (c: ChoroplethClass) =>
    c.from === c.to ? format.format(c.from) : `${format.format(c.from)}–${format.format(c.to)}`;
  const pad = 12;
  const rowHeight = 22;
  const lineHeight = 17;
  const heading = headingLines(legendTitle, 24);
  // Estimated text widths (no layout engine here): ~0.6 em per character at 13px, bold a little wider.
  const width = Math.ceil(
    Math.max(
      120,
      ...heading.map((line) => line.length * 8 + 2 * pad),
      ...classes.map((c) => text(c).length * 7.8 + 2 * pad + 30),
    ),
  );
  const height = 2 * pad + heading.length * lineHeight + 6 + classes.length * rowHeight - 8;
  const x = 10;
  const y = 140;
  const headingText = heading
    .map(
      (line, i) =>
        `<text x="${x + pad}" y="${y + pad + 8 + i * lineHeight}" dominant-baseline="central" font-weight="600">${escapeXml(line)}</text>`,
    )
    .join('');
  const rows = classes.map((c, i) => {
    const middle = y + pad + heading.length * lineHeight + 6 + i * rowHeight + 7;
    const outline = c.to === 0 ? choroplethZero.stroke : '#ffffff';
    return (
      `<rect x="${x + pad}" y="${middle - 7}" width="22" height="14" rx="2" fill="${c.fill}" stroke="${outline}"/>` +
      `<text x="${x + pad + 30}" y="${middle}" dominant-baseline="central">${escapeXml(text(c))}</text>`
    );
  });
  return (
    `<g aria-hidden="true" font-family="system-ui, -apple-system, 'Segoe UI', Roboto, Arial, sans-serif" font-size="13" fill="#1b2430">` +
    `<rect x="${x}" y="${y}" width="${width}" height="${height}" rx="6" fill="#ffffff" fill-opacity="0.95" stroke="#b8c4d0"/>` +
    headingText +
    rows.join('') +
    `</g>`
  );
}

/**
 * A choropleth of countries by a value (e.g. registered teachers): zero in its own light grey-blue
 * class, the positive values in up to 5 blue classes with rounded quantile breaks, and a legend in
 * the SVG (aria-hidden: the page shows the figures in a table). Each entry is a labelled graphics
 * symbol (`label` as aria-label and <title>). No inline styles; `idPrefix` must be unique per page.
 */
export function renderChoroplethMap(
  entries: ChoroplethEntry[],
  options: {
    title: string;
    desc: string;
    idPrefix: string;
    locale: 'es' | 'en';
    /** legend heading, e.g. "Docentes registrados" */
    legendTitle: string;
  },
): string {
  const classes = choroplethClasses(entries.map((e) => Math.max(0, e.value)));
  const mapEntries = new Map<string, MapEntry>(
    entries.map((e) => {
      const value = Math.max(0, e.value);
      const zero = value === 0;
      return [
        e.code,
        {
          label: e.label,
          fill: zero ? choroplethZero.fill : classOf(classes, value).fill,
          ...(zero ? { stroke: choroplethZero.stroke } : {}),
          data: `data-code="${escapeXml(e.code)}" data-value="${value}"`,
        },
      ];
    }),
  );
  const legend = classes.length ? choroplethLegend(classes, options.legendTitle, options.locale) : '';
  return renderMap(mapEntries, options.title, options.desc, options.idPrefix, legend);
}
