import { describe, expect, it } from 'vitest';
import {
  daysText,
  mapLegend,
  numberText,
  ordinalText,
  percentText,
  periodText,
  rankText,
  sourceText,
  stepShare,
} from './present';

describe('statistics wording', () => {
  it('formats numbers and shares per language', () => {
    expect(numberText(30131, 'es')).toBe('30.131');
    expect(numberText(30131, 'en')).toBe('30,131');
    expect(numberText(5000, 'es')).toBe('5.000');
    expect(percentText(0.0834, 'es')).toBe('8,3\u00a0%');
    expect(percentText(0.0834, 'en')).toBe('8.3%');
    expect(stepShare(50, 200, 'en')).toBe('25.0%');
    expect(stepShare(0, 0, 'en')).toBeNull();
  });

  it('says ranks and days', () => {
    expect(ordinalText(5, 'es')).toBe('5.º');
    expect(['1st', '2nd', '3rd', '4th', '11th', '22nd'].join()).toBe(
      [1, 2, 3, 4, 11, 22].map((n) => ordinalText(n, 'en')).join(),
    );
    expect(rankText(5, 36, 'es')).toBe('5.º de 36 países');
    expect(rankText(5, 36, 'en')).toBe('5th of 36 countries');
    expect(daysText(1, 'es')).toBe('1 día');
    expect(daysText(4.46, 'es')).toBe('4,5 días');
    expect(daysText(null, 'en')).toBe('No data');
  });

  it('names periods and sources', () => {
    expect(periodText('2015-09', 'month', 'es')).toBe('septiembre de 2015');
    expect(periodText('2015-09', 'month', 'en')).toBe('September 2015');
    expect(periodText('2015-16', 'school-year', 'en')).toBe('2015-16');
    expect(sourceText({ kind: 'live', name: null, date: null }, 'en')).toBe('Platform data');
    expect(sourceText({ kind: 'imported', name: 'Annual report 2015', date: '2015-09-01' }, 'en')).toBe(
      'Imported from “Annual report 2015”, figures of 1 September 2015',
    );
  });
});

describe('the map legend', () => {
  const legend =
    '<g aria-hidden="true" font-size="13"><rect x="10" y="140" fill="#ffffff" stroke="#b8c4d0"/>' +
    '<text x="22">Docentes &amp; más</text><rect fill="#e6edf5" stroke="#8fa3b8"/><text>0</text>' +
    '<rect fill="#08306b" stroke="#ffffff"/><text>1–2</text></g>';

  it('is read back from the last group of the API map', () => {
    expect(mapLegend(`<svg role="graphics-document"><g></g>${legend}</svg>`)).toEqual({
      title: 'Docentes & más',
      items: [
        { fill: '#e6edf5', stroke: '#8fa3b8', label: '0' },
        { fill: '#08306b', stroke: '#ffffff', label: '1–2' },
      ],
    });
  });

  it('is left out when the map draws none in that form', () => {
    expect(mapLegend('<svg><g aria-hidden="true"><path/></g></svg>')).toBeNull();
    expect(mapLegend(`<svg>${legend}<g></g></svg>`)).toBeNull();
    expect(mapLegend(`<svg>${legend.replace('#08306b', 'red;x')}</svg>`)).toBeNull();
  });
});
