import type { CountryStatisticsResponse } from '@opentwinning/contracts';
import type { Locale } from '@opentwinning/i18n';
import * as m from '@opentwinning/i18n/messages';
import { error, redirect } from '@sveltejs/kit';
import { callApi } from '$lib/api';
import { asOfView, dateQuery, loadChart, loadSeries, qs, type ChartSpec, type Event } from './charts.server';
import { figureItems } from './figures';
import { countryStatsHref, europeStatsHref, openDataLinks } from './links';
import { dayText, percentText, rankText, schoolYearText, sharedProjectsText, sourceText } from './present';
import { readQuery } from './query';
import type { CountryStatisticsView } from './types';

/**
 * One country's statistics page (GET /api/open-data/statistics/{code}): its figures on a date,
 * its share of Europe and rank, its series and its most frequent partners. An unknown country is a
 * page that does not exist; a refused date is shown on the form.
 */
export async function loadCountryStatistics(event: Event): Promise<CountryStatisticsView> {
  const { fetch, url } = event;
  const lang = event.params.lang as Locale;
  const o = { locale: lang };
  const raw = event.params.code ?? '';
  const code = raw.toUpperCase();
  if (!/^[A-Z]{2}$/.test(code)) error(404, { message: m.error_not_found({}, o), code: 'NOT_FOUND' });
  // One address per country: /es/estadisticas/es → /es/estadisticas/ES.
  if (raw !== code) redirect(308, `${countryStatsHref(lang, code)}${url.search}`);
  const query = readQuery(url.searchParams);
  const base = { ...dateQuery(query.date), country: code };
  const [result, months, years] = await Promise.all([
    callApi<CountryStatisticsResponse>(fetch, `/api/open-data/statistics/${code}?${qs(dateQuery(query.date))}`),
    loadSeries(fetch, 'month', base),
    loadSeries(fetch, 'school-year', base),
  ]);
  const action = countryStatsHref(lang, code);
  if (!result.ok) {
    if (result.status === 404) error(404, { message: result.error.message, code: 'NOT_FOUND' });
    if (result.status !== 422) error(result.status, { message: result.error.message, code: result.error.code });
    return {
      asOf: asOfView(action, query.date, '', result.error.fields?.date ?? result.error.message),
      code,
      name: code,
      participating: false,
      summary: null,
      figures: null,
      source: null,
      charts: [],
      partners: [],
      europeHref: europeStatsHref(lang),
      openData: [],
      licence: null,
    };
  }
  const { country, europe } = result.data;
  const carried = query.date ? result.data.date : undefined;
  const specs: ChartSpec[] = [
    {
      id: 'chart-teachers',
      by: 'month',
      metric: 'teachers',
      title: m.stats_chart_country_teachers({ country: country.name }, o),
      columns: ['teachers'],
    },
    {
      id: 'chart-schools',
      by: 'month',
      metric: 'schools',
      title: m.stats_chart_country_schools({ country: country.name }, o),
      columns: ['schools'],
    },
    {
      id: 'chart-projects',
      by: 'school-year',
      metric: 'newProjects',
      title: m.stats_chart_country_projects({ country: country.name }, o),
      columns: ['newProjects', 'projects', 'activeProjects'],
    },
  ];
  const charts = await Promise.all(
    specs.map((spec) => loadChart(fetch, spec, spec.by === 'month' ? months : years, base, lang)),
  );
  // "8,3 % del total europeo" and "5.º de 36 países": none for a country not taking part.
  const share = (value: number | null, rank: number | null) =>
    value === null
      ? []
      : [
          m.stats_share_of_europe({ share: percentText(value, lang) }, o),
          ...(rank === null ? [] : [rankText(rank, europe.countries, lang)]),
        ];
  return {
    asOf: asOfView(action, query.date, result.data.date, null),
    code,
    name: country.name,
    participating: country.participating,
    summary: {
      date: result.data.date,
      dateText: dayText(result.data.date, lang),
      schoolYear: schoolYearText(result.data.schoolYear, lang),
    },
    figures: figureItems(country, lang, {
      teachers: share(country.share.teachers, country.rank.teachers),
      schools: share(country.share.schools, null),
      projects: share(country.share.projects, country.rank.projects),
    }),
    source: { text: sourceText(country.source, lang), imported: country.source.kind === 'imported' },
    charts,
    partners: result.data.partners.map((p) => ({
      code: p.code,
      name: p.name,
      href: countryStatsHref(lang, p.code, carried),
      projects: sharedProjectsText(p.projects, lang),
    })),
    europeHref: europeStatsHref(lang, carried),
    openData: openDataLinks(lang, result.data.date, code),
    licence: result.data.licence,
  };
}
