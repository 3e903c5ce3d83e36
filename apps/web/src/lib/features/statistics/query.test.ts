import { describe, expect, it } from 'vitest';
import { metricHref, readQuery, sortHref, sortRows, type SortableRow } from './query';

const read = (search: string) => readQuery(new URLSearchParams(search));

describe('the statistics page in the address', () => {
  it('reads the date, the metric and the order, with defaults for anything unknown', () => {
    expect(read('')).toEqual({ date: '', metric: 'teachers', sort: 'teachers', dir: 'desc' });
    expect(read('date=2020-01-31&metric=schools&sort=country&dir=desc')).toEqual({
      date: '2020-01-31',
      metric: 'schools',
      sort: 'country',
      dir: 'desc',
    });
    expect(read('metric=nope&sort=nope&dir=up')).toEqual({
      date: '',
      metric: 'teachers',
      sort: 'teachers',
      dir: 'desc',
    });
    // A column without a direction starts in its own: names A→Z, figures most first.
    expect(read('sort=country').dir).toBe('asc');
    expect(read('sort=rank').dir).toBe('asc');
    expect(read('sort=schools').dir).toBe('desc');
  });

  it('links each column header to its order, keeping the date and the map', () => {
    const url = new URL('http://x/es/estadisticas?date=2020-01-31&metric=schools&sort=teachers&dir=desc');
    const q = readQuery(url.searchParams);
    expect(sortHref(url, q, 'teachers')).toBe(
      '/es/estadisticas?date=2020-01-31&metric=schools&sort=teachers&dir=asc#countries-table',
    );
    expect(sortHref(url, q, 'country')).toBe(
      '/es/estadisticas?date=2020-01-31&metric=schools&sort=country&dir=asc#countries-table',
    );
    expect(metricHref(url, 'projects')).toBe(
      '/es/estadisticas?date=2020-01-31&metric=projects&sort=teachers&dir=desc#stats-map',
    );
    expect(metricHref(url, 'teachers')).toBe('/es/estadisticas?date=2020-01-31&sort=teachers&dir=desc#stats-map');
  });
});

describe('sorting the countries', () => {
  const row = (name: string, teachers: number, participating = true): SortableRow => ({
    name,
    participating,
    teachers,
    schools: teachers / 2,
    projects: 0,
    projectsThisSchoolYear: 0,
    activeProjects: 0,
    share: participating ? teachers / 100 : null,
    rank: null,
    sourceKey: '',
  });
  const rows = [
    row('España', 30),
    row('Austria', 10),
    row('Österreich-like', 30),
    row('Suiza', 5, false),
    row('Andorra', 0, false),
  ];

  it('puts the countries taking part first, each group in the asked order, ties by name', () => {
    const { participating, others } = sortRows(rows, 'teachers', 'desc', 'es');
    expect(participating.map((r) => r.name)).toEqual(['España', 'Österreich-like', 'Austria']);
    expect(others.map((r) => r.name)).toEqual(['Suiza', 'Andorra']);
    expect(sortRows(rows, 'country', 'asc', 'es').participating.map((r) => r.name)).toEqual([
      'Austria',
      'España',
      'Österreich-like',
    ]);
    expect(sortRows(rows, 'share', 'asc', 'es').participating[0]?.name).toBe('Austria');
  });
});
