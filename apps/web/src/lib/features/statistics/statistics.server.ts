import type { StatisticsResponse } from '@opentwinning/contracts';
import type { Locale } from '@opentwinning/i18n';
import * as m from '@opentwinning/i18n/messages';
import { error } from '@sveltejs/kit';
import { callApi } from '$lib/api';
import { href } from '$lib/paths';
import { asOfView, dateQuery, loadChart, loadSeries, loadSvg, qs, type ChartSpec, type Event } from './charts.server';
import { columnLabel, countryRow, europeItems, importedSources, metricLabel } from './figures';
import { openDataLinks } from './links';
import { dayText, mapLegend, numberText, schoolYearText } from './present';
import {
  firstDir,
  metricHref,
  readQuery,
  sortColumns,
  sortHref,
  sortRows,
  statisticsMetrics,
  type StatisticsQuery,
} from './query';
import type { CountriesTableView, StatisticsView } from './types';

/** The countries table, sorted on the server as the address asks. */
function countriesTable(
  data: StatisticsResponse,
  query: StatisticsQuery,
  url: URL,
  lang: Locale,
  date: string | undefined,
): CountriesTableView {
  const o = { locale: lang };
  const rows = data.countries.map((c) => ({
    row: countryRow(c, lang, date),
    name: c.name,
    participating: c.participating,
    teachers: c.teachers,
    schools: c.schools,
    projects: c.projects,
    projectsThisSchoolYear: c.projectsThisSchoolYear,
    activeProjects: c.activeProjects,
    share: c.share.teachers,
    rank: c.rank.teachers,
    sourceKey: c.source.kind === 'live' ? '' : (c.source.name ?? ''),
  }));
  const sorted = sortRows(rows, query.sort, query.dir, lang);
  const headers = sortColumns.map((column) => {
    const sorted = query.sort === column;
    // What the link will do: flip the order, or sort by this column in its own direction.
    const next = sorted ? (query.dir === 'asc' ? 'desc' : 'asc') : firstDir(column);
    return {
      column,
      label: columnLabel(column, lang),
      href: sortHref(url, query, column),
      sort: sorted ? (query.dir === 'asc' ? ('ascending' as const) : ('descending' as const)) : undefined,
      hint: next === 'asc' ? m.stats_sort_ascending({}, o) : m.stats_sort_descending({}, o),
      numeric: column !== 'country' && column !== 'source',
    };
  });
  return {
    headers,
    participating: sorted.participating.map((r) => r.row),
    others: sorted.others.map((r) => r.row),
  };
}

/**
 * Europe's statistics page (R-STAT-1..3): the figures of a date (GET /api/open-data/statistics),
 * the map of a metric, the countries table in the address's order, two charts with their series.
 * A refused date (422) is shown on the form, with the rest of the page left out.
 */
export async function loadStatistics(event: Event): Promise<StatisticsView> {
  const { fetch, url } = event;
  const lang = event.params.lang as Locale;
  const o = { locale: lang };
  const query = readQuery(url.searchParams);
  const base = dateQuery(query.date);
  const monthSpec: ChartSpec = {
    id: 'chart-teachers',
    by: 'month',
    metric: 'teachers',
    title: m.stats_chart_europe_teachers({}, o),
    columns: ['teachers', 'schools'],
  };
  const yearSpec: ChartSpec = {
    id: 'chart-projects',
    by: 'school-year',
    metric: 'newProjects',
    title: m.stats_chart_europe_projects({}, o),
    columns: ['newProjects', 'projects', 'activeProjects'],
  };
  const [result, map, months, years] = await Promise.all([
    callApi<StatisticsResponse>(fetch, `/api/open-data/statistics?${qs(base)}`),
    loadSvg(fetch, `/api/statistics/map.svg?${qs({ ...base, metric: query.metric })}`),
    loadSeries(fetch, 'month', base),
    loadSeries(fetch, 'school-year', base),
  ]);
  const action = href(lang, 'statistics');
  const metrics = statisticsMetrics.map((metric) => ({
    metric,
    label: metricLabel(metric, lang),
    href: metricHref(url, metric),
    current: metric === query.metric,
  }));
  const mapTitle = m.stats_map_title({ metric: metricLabel(query.metric, lang) }, o);
  if (!result.ok) {
    if (result.status !== 422) error(result.status, { message: result.error.message, code: result.error.code });
    return {
      query,
      asOf: asOfView(action, query.date, '', result.error.fields?.date ?? result.error.message),
      summary: null,
      europe: null,
      importedSources: [],
      map: null,
      mapLegend: null,
      mapTitle,
      metrics,
      table: null,
      charts: [],
      openData: [],
      licence: null,
    };
  }
  const data = result.data;
  // The date goes along in links only when the reader chose one (else the links stay "today").
  const carried = query.date ? data.date : undefined;
  const charts = await Promise.all([
    loadChart(fetch, monthSpec, months, base, lang),
    loadChart(fetch, yearSpec, years, base, lang),
  ]);
  return {
    query,
    asOf: asOfView(action, query.date, data.date, null),
    summary: {
      date: data.date,
      dateText: dayText(data.date, lang),
      schoolYear: schoolYearText(data.schoolYear, lang),
      countries: numberText(data.europe.countries, lang),
    },
    europe: europeItems(data.europe, lang),
    importedSources: data.europe.includesImported ? importedSources(data.countries, lang) : [],
    map,
    mapLegend: map ? mapLegend(map) : null,
    mapTitle,
    metrics,
    table: countriesTable(data, query, url, lang, carried),
    charts,
    openData: openDataLinks(lang, data.date),
    licence: data.licence,
  };
}
