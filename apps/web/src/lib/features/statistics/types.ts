import type { StatisticsMetric } from '@opentwinning/contracts';
import type { MapLegend } from './present';
import type { SortColumn, StatisticsQuery } from './query';

/** What the statistics pages show: worded on the server (numbers, dates and shares in the page's language). */

export interface FigureItem {
  key: string;
  label: string;
  value: string;
  /** Lines under the figure (share of Europe, rank). */
  notes: string[];
  /** The figure is not known (imported figures that do not give it). */
  unknown: boolean;
}

/** The "as of" form: the value to show and the API's refusal of it. */
export interface AsOfView {
  action: string;
  value: string;
  max: string;
  error: string | null;
}

export interface CountryRow {
  code: string;
  name: string;
  href: string;
  participating: boolean;
  teachers: string;
  schools: string;
  projects: string;
  thisYear: string;
  active: string;
  share: string;
  rank: string;
  source: string;
  imported: boolean;
}

export interface HeaderView {
  column: SortColumn;
  label: string;
  href: string;
  /** aria-sort of the sorted column. */
  sort: 'ascending' | 'descending' | undefined;
  /** What following the link does, for screen readers ("sort from most to fewest"). */
  hint: string;
  numeric: boolean;
}

export interface CountriesTableView {
  headers: HeaderView[];
  participating: CountryRow[];
  others: CountryRow[];
}

export interface MetricLink {
  metric: StatisticsMetric;
  label: string;
  href: string;
  current: boolean;
}

/** A chart drawn by the API and its figures as a table (a disclosure after it). */
export interface ChartView {
  id: string;
  title: string;
  /** Inline SVG made by the API, or null when it could not be drawn. */
  svg: string | null;
  table: {
    caption: string;
    columns: string[];
    rows: { period: string; values: string[]; imported: boolean }[];
  } | null;
}

export interface LinkView {
  label: string;
  href: string;
  /** The file's type, for the reader and `type`. */
  type: string;
}

export interface SourceNote {
  name: string;
  countries: string;
}

export interface StatisticsView {
  query: StatisticsQuery;
  asOf: AsOfView;
  /** Null when the API refused the date. */
  summary: { date: string; dateText: string; schoolYear: string; countries: string } | null;
  europe: FigureItem[] | null;
  importedSources: SourceNote[];
  map: string | null;
  /** The map's legend as text (read from the map), or null. */
  mapLegend: MapLegend | null;
  mapTitle: string;
  metrics: MetricLink[];
  table: CountriesTableView | null;
  charts: ChartView[];
  openData: LinkView[];
  licence: { name: string; url: string } | null;
}

export interface PartnerView {
  code: string;
  name: string;
  href: string;
  projects: string;
}

export interface CountryStatisticsView {
  asOf: AsOfView;
  code: string;
  name: string;
  participating: boolean;
  summary: { date: string; dateText: string; schoolYear: string } | null;
  figures: FigureItem[] | null;
  source: { text: string; imported: boolean } | null;
  charts: ChartView[];
  partners: PartnerView[];
  europeHref: string;
  openData: LinkView[];
  licence: { name: string; url: string } | null;
}

export interface WaitingView {
  title: string;
  /** Waiting now, and decided in the last 90 days. */
  groups: { title: string; items: { label: string; value: string }[] }[];
  link: { label: string; href: string };
}

export interface FunnelStep {
  key: string;
  label: string;
  count: string | null;
  share: string | null;
}

export interface MonitoringView {
  title: string;
  scope: { value: string; options: { value: string; label: string }[]; allowAll: boolean } | null;
  panels: WaitingView[];
  funnel: FunnelStep[];
}

export interface ImportRow {
  id: string;
  source: string;
  rows: string;
  countries: string;
  period: string;
  imported: string;
  by: string;
}
