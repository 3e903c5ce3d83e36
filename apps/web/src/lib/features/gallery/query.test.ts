import { describe, expect, it } from 'vitest';
import { apiQuery, atCursor, hasFilters, readQuery, schoolYearOf, schoolYears, schoolYearText } from './query';

const read = (search: string) => readQuery(new URLSearchParams(search));

describe('the gallery search in the address', () => {
  it('reads repeated filters once each, every state by default', () => {
    const q = read('q=+agua+&country=fr&country=IT&country=FR&country=&subject=art&ageMin=8');
    expect(q.q).toBe('agua');
    expect(q.country).toEqual(['FR', 'IT']);
    expect(q.subject).toEqual(['art']);
    expect(q.state).toBe('all');
    expect(hasFilters(q)).toBe(true);
    expect(hasFilters(read('cursor=abc'))).toBe(false);
    expect(hasFilters(read('state=closed'))).toBe(true);
  });

  it('asks the API for a page with only what is set', () => {
    const q = read(
      'q=a&country=FR&country=IT&language=fr&ageMax=12&kind=national&schoolYear=2026&state=active&cursor=c',
    );
    expect(apiQuery(q).toString()).toBe(
      'q=a&country=FR&country=IT&language=fr&ageMax=12&kind=national&schoolYear=2026&state=active&cursor=c&limit=20',
    );
    expect(apiQuery(read('state=all')).toString()).toBe('limit=20');
  });

  it('pages with plain links that keep the search', () => {
    const url = new URL('http://x/es/galeria?q=agua&country=FR&cursor=old');
    expect(atCursor(url, 'next')).toBe('/es/galeria?q=agua&country=FR&cursor=next');
    expect(atCursor(url, null)).toBe('/es/galeria?q=agua&country=FR');
  });

  it('names school years by their first calendar year', () => {
    expect(schoolYearText(2026)).toBe('2026-27');
    expect(schoolYearText(2099)).toBe('2099-00');
    expect(schoolYearOf(new Date('2026-08-31T12:00:00Z'))).toBe(2025);
    expect(schoolYearOf(new Date('2026-09-01T00:00:00Z'))).toBe(2026);
    expect(schoolYears(new Date('2026-11-29T00:00:00Z'), 2024)).toEqual([2026, 2025, 2024]);
  });
});
