import { z } from 'zod';
import { IsoDate } from './countries.ts';

/**
 * Public statistics and open data (R-STAT-1..3). Definitions, as of the end of a day (UTC):
 * - teachers: people holding at least one validated affiliation to a school of the country
 *   (from the day it was validated until the day they leave the school);
 * - schools: schools with at least one such validated affiliation;
 * - projects: approved projects in which a school of the country takes or took part, counted from
 *   the later of the approval and the school joining, closed and archived ones included;
 *   `projectsThisSchoolYear`: those counted since 1 September of the school year that contains the
 *   date; `activeProjects`: not closed, with a school of the country still taking part.
 * Europe sums the countries taking part on the date; it counts each project once, in the country
 * of the school that founded it.
 */
export const statisticsMetrics = [
  'teachers',
  'schools',
  'projects',
  'projectsThisSchoolYear',
  'activeProjects',
] as const;
export const StatisticsMetric = z.enum(statisticsMetrics);
export type StatisticsMetric = z.infer<typeof StatisticsMetric>;

export const Figures = z.object({
  teachers: z.number().int(),
  schools: z.number().int(),
  projects: z.number().int(),
  projectsThisSchoolYear: z.number().int(),
  activeProjects: z.number().int(),
});
export type Figures = z.infer<typeof Figures>;

/** Where a figure comes from: the platform's own data, or figures imported for earlier periods. */
export const FigureSource = z.object({
  kind: z.enum(['live', 'imported']),
  /** The imported batch's source as given at import (e.g. "eTwinning Spain, annual report 2015"). */
  name: z.string().nullable(),
  /** The date of the imported figures used. */
  date: z.string().nullable(),
});
export type FigureSource = z.infer<typeof FigureSource>;

export const CountryFigures = Figures.extend({
  /** Unknown (null) for imported figures that do not say it. */
  projectsThisSchoolYear: z.number().int().nullable(),
  activeProjects: z.number().int().nullable(),
  code: z.string().length(2),
  name: z.string(),
  /** Taking part on the date (joined on or before it, not left before it). */
  participating: z.boolean(),
  source: FigureSource,
  /** Share of the European total (0..1); null for a country not taking part on the date. */
  share: z.object({ teachers: z.number().nullable(), schools: z.number().nullable(), projects: z.number().nullable() }),
  /** Rank among the participating countries (1 = most); null when not taking part. */
  rank: z.object({ teachers: z.number().int().nullable(), projects: z.number().int().nullable() }),
});
export type CountryFigures = z.infer<typeof CountryFigures>;

export const SchoolYear = z.object({
  /** First calendar year: 2015 for 2015-16. */
  start: z.number().int(),
  label: z.string(),
  from: z.string(),
});
export type SchoolYear = z.infer<typeof SchoolYear>;

export const Licence = z.object({ name: z.string(), url: z.string() });

export const EuropeFigures = Figures.extend({
  /** Countries taking part on the date. */
  countries: z.number().int(),
  /** Some country's figures come from an import. */
  includesImported: z.boolean(),
});
export type EuropeFigures = z.infer<typeof EuropeFigures>;

export const StatisticsQuery = z.object({
  date: IsoDate.optional(),
  format: z.enum(['json', 'csv']).optional(),
  lang: z.enum(['es', 'en']).optional(),
});

export const StatisticsResponse = z.object({
  date: z.string(),
  schoolYear: SchoolYear,
  europe: EuropeFigures,
  /** Every country with figures or taking part on the date, by name. */
  countries: z.array(CountryFigures),
  licence: Licence,
});
export type StatisticsResponse = z.infer<typeof StatisticsResponse>;

export const PartnerCountry = z.object({ code: z.string(), name: z.string(), projects: z.number().int() });
export type PartnerCountry = z.infer<typeof PartnerCountry>;

export const CountryStatisticsResponse = z.object({
  date: z.string(),
  schoolYear: SchoolYear,
  country: CountryFigures,
  europe: EuropeFigures,
  /** The countries it shares most projects with (approved on or before the date), most first. */
  partners: z.array(PartnerCountry),
  licence: Licence,
});
export type CountryStatisticsResponse = z.infer<typeof CountryStatisticsResponse>;

