import type { FigureSource, SchoolYear, SeriesPeriod } from '@opentwinning/contracts';
import type { Locale } from '@opentwinning/i18n';
// The catalogue itself (not $lib/messages), so that this wording can be tested on its own.
import * as m from '@opentwinning/i18n/messages';

/**
 * The statistics worded for their reader: numbers, shares, ranks, days and sources in the page's
 * language (es: 30.131 and 8,3 %; en: 30,131 and 8.3%). Pure: the same on the server and in a test.
 */

const formatLocale: Record<Locale, string> = { es: 'es-ES', en: 'en-GB' };

/** Thousands always grouped (Spanish rules leave 4-digit numbers alone: 5000 → 5.000 here, as in the charts). */
export function numberText(n: number, lang: Locale): string {
  return new Intl.NumberFormat(formatLocale[lang], { useGrouping: 'always', maximumFractionDigits: 1 }).format(n);
}

/** A figure that may be unknown (imported figures that do not give it): "sin dato", "unknown". */
export function maybeNumberText(n: number | null, lang: Locale): string {
  return n === null ? m.stats_unknown({}, { locale: lang }) : numberText(n, lang);
}

/** A share (0..1) as a percentage with one decimal: "8,3 %", "8.3%". */
export function percentText(share: number, lang: Locale): string {
  return new Intl.NumberFormat(formatLocale[lang], {
    style: 'percent',
    minimumFractionDigits: 1,
    maximumFractionDigits: 1,
  }).format(share);
}

/** A place in a ranking: "5.º", "5th". */
export function ordinalText(n: number, lang: Locale): string {
  if (lang === 'es') return `${numberText(n, lang)}.º`;
  const rule = new Intl.PluralRules('en-GB', { type: 'ordinal' }).select(n);
  const suffix = { one: 'st', two: 'nd', few: 'rd' }[rule as 'one' | 'two' | 'few'] ?? 'th';
  return `${numberText(n, lang)}${suffix}`;
}

/** "5.º de 36 países", "5th of 36 countries". */
export function rankText(rank: number, total: number, lang: Locale): string {
  return m.stats_rank_of({ rank: ordinalText(rank, lang), total: numberText(total, lang) }, { locale: lang });
}

/** A day for reading: "3 de marzo de 2026", "3 March 2026". */
export function dayText(iso: string, lang: Locale): string {
  return new Intl.DateTimeFormat(formatLocale[lang], { dateStyle: 'long', timeZone: 'UTC' }).format(
    new Date(iso.length === 10 ? `${iso}T00:00:00Z` : iso),
  );
}

/** A moment for reading, to the minute (UTC, said so): "3 mar 2026, 14:05 UTC". */
export function momentText(iso: string, lang: Locale): string {
  const text = new Intl.DateTimeFormat(formatLocale[lang], {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone: 'UTC',
  }).format(new Date(iso));
  return `${text} UTC`;
}

/** The school year containing the date: "curso 2025-26 (desde el 1 de septiembre de 2025)". */
export function schoolYearText(year: SchoolYear, lang: Locale): string {
  return m.stats_school_year({ label: year.label, from: dayText(year.from, lang) }, { locale: lang });
}

/** Where a country's figures come from, in a few words. */
export function sourceText(source: FigureSource, lang: Locale): string {
  const o = { locale: lang };
  if (source.kind === 'live') return m.stats_source_live({}, o);
  const name = source.name ?? m.stats_source_unnamed({}, o);
  return source.date
    ? m.stats_source_imported_on({ name, date: dayText(source.date, lang) }, o)
    : m.stats_source_imported({ name }, o);
}

/** An imported source in short, for a table cell: "«Informe 2015», 1 sept 2015". */
export function sourceDetail(source: FigureSource, lang: Locale): string {
  const o = { locale: lang };
  const name = source.name ?? m.stats_source_unnamed({}, o);
  if (!source.date) return m.stats_source_name({ name }, o);
  const date = new Intl.DateTimeFormat(formatLocale[lang], { dateStyle: 'medium', timeZone: 'UTC' }).format(
    new Date(`${source.date}T00:00:00Z`),
  );
  return m.stats_source_name_date({ name, date }, o);
}

/** A period of a series: "septiembre de 2015" (a month), "2015-16" (a school year). */
export function periodText(period: string, by: SeriesPeriod, lang: Locale): string {
  if (by === 'school-year' || !/^\d{4}-\d{2}$/.test(period)) return period;
  return new Intl.DateTimeFormat(formatLocale[lang], { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
    new Date(`${period}-01T00:00:00Z`),
  );
}

/** "1 día", "4,5 días", with the language's plural rule (one decimal at most); null: no figure. */
export function daysText(days: number | null, lang: Locale): string {
  const o = { locale: lang };
  if (days === null) return m.stats_none({}, o);
  const count = Math.round(days * 10) / 10;
  return new Intl.PluralRules(formatLocale[lang]).select(count) === 'one'
    ? m.stats_days_one({ count: numberText(count, lang) }, o)
    : m.stats_days_other({ count: numberText(count, lang) }, o);
}

/** A step of a funnel as a share of the step before it; null when the step before is empty. */
export function stepShare(count: number, previous: number, lang: Locale): string | null {
  return previous > 0 ? percentText(count / previous, lang) : null;
}

/** "1 proyecto en común", "12 proyectos en común". */
export function sharedProjectsText(count: number, lang: Locale): string {
  const o = { locale: lang };
  return new Intl.PluralRules(formatLocale[lang]).select(count) === 'one'
    ? m.stats_partner_projects_one({ count: numberText(count, lang) }, o)
    : m.stats_partner_projects_other({ count: numberText(count, lang) }, o);
}

export interface MapLegend {
  title: string;
  items: { fill: string; stroke: string | null; label: string }[];
}

const xmlText = (s: string) =>
  s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');
const colour = (tag: string, name: string) => {
  const value = new RegExp(`\\s${name}="([^"]*)"`).exec(tag)?.[1] ?? '';
  return /^#[0-9a-f]{3,8}$/i.test(value) ? value : null;
};

/**
 * The legend the API draws inside the map (its last group: a frame, a title, then a swatch and a
 * label per class), read back so that the page can show it as text, legible on a phone too.
 * Null when the map has no legend in that form.
 */
export function mapLegend(svg: string): MapLegend | null {
  const start = svg.lastIndexOf('<g aria-hidden="true"');
  const end = svg.indexOf('</g>', start);
  if (start < 0 || end < 0 || !svg.slice(end).startsWith('</g></svg>')) return null;
  const group = svg.slice(start, end);
  const rects = [...group.matchAll(/<rect\b[^>]*>/g)].map((m) => m[0]);
  const texts = [...group.matchAll(/<text\b[^>]*>([^<]*)<\/text>/g)].map((m) => xmlText(m[1] ?? '').trim());
  if (texts.length < 2 || rects.length !== texts.length) return null;
  const items = rects.slice(1).map((rect, i) => ({
    fill: colour(rect, 'fill') ?? '',
    stroke: colour(rect, 'stroke'),
    label: texts[i + 1] ?? '',
  }));
  if (items.some((item) => !item.fill || !item.label)) return null;
  return { title: texts[0] ?? '', items };
}
