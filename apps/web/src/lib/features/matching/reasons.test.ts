import type { MatchReason } from '@opentwinning/contracts';
import { describe, expect, it } from 'vitest';
import { reasonText, reasonsLine, weekdaysText } from './reasons';

const all: MatchReason[] = [
  { kind: 'ages', min: 12, max: 14 },
  { kind: 'languages', codes: ['fr'] },
  { kind: 'school_time', hoursPerWeek: 30, days: [1, 2, 3, 4, 5] },
  { kind: 'subjects', codes: ['history'] },
  { kind: 'school_year', weeks: 39 },
  { kind: 'active', daysAgo: 3 },
];

describe('why a partner is suggested, in words', () => {
  it('words every reason in English, joined with a middle dot', () => {
    expect(reasonsLine(all, 'en')).toBe(
      'Pupils 12–14 on both sides · both work in French · 30 h of common school time a week, Mon–Fri · ' +
        'both teach History · school years overlap 39 weeks · active in the last 30 days',
    );
  });

  it('words every reason in Spanish', () => {
    expect(reasonsLine(all, 'es')).toBe(
      'Alumnado de 12 a 14 años por ambas partes · ambas partes trabajan en francés · ' +
        '30 h de horario escolar en común a la semana, lun–vie · ambas partes enseñan Historia · ' +
        'los cursos escolares coinciden 39 semanas · con actividad en los últimos 30 días',
    );
  });

  it('lists several languages and subjects the way each language does', () => {
    expect(reasonText({ kind: 'languages', codes: ['fr', 'en', 'it'] }, 'en')).toBe(
      'both work in French, English and Italian',
    );
    expect(reasonText({ kind: 'languages', codes: ['es', 'it'] }, 'es')).toBe(
      'ambas partes trabajan en español e italiano',
    );
    expect(reasonText({ kind: 'subjects', codes: ['history', 'geography'] }, 'en')).toBe(
      'both teach History and Geography',
    );
    expect(reasonText({ kind: 'subjects', codes: ['history', 'geography'] }, 'es')).toBe(
      'ambas partes enseñan Historia y Geografía',
    );
  });

  it('says one age, an old activity and fractional hours', () => {
    expect(reasonText({ kind: 'ages', min: 10, max: 10 }, 'en')).toBe('pupils aged 10 on both sides');
    expect(reasonText({ kind: 'active', daysAgo: 45 }, 'en')).toBe('active 45 days ago');
    expect(reasonText({ kind: 'active', daysAgo: 45 }, 'es')).toBe('última actividad hace 45 días');
    expect(reasonText({ kind: 'active', daysAgo: 30 }, 'en')).toBe('active in the last 30 days');
    expect(reasonText({ kind: 'school_time', hoursPerWeek: 7.5, days: [2, 4] }, 'es')).toBe(
      '7,5 h de horario escolar en común a la semana, mar y jue',
    );
    expect(reasonText({ kind: 'school_time', hoursPerWeek: 4, days: [] }, 'en')).toBe(
      '4 h of common school time a week',
    );
  });

  it('writes contiguous school days as ranges, the rest as a list', () => {
    expect(weekdaysText([1, 2, 3, 4, 5], 'en')).toBe('Mon–Fri');
    expect(weekdaysText([5, 1, 3], 'en')).toBe('Mon, Wed and Fri');
    expect(weekdaysText([1, 2, 3, 5], 'en')).toBe('Mon–Wed and Fri');
    expect(weekdaysText([1, 2], 'en')).toBe('Mon and Tue');
    expect(weekdaysText([2, 3, 4], 'es')).toBe('mar–jue');
    expect(weekdaysText([], 'en')).toBe('');
  });

  it('leaves an empty line when there is no reason', () => {
    expect(reasonsLine([], 'en')).toBe('');
  });
});
