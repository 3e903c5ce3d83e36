/**
 * School time across time zones, for partner matching (R-PF-4): how many hours of a week two
 * schools are both in session, with each school's local day and daylight-saving time handled.
 */

/** A school day in local time, 'HH:MM' 24-hour. */
export interface SchoolDay {
  start: string;
  end: string;
}

export const DEFAULT_SCHOOL_DAY: SchoolDay = { start: '08:30', end: '14:30' };

const minutesOf = (hhmm: string) => {
  const [h = '0', m = '0'] = hhmm.split(':');
  return Number(h) * 60 + Number(m);
};

/** The offset of a time zone from UTC, in minutes, at an instant (DST included), from the platform's tz data. */
const formatters = new Map<string, Intl.DateTimeFormat>();
function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

export function offsetMinutes(timeZone: string, at: Date): number {
  const parts = formatterFor(timeZone).formatToParts(at);
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  const asUtc = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
  return Math.round((asUtc - Math.floor(at.getTime() / 1000) * 1000) / 60_000);
}

/** The UTC interval [start, end) of a local school day on a given calendar date (YYYY, M, D). */
function dayInterval(timeZone: string, day: SchoolDay, y: number, m: number, d: number): [number, number] {
  const localMidnightAsUtc = Date.UTC(y, m, d);
  // The offset at local noon of that date is the offset of the school day (no school at a DST switch, 02:00–03:00).
  const offset = offsetMinutes(timeZone, new Date(localMidnightAsUtc + 12 * 3_600_000));
  const start = localMidnightAsUtc + (minutesOf(day.start) - offset) * 60_000;
  const end = localMidnightAsUtc + (minutesOf(day.end) - offset) * 60_000;
  return [start, end];
}

export interface CommonTime {
  /** Hours per week both schools are in session (Monday–Friday of the week of `weekOf`). */
  hoursPerWeek: number;
  /** Weekdays (1 = Monday … 5 = Friday) with at least 30 common minutes. */
  days: number[];
}

const computed = new Map<string, CommonTime>();

/** Common school time of two schools in the week (Mon–Fri) that contains `weekOf` (remembered: pure). */
export function commonSchoolTime(
  a: { timeZone: string; day?: SchoolDay },
  b: { timeZone: string; day?: SchoolDay },
  weekOf: Date,
): CommonTime {
  const da = a.day ?? DEFAULT_SCHOOL_DAY;
  const db = b.day ?? DEFAULT_SCHOOL_DAY;
  const key = `${a.timeZone}|${da.start}|${da.end}|${b.timeZone}|${db.start}|${db.end}|${weekOf.toISOString().slice(0, 10)}`;
  let result = computed.get(key);
  if (!result) {
    if (computed.size > 10_000) computed.clear();
    result = computeCommonSchoolTime(a, b, weekOf);
    computed.set(key, result);
  }
  return result;
}

function computeCommonSchoolTime(
  a: { timeZone: string; day?: SchoolDay },
  b: { timeZone: string; day?: SchoolDay },
  weekOf: Date,
): CommonTime {
  const monday = new Date(Date.UTC(weekOf.getUTCFullYear(), weekOf.getUTCMonth(), weekOf.getUTCDate()));
  monday.setUTCDate(monday.getUTCDate() - ((monday.getUTCDay() + 6) % 7));
  let minutes = 0;
  const days: number[] = [];
  for (let i = 0; i < 5; i++) {
    const date = new Date(monday.getTime() + i * 86_400_000);
    const [y, m, d] = [date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()];
    // Each school's Monday is its own local Monday; comparing the same calendar date is what teachers mean.
    const [as, ae] = dayInterval(a.timeZone, a.day ?? DEFAULT_SCHOOL_DAY, y, m, d);
    const [bs, be] = dayInterval(b.timeZone, b.day ?? DEFAULT_SCHOOL_DAY, y, m, d);
    const overlap = Math.max(0, Math.min(ae, be) - Math.max(as, bs)) / 60_000;
    minutes += overlap;
    if (overlap >= 30) days.push(i + 1);
  }
  return { hoursPerWeek: Math.round((minutes / 60) * 10) / 10, days };
}
