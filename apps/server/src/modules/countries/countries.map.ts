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
}

/** The shared drawing: marked countries are labelled graphics symbols, the rest is decoration. */
function renderMap(entries: Map<string, MapEntry>, title: string, desc: string, idPrefix: string): string {
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
      `<path d="${shape.d}" fill="${entry.fill}" role="graphics-symbol" aria-label="${label}" ${entry.data}><title>${label}</title></path>`,
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
