import { describe, expect, it } from 'vitest';
import { apiQuery, atCursor, hasFilters, readQuery, withoutFilters } from './query';

const read = (search: string) => readQuery(new URLSearchParams(search));

describe('the partner search in the address', () => {
  it('reads repeated filters once each, and teachers by default', () => {
    const q = read('q=+matematicas+&country=FR&country=DE&country=FR&country=&looking=true');
    expect(q.in).toBe('teachers');
    expect(q.q).toBe('matematicas');
    expect(q.country).toEqual(['FR', 'DE']);
    expect(q.looking).toBe('true');
    expect(hasFilters(q)).toBe(true);
    expect(hasFilters(read('q=x&in=schools'))).toBe(false);
    expect(read('in=schools').in).toBe('schools');
    expect(read('in=elsewhere').in).toBe('teachers');
  });

  it('asks the API for a page, without the teacher-only filters for schools', () => {
    const teachers = read('q=a&country=FR&subject=art&language=fr&looking=true&activeMonths=6&ageMin=&cursor=abc');
    expect(apiQuery(teachers).toString()).toBe(
      'q=a&country=FR&subject=art&language=fr&looking=true&activeMonths=6&cursor=abc&limit=20',
    );
    const schools = read('in=schools&q=a&country=FR&subject=art&language=fr&looking=true&activeMonths=6&ageMax=12');
    expect(apiQuery(schools).toString()).toBe('q=a&country=FR&ageMax=12&limit=20');
  });

  it('leaves one facet group and the page out for that group’s counts', () => {
    const q = read('country=FR&country=DE&subject=art&looking=true&cursor=abc');
    expect(apiQuery(q, { without: 'country', limit: 1, page: false }).toString()).toBe(
      'subject=art&looking=true&limit=1',
    );
    expect(apiQuery(q, { without: 'looking', limit: 1, page: false }).toString()).toBe(
      'country=FR&country=DE&subject=art&limit=1',
    );
  });

  it('pages and clears with plain links that keep the rest of the search', () => {
    const url = new URL('http://x/es/buscar?q=rocio&in=teachers&country=ES&cursor=old');
    expect(atCursor(url, 'next')).toBe('/es/buscar?q=rocio&in=teachers&country=ES&cursor=next');
    expect(atCursor(url, null)).toBe('/es/buscar?q=rocio&in=teachers&country=ES');
    expect(withoutFilters(url, readQuery(url.searchParams))).toBe('/es/buscar?q=rocio&in=teachers');
  });
});
