import { describe, expect, it } from 'vitest';
import { canonicalPath, href, switchLanguage, toInternalPath } from './paths';

describe('localised addresses', () => {
  it('writes each page in its language', () => {
    expect(href('es', 'countries')).toBe('/es/paises');
    expect(href('en', 'countries', { date: '2016-02-19' })).toBe('/en/countries?date=2016-02-19');
    expect(href('es', 'about')).toBe('/es/que-es');
    expect(href('en', 'home')).toBe('/en');
    expect(href('en', 'countries', { date: '' })).toBe('/en/countries');
  });

  it('routes localised slugs to the internal route', () => {
    expect(toInternalPath('/es/paises')).toBe('/es/countries');
    expect(toInternalPath('/es/que-es')).toBe('/es/about');
    expect(toInternalPath('/en/countries')).toBe('/en/countries');
    expect(toInternalPath('/es')).toBe('/es');
    expect(toInternalPath('/fr/paises')).toBe('/fr/paises');
    expect(toInternalPath('/_app/immutable/x.js')).toBe('/_app/immutable/x.js');
  });

  it('redirects a slug of the other language to the canonical one', () => {
    expect(canonicalPath('/en/paises')).toBe('/en/countries');
    expect(canonicalPath('/es/about')).toBe('/es/que-es');
    expect(canonicalPath('/es/paises')).toBeUndefined();
    expect(canonicalPath('/es/nowhere')).toBeUndefined();
  });

  it('switches language on the same page, keeping the query', () => {
    expect(switchLanguage(new URL('http://x/es/paises?date=2016-02-19'), 'en')).toBe('/en/countries?date=2016-02-19');
    expect(switchLanguage(new URL('http://x/en/about'), 'es')).toBe('/es/que-es');
    expect(switchLanguage(new URL('http://x/en'), 'es')).toBe('/es');
    expect(switchLanguage(new URL('http://x/'), 'en')).toBe('/en');
  });
});