export const SeriesPeriod = z.enum(['month', 'school-year']);
export type SeriesPeriod = z.infer<typeof SeriesPeriod>;

export const SeriesQuery = StatisticsQuery.extend({
  /** A country code; Europe when absent. */
  country: z.string().optional(),
  by: SeriesPeriod.optional(),
});

export const SeriesPoint = z.object({
  /** 2015-09 for a month, 2015-16 for a school year. */
  period: z.string(),
  /** The last day the point describes (the date itself for the last, unfinished period). */
  end: z.string(),
  teachers: z.number().int(),
  schools: z.number().int(),
  projects: z.number().int(),
  /** Projects approved during the period. */
  newProjects: z.number().int(),
  /** Unknown (null) for imported figures. */
  activeProjects: z.number().int().nullable(),
  /** mixed: Europe's point adds imported figures of some countries to the platform's own. */
  source: z.enum(['live', 'imported', 'mixed']),
});
export type SeriesPoint = z.infer<typeof SeriesPoint>;

export const SeriesResponse = z.object({
  date: z.string(),
  /** 'europe' or a country code. */
  area: z.string(),
  name: z.string(),
  by: SeriesPeriod,
  points: z.array(SeriesPoint),
  licence: Licence,
});
export type SeriesResponse = z.infer<typeof SeriesResponse>;

export const ChartQuery = SeriesQuery.extend({
  metric: z.enum(['teachers', 'schools', 'projects', 'newProjects', 'activeProjects']).optional(),
});
export const MapQuery = StatisticsQuery.extend({ metric: StatisticsMetric.optional() });

/** R-STAT-4: the support services' dashboard, for one country (NSS) or all (CSS). */
export const WaitingFigures = z.object({
  /** Waiting now. */
  waiting: z.number().int(),
  /** Days the waiting ones have waited (percentiles), null when none wait. */
  waitingDays: z.object({ p50: z.number().nullable(), p90: z.number().nullable(), max: z.number().nullable() }),
  /** Decided in the last 90 days, and how many days they had waited. */
  decided90: z.number().int(),
  decidedDays: z.object({ p50: z.number().nullable(), p90: z.number().nullable() }),
});
export type WaitingFigures = z.infer<typeof WaitingFigures>;

export const DashboardQuery = z.object({ country: z.string().optional(), lang: z.enum(['es', 'en']).optional() });
export const DashboardResponse = z.object({
  /** null: all countries (CSS). */
  country: z.object({ code: z.string(), name: z.string() }).nullable(),
  /** The countries this officer may look at (the CSS: all taking part). */
  scopes: z.array(z.object({ code: z.string(), name: z.string() })),
  validations: WaitingFigures,
  projectApprovals: WaitingFigures,
  funnel: z.object({
    /** Accounts that asked to join a school of the country (not deleted). */
    registered: z.number().int(),
    validated: z.number().int(),
    /** Validated teachers taking part in an approved project (active, closed or archived). */
    inProject: z.number().int(),
    /** Quality labels are not awarded on the platform yet: null. */
    labelled: z.number().int().nullable(),
  }),
});
export type DashboardResponse = z.infer<typeof DashboardResponse>;

/** R-STAT historical import: CSS officers import aggregate figures for periods before the platform. */
export const StatisticsImportRequest = z.object({
  /** Where the figures come from, shown next to them. */
  source: z.string().trim().min(3).max(200),
  /** CSV with a header line: date,country,teachers,schools,projects */
  csv: z.string().min(1).max(2_000_000),
});
export const StatisticsImport = z.object({
  id: z.string(),
  source: z.string(),
  rows: z.number().int(),
  countries: z.array(z.string()),
  from: z.string(),
  to: z.string(),
  importedAt: z.string(),
  importedBy: z.string().nullable(),
});
export type StatisticsImport = z.infer<typeof StatisticsImport>;
export const StatisticsImportsResponse = z.object({ imports: z.array(StatisticsImport) });
export type StatisticsImportsResponse = z.infer<typeof StatisticsImportsResponse>;
