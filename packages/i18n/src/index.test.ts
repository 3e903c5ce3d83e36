import { describe, expect, it } from 'vitest';
import { negotiateLocale } from './index.ts';

describe('negotiateLocale (Accept-Language)', () => {
  it.each([
    [undefined, 'es'],
    ['', 'es'],
    ['en', 'en'],
    ['en-GB,en;q=0.9', 'en'],
    ['fr-FR,fr;q=0.9,en;q=0.8,es;q=0.7', 'en'],
    ['fr-FR,es;q=0.5,en;q=0.4', 'es'],
    ['de-DE', 'es'],
    ['en;q=0, es;q=0.1', 'es'],
    ['EN-us', 'en'],
    ['*', 'es'],
    ['en;q=abc', 'es'],
  ])('%s → %s', (header, expected) => {
    expect(negotiateLocale(header)).toBe(expected);
  });
});
