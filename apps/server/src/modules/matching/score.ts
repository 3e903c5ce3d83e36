import { commonSchoolTime, type SchoolDay } from './school-time.ts';

/**
 * Explainable partner matching (R-PF-4): a documented score from 0 to 100 and the reasons behind
 * it, as data (the page words them in the reader's language). Pure: no I/O, no clock of its own.
 *
 * | part | weight | how |
 * |---|---|---|
 * | pupils' ages | 30 | overlap of the two age ranges ÷ the narrower range |
 * | working languages | 25 | 25 when at least one is shared |
 * | subjects | 15 | shared ÷ the smaller list (cross-curricular matches anything) |
 * | common school time | 20 | hours per week both are in session ÷ 10, at most 1 |
 * | school year | 5 | 5 when both school years overlap by at least 16 weeks |
 * | recent activity | 5 | 5 when active within 30 days, falling to 0 at 180 days |
 * Already contacts: not suggested (score 0).
 */
export interface MatchProfile {
  ages: { min: number; max: number };
  languages: string[];
  subjects: string[];
  timeZone: string;
  schoolDay?: SchoolDay;
  /** School year as months (1–12) of start and end, e.g. September → June. */
  schoolYear?: { startMonth: number; endMonth: number };
  lastActiveAt: Date;
}

export type MatchReason =
  | { kind: 'ages'; min: number; max: number }
  | { kind: 'languages'; codes: string[] }
  | { kind: 'subjects'; codes: string[] }
  | { kind: 'school_time'; hoursPerWeek: number; days: number[] }
  | { kind: 'school_year'; weeks: number }
  | { kind: 'active'; daysAgo: number };

export interface Match {
  score: number;
  /** Strongest first. */
  reasons: MatchReason[];
}

const WEIGHTS = { ages: 30, languages: 25, subjects: 15, schoolTime: 20, schoolYear: 5, activity: 5 } as const;
const DEFAULT_YEAR = { startMonth: 9, endMonth: 6 };
const DAY = 86_400_000;

/** Months of a school year (start → end, wrapping over the new year), as a set of 1–12. */
function monthsOf(y: { startMonth: number; endMonth: number }): Set<number> {
  const months = new Set<number>();
  for (let m = y.startMonth; ; m = (m % 12) + 1) {
    months.add(m);
    if (m === y.endMonth || months.size === 12) return months;
  }
}

export function scoreMatch(
  seeker: MatchProfile,
  candidate: MatchProfile,
  options: { now: Date; areContacts: boolean },
): Match {
  if (options.areContacts) return { score: 0, reasons: [] };
  const parts: { points: number; reason?: MatchReason }[] = [];

  const lo = Math.max(seeker.ages.min, candidate.ages.min);
  const hi = Math.min(seeker.ages.max, candidate.ages.max);
  const narrower = Math.min(seeker.ages.max - seeker.ages.min, candidate.ages.max - candidate.ages.min) + 1;
  const ageShare = hi >= lo ? Math.min(1, (hi - lo + 1) / narrower) : 0;
  parts.push({
    points: WEIGHTS.ages * ageShare,
    reason: ageShare > 0 ? { kind: 'ages', min: lo, max: hi } : undefined,
  });

  const languages = seeker.languages.filter((l) => candidate.languages.includes(l));
  parts.push({
    points: languages.length ? WEIGHTS.languages : 0,
    reason: languages.length ? { kind: 'languages', codes: languages } : undefined,
  });

  const cross = (s: string[]) => s.includes('cross_curricular');
  const subjects = seeker.subjects.filter((s) => candidate.subjects.includes(s));
  const subjectShare =
    cross(seeker.subjects) || cross(candidate.subjects)
      ? 1
      : subjects.length / Math.max(1, Math.min(seeker.subjects.length, candidate.subjects.length));
  parts.push({
    points: WEIGHTS.subjects * subjectShare,
    reason: subjects.length ? { kind: 'subjects', codes: subjects } : undefined,
  });

  const time = commonSchoolTime(
    { timeZone: seeker.timeZone, day: seeker.schoolDay },
    { timeZone: candidate.timeZone, day: candidate.schoolDay },
    options.now,
  );
  parts.push({
    points: WEIGHTS.schoolTime * Math.min(1, time.hoursPerWeek / 10),
    reason:
      time.hoursPerWeek > 0 ? { kind: 'school_time', hoursPerWeek: time.hoursPerWeek, days: time.days } : undefined,
  });

  const a = monthsOf(seeker.schoolYear ?? DEFAULT_YEAR);
  const common = [...monthsOf(candidate.schoolYear ?? DEFAULT_YEAR)].filter((m) => a.has(m)).length;
  const weeks = Math.round((common * 52) / 12);
  parts.push({
    points: weeks >= 16 ? WEIGHTS.schoolYear : 0,
    reason: weeks >= 16 ? { kind: 'school_year', weeks } : undefined,
  });

  const daysAgo = Math.max(0, Math.floor((options.now.getTime() - candidate.lastActiveAt.getTime()) / DAY));
  const activity = daysAgo <= 30 ? 1 : Math.max(0, 1 - (daysAgo - 30) / 150);
  parts.push({ points: WEIGHTS.activity * activity, reason: activity > 0 ? { kind: 'active', daysAgo } : undefined });

  const score = Math.round(parts.reduce((sum, p) => sum + p.points, 0));
  const reasons = parts
    .filter((p): p is { points: number; reason: MatchReason } => !!p.reason && p.points > 0)
    .sort((x, y) => y.points - x.points)
    .map((p) => p.reason);
  return { score, reasons };
}
