import { describe, expect, it } from 'vitest';
import { apiQuery, atCursor, hasFilters, readQuery } from './query';

const read = (search: string) => readQuery(new URLSearchParams(search));

describe('the forum list in the address', () => {
  it('reads the filters, open posts of everyone by default', () => {
    const q = read('');
    expect(q.status).toBe('open');
    expect(q.mine).toBe(false);
    expect(hasFilters(q)).toBe(false);
    expect(hasFilters(read('status=all'))).toBe(true);
    expect(hasFilters(read('mine=true'))).toBe(true);
    expect(read('q=+agua+&kind=seek').q).toBe('agua');
  });

  it('asks the API for a page with only what is set', () => {
    expect(apiQuery(read('')).toString()).toBe('limit=20');
    const q = read(
      'q=agua&kind=seek&country=IT&wanted=FR&ageMin=12&ageMax=&subject=history&status=all&mine=true&cursor=c',
    );
    expect(apiQuery(q).toString()).toBe(
      'q=agua&kind=seek&country=IT&wanted=FR&ageMin=12&subject=history&status=all&mine=true&cursor=c&limit=20',
    );
  });

  it('pages with plain links that keep the filters', () => {
    const url = new URL('http://x/es/foro-de-socios?subject=history&cursor=old');
    expect(atCursor(url, 'next')).toBe('/es/foro-de-socios?subject=history&cursor=next');
    expect(atCursor(url, null)).toBe('/es/foro-de-socios?subject=history');
    expect(atCursor(new URL('http://x/en/partner-forum?cursor=a'), null)).toBe('/en/partner-forum');
  });
});
