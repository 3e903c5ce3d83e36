import type { CountryFigures, EuropeFigures, Figures } from '@opentwinning/contracts';
import type { Locale } from '@opentwinning/i18n';
// The catalogue itself (not $lib/messages), so that this wording can be tested on its own.
import * as m from '@opentwinning/i18n/messages';
import { countryStatsHref } from './links';
import { maybeNumberText, numberText, percentText, sourceDetail, sourceText } from './present';
import type { SortColumn } from './query';
import type { CountryRow, FigureItem, SourceNote } from './types';

/** The figures of Europe and of the countries worded for the pages. Pure. */

/** A country's figures: the school year's and the active projects are unknown in some imports. */
export type NullableFigures = Omit<Figures, 'projectsThisSchoolYear' | 'activeProjects'> & {
  projectsThisSchoolYear: number | null;
  activeProjects: number | null;
};

/** The figures every page shows, in the order of the definitions. */
export function figureItems(
  f: NullableFigures,
  lang: Locale,
  notes: Partial<Record<keyof Figures, string[]>> = {},
): FigureItem[] {
  const o = { locale: lang };
  const labels: Record<keyof Figures, string> = {
    teachers: m.stats_teachers({}, o),
    schools: m.stats_schools({}, o),
    projects: m.stats_projects({}, o),
    projectsThisSchoolYear: m.stats_projects_this_year({}, o),
    activeProjects: m.stats_active_projects({}, o),
  };
  return (Object.keys(labels) as (keyof Figures)[]).map((key) => ({
    key,
    label: labels[key],
    value: maybeNumberText(f[key], lang),
    notes: notes[key] ?? [],
    unknown: f[key] === null,
  }));
}

export function europeItems(europe: EuropeFigures, lang: Locale): FigureItem[] {
  return [
    ...figureItems(europe, lang),
    {
      key: 'countries',
      label: m.stats_countries_taking_part({}, { locale: lang }),
      value: numberText(europe.countries, lang),
      notes: [],
      unknown: false,
    },
  ];
}

/** The imported batches some countries' figures come from, each with the countries it covers. */
export function importedSources(countries: CountryFigures[], lang: Locale): SourceNote[] {
  const bySource = new Map<string, string[]>();
  for (const c of countries) {
    if (c.source.kind !== 'imported') continue;
    const name = sourceText(c.source, lang);
    bySource.set(name, [...(bySource.get(name) ?? []), c.name]);
  }
  const list = new Intl.ListFormat(lang, { type: 'conjunction' });
  return [...bySource].map(([name, names]) => ({ name, countries: list.format(names) }));
}

export function countryRow(c: CountryFigures, lang: Locale, date: string | undefined): CountryRow {
  const none = m.stats_dash({}, { locale: lang });
  return {
    code: c.code,
    name: c.name,
    href: countryStatsHref(lang, c.code, date),
    participating: c.participating,
    teachers: numberText(c.teachers, lang),
    schools: numberText(c.schools, lang),
    projects: numberText(c.projects, lang),
    thisYear: maybeNumberText(c.projectsThisSchoolYear, lang),
    active: maybeNumberText(c.activeProjects, lang),
    share: c.share.teachers === null ? none : percentText(c.share.teachers, lang),
    rank: c.rank.teachers === null ? none : numberText(c.rank.teachers, lang),
    source: c.source.kind === 'live' ? m.stats_source_live_short({}, { locale: lang }) : sourceDetail(c.source, lang),
    imported: c.source.kind === 'imported',
  };
}

export function columnLabel(column: SortColumn, lang: Locale): string {
  const o = { locale: lang };
  const labels: Record<SortColumn, () => string> = {
    country: () => m.stats_col_country({}, o),
    teachers: () => m.stats_teachers({}, o),
    schools: () => m.stats_schools({}, o),
    projects: () => m.stats_projects({}, o),
    thisYear: () => m.stats_col_this_year({}, o),
    active: () => m.stats_col_active({}, o),
    share: () => m.stats_col_share({}, o),
    rank: () => m.stats_col_rank({}, o),
    source: () => m.stats_col_source({}, o),
  };
  return labels[column]();
}

export const metricLabel = (metric: string, lang: Locale) => {
  const o = { locale: lang };
  switch (metric) {
    case 'teachers':
      return m.stats_teachers({}, o);
    case 'schools':
      return m.stats_schools({}, o);
    case 'projects':
      return m.stats_projects({}, o);
    case 'projectsThisSchoolYear':
      return m.stats_projects_this_year({}, o);
    case 'newProjects':
      return m.stats_new_projects({}, o);
    default:
      return m.stats_active_projects({}, o);
  }
};
