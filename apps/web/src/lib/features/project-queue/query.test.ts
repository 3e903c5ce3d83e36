import { describe, expect, it } from 'vitest';
import { actionUrl, afterDecision, apiQuery, atCursor, hasFilters, readNotice, readQuery } from './query';

const read = (search: string) => readQuery(new URLSearchParams(search));

describe('the project-approval queue in the address', () => {
  it('reads the filters, "steps I can decide now" by default', () => {
    const q = read('country=+es+&kind=european&scope=all&cursor=abc');
    expect(q).toEqual({ country: 'ES', kind: 'european', scope: 'all', cursor: 'abc' });
    expect(hasFilters(q)).toBe(true);
    expect(read('').scope).toBe('mine');
    expect(read('scope=whatever').scope).toBe('mine');
    expect(hasFilters(read('cursor=abc'))).toBe(false);
  });

  it('asks the API for a page of the queue', () => {
    expect(apiQuery(read('country=FR&kind=national&cursor=c1')).toString()).toBe(
      'country=FR&kind=national&scope=mine&cursor=c1&limit=25',
    );
    expect(apiQuery(read('scope=all'), 10).toString()).toBe('scope=all&limit=10');
  });

  it('pages with links that keep the filters and drop a notice', () => {
    const url = new URL('http://x/es/aprobacion-de-proyectos?kind=european&cursor=old&done=approved&project=p1&at=ES');
    expect(atCursor(url, 'next')).toBe('/es/aprobacion-de-proyectos?kind=european&cursor=next');
    expect(atCursor(url, null)).toBe('/es/aprobacion-de-proyectos?kind=european');
  });

  it('posts to a named action that keeps the filters and the page', () => {
    const url = new URL('http://x/en/project-approvals?scope=all&cursor=c2&done=rejected&project=p1&/reject');
    expect(actionUrl(url, 'approve')).toBe('?scope=all&cursor=c2&/approve');
    expect(actionUrl(new URL('http://x/en/project-approvals'), 'consent')).toBe('?/consent');
  });

  it('comes back from a decision to the first page, with a notice', () => {
    const url = new URL('http://x/en/project-approvals?country=IT&cursor=c2&/approve');
    const back = afterDecision(url, 'approved', 'p-1', 'IT');
    expect(back).toBe('/en/project-approvals?country=IT&done=approved&project=p-1&at=IT');
    expect(readNotice(new URL(`http://x${back}`).searchParams)).toEqual({
      decision: 'approved',
      projectId: 'p-1',
      at: 'IT',
    });
    expect(readNotice(new URLSearchParams('done=deleted&project=p'))).toBeNull();
    expect(readNotice(new URLSearchParams('done=approved'))).toBeNull();
  });
});
