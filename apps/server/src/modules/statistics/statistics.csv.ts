import type { SeriesResponse, StatisticsResponse } from '@opentwinning/contracts';
import { stringify } from 'csv-stringify/sync';

/** A cell a spreadsheet would read as a formula (=, +, -, @) is written as text. */
const text = (value: string) => (/^[=+\-@\t\r]/.test(value) ? `'${value}` : value);

/** Europe's line first (area "europe"), then one line per country. */
export function statisticsCsv(
  data: Pick<StatisticsResponse, 'date' | 'europe' | 'countries'>,
  europeName: string,
): string {
  const e = data.europe;
  const lines: (string | number | null)[][] = [
    [
      'date',
      'area',
      'code',
      'name',
      'participating',
      'teachers',
      'schools',
      'projects',
      'projects_school_year',
      'active_projects',
      'share_teachers',
      'rank_teachers',
      'source',
      'source_name',
      'source_date',
    ],
    [
      data.date,
      'europe',
      '',
      europeName,
      'true',
      e.teachers,
      e.schools,
      e.projects,
      e.projectsThisSchoolYear,
      e.activeProjects,
      1,
      '',
      e.includesImported ? 'mixed' : 'live',
      '',
      '',
    ],
    ...data.countries.map((c) => [
      data.date,
      'country',
      c.code,
      text(c.name),
      String(c.participating),
      c.teachers,
      c.schools,
      c.projects,
      c.projectsThisSchoolYear,
      c.activeProjects,
      c.share.teachers === null ? '' : Number(c.share.teachers.toFixed(6)),
      c.rank.teachers ?? '',
      c.source.kind,
      text(c.source.name ?? ''),
      c.source.date ?? '',
    ]),
  ];
  return stringify(lines.map((l) => l.map((v) => (v === null ? '' : v))));
}

export function seriesCsv(data: SeriesResponse): string {
  return stringify([
    [
      'area',
      'name',
      'by',
      'period',
      'end',
      'teachers',
      'schools',
      'projects',
      'new_projects',
      'active_projects',
      'source',
    ],
    ...data.points.map((p) => [
      data.area,
      data.name,
      data.by,
      p.period,
      p.end,
      p.teachers,
      p.schools,
      p.projects,
      p.newProjects,
      p.activeProjects ?? '',
      p.source,
    ]),
  ]);
}
