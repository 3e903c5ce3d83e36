// A generator of schools, teachers and projects whose public statistics (R-STAT) as of a given day
// equal a table of targets exactly (bench/statistics-targets.csv: the eTwinning figures of
// 19 February 2016), with realistic timestamps: validations and project approvals from 2005 to the
// day, growing each year, in each country only while it takes part. Around them, noise that must
// not count on the day: validations after it, pending and rejected requests, teachers who left
// before it, projects approved after it, drafts and rejected projects. Deterministic for a seed.
//
// Definitions (as of the end of day D, UTC days), which the expected figures follow:
// - teachers of C: distinct people with a validated affiliation to a school of C, decided on or
//   before D and not ended on or before D; schools of C: the schools of those affiliations;
// - projects of C: activated on or before D with C among their countries (closed and archived ones
//   included); projectsSchoolYear: activated since 1 September of the school year containing D;
//   activeProjects: activated on or before D and not closed on or before D;
// - Europe: teachers and schools summed over the countries taking part on D; projects counted once,
//   in the country of the founder's school (the founder member who created the project), when that
//   country takes part on D.
//
// Choices the definitions leave open: partners join 1–60 days after the approval and count from it
// (a project's countries are those of its present members, as the member trigger derives them);
// one closed project in ten is archived later (archived ones count like closed ones); a country
// that left before the date keeps its teachers and projects (they count for it, not for Europe);
// the project's document trigger stays on during the bulk load (gallery search works).
//
// Expects a database with the migrations and the reference data only (no people, schools or
// projects of its own), and one run per database (ids, usernames and emails follow from the seed).
//
// The steps, each in its own file: statistics-countries.ts (who takes part when, sizes),
// statistics-targets.ts (the CSV and what the scaled targets need), statistics-people.ts (persons,
// schools, affiliations), statistics-schedule.ts (when projects are approved, which listed countries
// they include), statistics-projects.ts (projects and members), statistics-insert.ts (writing it
// all); statistics-context.ts holds what they share, the seeded random helpers among it.
import type pg from 'pg';
import { createContext, LAUNCH, type Context } from './statistics-context.ts';
import { loadCountries, type Countries } from './statistics-countries.ts';
import { insertRows } from './statistics-insert.ts';
import { generatePeople, type People } from './statistics-people.ts';
import { generateProjects, type ProjectRows } from './statistics-projects.ts';
import { scheduleProjects } from './statistics-schedule.ts';
import { planTargets, readTargets, type StatisticsTarget, type TargetPlan } from './statistics-targets.ts';

export { readTargets, type StatisticsTarget };

export interface GeneratedFigures {
  teachers: number;
  schools: number;
  projects: number;
  projectsSchoolYear: number;
  activeProjects: number;
}

export interface GenerationResult {
  seconds: number;
  /** What the figures as of `date` must be, per participating country and for 'EUROPE', computed by the generator from what it inserted (not by querying). */
  expected: Map<string, GeneratedFigures>;
  counts: { persons: number; schools: number; affiliations: number; projects: number; members: number };
}

export interface GenerationOptions {
  /** 'YYYY-MM-DD', the "as of" date the targets describe. */
  date: string;
  targets: StatisticsTarget[];
  /** Multiply every target by this and Math.round (default 1); 0.01 for tests. */
  scale?: number;
  /** PRNG seed (default 11). */
  seed?: number;
  /** Also create data that must NOT count on `date`: validated after it, pending, rejected, left before it, projects approved after it, drafts, rejected projects (default true). */
  noise?: boolean;
  /** Disable the row triggers during the bulk insert and write derived columns directly (default: true when scale >= 0.2). */
  bulk?: boolean;
}

/**
 * Generates the data. Persons, schools and affiliations first (each country's validations spread
 * from the day it joined to `date`, growing), then projects whose members are teachers validated
 * before the project was created; target countries' projects are placed exactly (their school-year
 * figure inside the school year, the rest before), the others by weight. Returns the figures the
 * statistics must show as of `date`, computed from the rows inserted.
 */
