import { describe, expect, it } from 'vitest';
import { scoreMatch, type MatchProfile } from './score.ts';

const now = new Date('2026-03-11T10:00:00Z');
const recently = new Date('2026-03-01T10:00:00Z');
const teacher = (over: Partial<MatchProfile> = {}): MatchProfile => ({
  ages: { min: 12, max: 14 },
  languages: ['fr', 'es'],
  subjects: ['history'],
  timeZone: 'Europe/Madrid',
  lastActiveAt: recently,
  ...over,
});
const score = (a: MatchProfile, b: MatchProfile, areContacts = false) => scoreMatch(a, b, { now, areContacts });

describe('explainable matching score (R-PF-4)', () => {
  it('ranks a same-age, same-language candidate with common school hours above one without overlap', () => {
    const seeker = teacher();
    const good = score(seeker, teacher({ timeZone: 'Europe/Paris', languages: ['fr', 'de'] }));
    const far = score(
      seeker,
      teacher({
        ages: { min: 5, max: 8 },
        languages: ['fi'],
        timeZone: 'Asia/Baku',
        schoolDay: { start: '07:00', end: '10:00' },
      }),
    );
    expect(good.score).toBeGreaterThan(far.score);
    expect(good.score).toBe(100);
  });

  it('names the overlaps in its reasons, strongest first', () => {
    const m = score(
      teacher(),
      teacher({
        ages: { min: 13, max: 16 },
        languages: ['fr'],
        subjects: ['history', 'art'],
        timeZone: 'Europe/Lisbon',
      }),
    );
    expect(m.reasons[0]).toEqual({ kind: 'languages', codes: ['fr'] });
    expect(m.reasons).toContainEqual({ kind: 'ages', min: 13, max: 14 });
    expect(m.reasons).toContainEqual({ kind: 'subjects', codes: ['history'] });
    expect(m.reasons).toContainEqual({ kind: 'school_time', hoursPerWeek: 25, days: [1, 2, 3, 4, 5] });
    expect(m.reasons).toContainEqual({ kind: 'active', daysAgo: 10 });
  });

  it('gives no points and no reason for what does not overlap', () => {
    const m = score(teacher(), teacher({ ages: { min: 3, max: 6 }, languages: ['pl'], subjects: ['music'] }));
    expect(m.reasons.map((r) => r.kind)).not.toContain('ages');
    expect(m.reasons.map((r) => r.kind)).not.toContain('languages');
    expect(m.reasons.map((r) => r.kind)).not.toContain('subjects');
    expect(m.score).toBe(30); // school time 20 + school year 5 + activity 5
  });

  it('treats cross-curricular work as matching any subject, and fades inactive candidates', () => {
    const cross = score(teacher(), teacher({ subjects: ['cross_curricular'] }));
    expect(cross.score).toBe(100);
    const stale = score(teacher(), teacher({ lastActiveAt: new Date('2025-06-01T00:00:00Z') }));
    expect(stale.score).toBe(95);
    expect(stale.reasons.map((r) => r.kind)).not.toContain('active');
  });

  it('does not suggest people who are already contacts', () => {
    expect(score(teacher(), teacher(), true)).toEqual({ score: 0, reasons: [] });
  });

  it('counts the school year only when both overlap long enough (southern or shifted calendars)', () => {
    const shifted = score(teacher(), teacher({ schoolYear: { startMonth: 2, endMonth: 11 } }));
    expect(shifted.reasons).toContainEqual({ kind: 'school_year', weeks: 35 }); // Sep–Jun and Feb–Nov share 8 months
    const apart = score(
      teacher({ schoolYear: { startMonth: 9, endMonth: 12 } }),
      teacher({ schoolYear: { startMonth: 2, endMonth: 5 } }),
    );
    expect(apart.reasons.map((r) => r.kind)).not.toContain('school_year');
  });
});
