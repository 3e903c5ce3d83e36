import { describe, expect, it } from 'vitest';
import { commonSchoolTime, offsetMinutes } from './school-time.ts';

const winter = new Date('2026-01-14T12:00:00Z'); // a Wednesday
const summer = new Date('2026-06-17T12:00:00Z');

describe('time-zone offsets (daylight-saving included)', () => {
  it.each([
    ['Europe/Madrid', winter, 60],
    ['Europe/Madrid', summer, 120],
    ['Europe/Lisbon', winter, 0],
    ['Europe/Istanbul', winter, 180],
    ['Asia/Baku', summer, 240],
    ['Atlantic/Canary', summer, 60],
  ])('%s on %s is UTC%+d min', (tz, at, expected) => {
    expect(offsetMinutes(tz, at as Date)).toBe(expected);
  });
});

describe('common school time (default day 08:30–14:30, Monday–Friday)', () => {
  it('is the whole day for two schools in the same zone', () => {
    expect(commonSchoolTime({ timeZone: 'Europe/Madrid' }, { timeZone: 'Europe/Paris' }, winter)).toEqual({
      hoursPerWeek: 30,
      days: [1, 2, 3, 4, 5],
    });
  });

  it('loses an hour a day between Madrid and Lisbon', () => {
    expect(commonSchoolTime({ timeZone: 'Europe/Madrid' }, { timeZone: 'Europe/Lisbon' }, winter).hoursPerWeek).toBe(
      25,
    );
  });

  it('follows daylight saving: Madrid–Baku overlap is 3 h a day in winter, 4 h in summer', () => {
    // Baku is UTC+4 all year; Madrid is UTC+1 in winter, UTC+2 in summer.
    expect(commonSchoolTime({ timeZone: 'Europe/Madrid' }, { timeZone: 'Asia/Baku' }, winter).hoursPerWeek).toBe(15);
    expect(commonSchoolTime({ timeZone: 'Europe/Madrid' }, { timeZone: 'Asia/Baku' }, summer).hoursPerWeek).toBe(20);
  });

  it('is none when the days do not meet, and uses each school’s own hours', () => {
    const early = { timeZone: 'Asia/Baku', day: { start: '08:00', end: '11:00' } };
    expect(commonSchoolTime({ timeZone: 'Europe/Lisbon' }, early, winter)).toEqual({ hoursPerWeek: 0, days: [] });
    const late = { timeZone: 'Europe/Lisbon', day: { start: '13:00', end: '18:00' } };
    expect(commonSchoolTime({ timeZone: 'Europe/Madrid' }, late, winter)).toEqual({
      hoursPerWeek: 2.5,
      days: [1, 2, 3, 4, 5],
    });
  });
});