export async function generateStatistics(pool: pg.Pool, options: GenerationOptions): Promise<GenerationResult> {
  const started = performance.now();
  const scale = options.scale ?? 1;
  const noise = options.noise ?? true;
  const bulk = options.bulk ?? scale >= 0.2;
  if (!(scale > 0)) throw new Error(`generateStatistics: scale must be positive, not ${scale}`);
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(options.date);
  const dayStart = m ? Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!) : NaN;
  if (!m || Number.isNaN(dayStart) || new Date(dayStart).toISOString().slice(0, 10) !== options.date)
    throw new Error(`generateStatistics: date must be YYYY-MM-DD, not "${options.date}"`);
  if (dayStart < LAUNCH) throw new Error(`generateStatistics: ${options.date} is before the launch (2005-01-14)`);
  const ctx = createContext({ date: options.date, dayStart, scale, noise, seed: options.seed ?? 11 });

  const countries = await loadCountries(pool, ctx);
  const plan = planTargets(ctx, countries, options.targets);
  const people = generatePeople(ctx, countries, plan);
  const schedule = scheduleProjects(ctx, countries, people.pools, plan);
  const rows = generateProjects(ctx, countries, people.pools, schedule);
  // The figures as of the date, from the rows about to be written (checked first).
  const expected = expectedFigures(ctx, countries, people, rows.projects);
  checkTargets(expected, plan);
  await insertRows(pool, ctx, bulk, countries, people, rows);

  return {
    seconds: (performance.now() - started) / 1000,
    expected,
    counts: {
      persons: people.persons.country.length,
      schools: people.schools.country.length,
      affiliations: people.affiliations.person.length,
      projects: rows.projects.id.length,
      members: rows.members.project.length,
    },
  };
}

/** The figures as of the date, per country taking part (and any other with some) and for 'EUROPE'. */
function expectedFigures(
  ctx: Context,
  countries: Countries,
  people: People,
  projects: ProjectRows,
): Map<string, GeneratedFigures> {
  const { dayEnd, syStart } = ctx;
  const { affiliations: A, schools: S } = people;
  const expected = new Map<string, GeneratedFigures>();
  const figuresOf = (code: string) => {
    let f = expected.get(code);
    if (!f)
      expected.set(code, (f = { teachers: 0, schools: 0, projects: 0, projectsSchoolYear: 0, activeProjects: 0 }));
    return f;
  };
  for (const c of countries.participating) figuresOf(c.code);
  const teachersIn = new Map<string, Set<number>>();
  const schoolsIn = new Map<string, Set<number>>();
  for (let i = 0; i < A.person.length; i++) {
    if (A.status[i] !== 'validated' || !(A.decided[i]! < dayEnd)) continue;
    if (!Number.isNaN(A.ended[i]!) && A.ended[i]! < dayEnd) continue;
    const code = S.country[A.school[i]!]!;
    if (!teachersIn.has(code)) {
      teachersIn.set(code, new Set());
      schoolsIn.set(code, new Set());
    }
    teachersIn.get(code)!.add(A.person[i]!);
    schoolsIn.get(code)!.add(A.school[i]!);
  }
  for (const [code, set] of teachersIn) {
    figuresOf(code).teachers = set.size;
    figuresOf(code).schools = schoolsIn.get(code)!.size;
  }
  const eu = { teachers: 0, schools: 0, projects: 0, projectsSchoolYear: 0, activeProjects: 0 };
  for (const c of countries.participating) {
    eu.teachers += figuresOf(c.code).teachers;
    eu.schools += figuresOf(c.code).schools;
  }
  for (let i = 0; i < projects.id.length; i++) {
    const activated = projects.activated[i]!;
    if (!(activated < dayEnd)) continue;
    const inSchoolYear = activated >= syStart;
    const active = Number.isNaN(projects.closed[i]!) || projects.closed[i]! >= dayEnd;
    const count = (f: GeneratedFigures) => {
      f.projects++;
      if (inSchoolYear) f.projectsSchoolYear++;
      if (active) f.activeProjects++;
    };
    for (const code of projects.countries[i]!.split(',')) count(figuresOf(code));
    if (countries.byCode.get(projects.founderCountry[i]!)!.participating) count(eu);
  }
  expected.set('EUROPE', eu);
  return expected;
}

/** The generator's own check: the figures are the targets. */
function checkTargets(expected: Map<string, GeneratedFigures>, plan: TargetPlan) {
  const wrong: string[] = [];
  const want = (code: string, t: TargetPlan['europe']) => {
    const f = expected.get(code)!;
    for (const k of ['teachers', 'schools', 'projects', 'projectsSchoolYear'] as const)
      if (t[k] !== undefined && t[k] !== f[k]) wrong.push(`${code} ${k} ${f[k]} ≠ ${t[k]}`);
  };
  for (const [code, t] of plan.listed) want(code, t);
  want('EUROPE', plan.europe);
  const eu = expected.get('EUROPE')!;
  if (plan.europe.projects === undefined && eu.projects !== plan.europeProjects)
    wrong.push(`EUROPE projects ${eu.projects} ≠ ${plan.europeProjects}`);
  if (wrong.length) throw new Error(`generateStatistics: internal error, figures off target: ${wrong.join('; ')}`);
}
