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
import type pg from 'pg';
import { random } from './profiles.ts';

export interface StatisticsTarget {
  /** ISO 3166-1 alpha-2 code, or 'EUROPE' for the countries taking part on the date together. */
  country: string;
  teachers?: number;
  schools?: number;
  projects?: number;
  projectsSchoolYear?: number;
}

const COLUMNS: Record<string, keyof Omit<StatisticsTarget, 'country'>> = {
  teachers: 'teachers',
  schools: 'schools',
  projects: 'projects',
  projects_school_year: 'projectsSchoolYear',
};

/** Reads a targets CSV: header country,teachers,schools,projects,projects_school_year; an empty cell is no target. */
export function readTargets(csvText: string): StatisticsTarget[] {
  const lines = csvText
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l !== '' && !l.startsWith('#'));
  if (!lines.length) throw new Error('targets CSV: empty');
  const header = lines[0]!.split(',').map((h) => h.trim().toLowerCase());
  if (header[0] !== 'country') throw new Error(`targets CSV: the first column must be "country", not "${header[0]}"`);
  for (const h of header.slice(1)) if (!COLUMNS[h]) throw new Error(`targets CSV: unknown column "${h}"`);
  const seen = new Set<string>();
  return lines.slice(1).map((line, i) => {
    const cells = line.split(',').map((c) => c.trim());
    if (cells.length > header.length) throw new Error(`targets CSV line ${i + 2}: more cells than columns`);
    const country = cells[0]!.toUpperCase();
    if (country !== 'EUROPE' && !/^[A-Z]{2}$/.test(country))
      throw new Error(`targets CSV line ${i + 2}: "${cells[0]}" is neither EUROPE nor a two-letter country code`);
    if (seen.has(country)) throw new Error(`targets CSV line ${i + 2}: ${country} appears twice`);
    seen.add(country);
    const target: StatisticsTarget = { country };
    header.slice(1).forEach((h, k) => {
      const cell = cells[k + 1] ?? '';
      if (cell === '') return;
      const value = Number(cell);
      if (!/^\d+$/.test(cell) || !Number.isSafeInteger(value))
        throw new Error(`targets CSV line ${i + 2}: ${h} "${cell}" is not a whole number`);
      target[COLUMNS[h]!] = value;
    });
    return target;
  });
}

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

const DAY = 86_400_000;
const MINUTE = 60_000;
const LAUNCH = Date.UTC(2005, 0, 14);
/** Registrations and approvals grow by about 30% a year: density ∝ e^(G·t). */
const G = Math.log(1.3) / (365.25 * DAY);
/** Teachers per school and projects per teacher when a table leaves them out (the seed's ratios). */
const TEACHERS_PER_SCHOOL = 2.33;
const PROJECTS_PER_TEACHER = 0.131;
const ROWS_PER_INSERT = 10_000;

/**
 * Country sizes (relative weights, roughly eTwinning's registrations per country), time zone,
 * language and a city. The Europe remainder of a target is spread over the countries not listed
 * by these weights; countries missing here weigh 0.5.
 */
const COUNTRIES: Record<string, [weight: number, tz: string, lang: string, city: string]> = {
  TR: [20, 'Europe/Istanbul', 'tr', 'Ankara'],
  PL: [12, 'Europe/Warsaw', 'pl', 'Warszawa'],
  IT: [12, 'Europe/Rome', 'it', 'Roma'],
  ES: [9, 'Europe/Madrid', 'es', 'Madrid'],
  FR: [8, 'Europe/Paris', 'fr', 'Paris'],
  RO: [7.5, 'Europe/Bucharest', 'ro', 'București'],
  GR: [6.5, 'Europe/Athens', 'el', 'Athina'],
  PT: [5, 'Europe/Lisbon', 'pt', 'Lisboa'],
  DE: [5, 'Europe/Berlin', 'de', 'Berlin'],
  GB: [4, 'Europe/London', 'en', 'London'],
  UA: [4, 'Europe/Kyiv', 'uk', 'Kyiv'],
  BG: [2.5, 'Europe/Sofia', 'bg', 'Sofia'],
  CZ: [2.5, 'Europe/Prague', 'cs', 'Praha'],
  HR: [2.2, 'Europe/Zagreb', 'hr', 'Zagreb'],
  SK: [2, 'Europe/Bratislava', 'sk', 'Bratislava'],
  LT: [2, 'Europe/Vilnius', 'lt', 'Vilnius'],
  BE: [1.8, 'Europe/Brussels', 'fr', 'Bruxelles'],
  AZ: [1.5, 'Asia/Baku', 'az', 'Baku'],
  HU: [1.5, 'Europe/Budapest', 'hu', 'Budapest'],
  TN: [1.5, 'Africa/Tunis', 'ar', 'Tunis'],
  AT: [1.2, 'Europe/Vienna', 'de', 'Wien'],
  NL: [1.2, 'Europe/Amsterdam', 'nl', 'Amsterdam'],
  GE: [1.2, 'Asia/Tbilisi', 'ka', 'Tbilisi'],
  RS: [1.2, 'Europe/Belgrade', 'sr', 'Beograd'],
  FI: [1, 'Europe/Helsinki', 'fi', 'Helsinki'],
  SE: [1, 'Europe/Stockholm', 'sv', 'Stockholm'],
  SI: [1, 'Europe/Ljubljana', 'sl', 'Ljubljana'],
  LV: [1, 'Europe/Riga', 'lv', 'Rīga'],
  MK: [1, 'Europe/Skopje', 'mk', 'Skopje'],
  JO: [1, 'Asia/Amman', 'ar', 'Amman'],
  IE: [0.8, 'Europe/Dublin', 'en', 'Dublin'],
  AM: [0.8, 'Asia/Yerevan', 'hy', 'Yerevan'],
  MD: [0.8, 'Europe/Chisinau', 'ro', 'Chișinău'],
  AL: [0.6, 'Europe/Tirane', 'sq', 'Tirana'],
  EE: [0.6, 'Europe/Tallinn', 'et', 'Tallinn'],
  DK: [0.6, 'Europe/Copenhagen', 'da', 'København'],
  CY: [0.6, 'Asia/Nicosia', 'el', 'Lefkosia'],
  NO: [0.6, 'Europe/Oslo', 'no', 'Oslo'],
  BA: [0.5, 'Europe/Sarajevo', 'bs', 'Sarajevo'],
  LB: [0.5, 'Asia/Beirut', 'ar', 'Beyrouth'],
  MT: [0.4, 'Europe/Malta', 'mt', 'Valletta'],
  ME: [0.3, 'Europe/Podgorica', 'sr', 'Podgorica'],
  LU: [0.15, 'Europe/Luxembourg', 'fr', 'Luxembourg'],
  IS: [0.15, 'Atlantic/Reykjavik', 'is', 'Reykjavík'],
  LI: [0.05, 'Europe/Vaduz', 'de', 'Vaduz'],
};

const LEVELS: [levels: string, min: number, max: number][] = [
  ['primary', 6, 12],
  ['primary', 6, 12],
  ['lower_secondary', 11, 15],
  ['primary,lower_secondary', 6, 15],
  ['upper_secondary', 15, 19],
  ['lower_secondary,upper_secondary', 12, 18],
  ['early_childhood', 3, 6],
  ['upper_secondary,initial_vocational', 15, 20],
];
const SUBJECTS = [
  'foreign_languages',
  'mathematics',
  'history',
  'geography',
  'art',
  'music',
  'natural_sciences',
  'biology',
  'computer_science',
  'language_literature',
  'cross_curricular',
];
const FIRST = ['Ana', 'Jan', 'Maria', 'Luca', 'Elena', 'Marco', 'Sofia', 'Peter', 'Irene', 'Nikos', 'Ayşe', 'Olena'];
const TOPICS = [
  'Water for life',
  'Our cities tomorrow',
  'Healthy food, healthy schools',
  'Fairy tales of Europe',
  'Maths in the street',
  'Climate detectives',
  'Coding together',
  'Festivals and traditions',
  'Letters to a friend',
  'The European kitchen',
  'Robots and us',
  'Green schools',
];
const AGES: [number, number][] = [
  [3, 6],
  [6, 12],
  [10, 14],
  [12, 15],
  [15, 19],
];

interface Country {
  code: string;
  /** Start of its first day taking part. */
  joined: number;
  /** End of its last day taking part; null while it takes part. */
  leftEnd: number | null;
  participating: boolean;
  regional: boolean;
  regions: number[];
  weight: number;
  tz: string;
  lang: string;
  city: string;
  /** Teachers who may act for a school in projects (validated, not leaving), by validation time. */
  poolV: Float64Array;
  poolPerson: Int32Array;
  poolSchool: Int32Array;
  /** First validation, and first validation at a second school (a national project needs two). */
  first: number;
  second: number;
}

type Status = 'validated' | 'pending' | 'rejected';

/** The school year (September–August) of a time: its first calendar year. */
const schoolYearOf = (ms: number) => {
  const d = new Date(ms);
  return d.getUTCMonth() >= 8 ? d.getUTCFullYear() : d.getUTCFullYear() - 1;
};
type Cell = string | number | boolean | null;
/** A PostgreSQL array literal, built here so that the next batch is ready while the previous one runs. */
const arrayLiteral = (values: Cell[]) => {
  let out = '{';
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (i) out += ',';
    if (v === null) out += 'NULL';
    else if (typeof v === 'string') out += `"${v.replace(/["\\]/g, '\\$&')}"`;
    else if (typeof v === 'boolean') out += v ? 't' : 'f';
    else out += String(v);
  }
  return `${out}}`;
};
/** Tables whose row triggers the bulk load disables (partner-search index, project countries and schools). */
const TRIGGERED = ['person', 'affiliation', 'school', 'project_member'];
const iso = (ms: number) => (Number.isNaN(ms) ? null : new Date(Math.floor(ms)).toISOString());

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
  const rnd = random(options.seed ?? 11);
  if (!(scale > 0)) throw new Error(`generateStatistics: scale must be positive, not ${scale}`);

  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(options.date);
  const dayStart = m ? Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!) : NaN;
  if (!m || Number.isNaN(dayStart) || new Date(dayStart).toISOString().slice(0, 10) !== options.date)
    throw new Error(`generateStatistics: date must be YYYY-MM-DD, not "${options.date}"`);
  if (dayStart < LAUNCH) throw new Error(`generateStatistics: ${options.date} is before the launch (2005-01-14)`);
  const dayEnd = dayStart + DAY;
  const syYear = schoolYearOf(dayStart);
  const syStart = Date.UTC(syYear, 8, 1);
  /** "Today" (its start, so that runs on one day are identical): the end of what happens after the date. */
  const now = Math.max(Math.floor(Date.now() / DAY) * DAY, dayEnd + 30 * DAY);

  // --- Small random helpers ------------------------------------------------------------------
  const between = (a: number, b: number) => a + rnd() * (b - a);
  const pick = <T>(list: readonly T[]) => list[Math.floor(rnd() * list.length)]!;
  const weighted = <T>(list: readonly T[], weight: (t: T) => number): T => {
    let total = 0;
    for (const t of list) total += weight(t);
    let r = rnd() * total;
    for (const t of list) if ((r -= weight(t)) < 0) return t;
    return list[list.length - 1]!;
  };
  /** A time in [from, to) with density growing like e^(G·t). */
  const growing = (from: number, to: number) => {
    if (to <= from) return from;
    return from + Math.log1p(rnd() * Math.expm1(G * (to - from))) / G;
  };
  /** After the date: mostly in the following months, some up to today. */
  const soonAfter = (from: number, to: number) =>
    rnd() < 0.7 ? Math.min(to - MINUTE, from - Math.log(1 - rnd()) * 270 * DAY) : growing(from, to);
  /**
   * A version-4 UUID whose first 32 bits are the table's number and the row's: rows arrive in key
   * order, so the primary keys and the indexes on references grow at their right edge (far less WAL
   * and cache churn than random keys at this size). The rest is random.
   */
  const hex = (bits: number) =>
    Math.floor(rnd() * 2 ** bits)
      .toString(16)
      .padStart(bits / 4, '0');
  const rowId = (table: number, i: number) =>
    `${table.toString(16)}${i.toString(16).padStart(7, '0')}-${hex(16)}-4${hex(12)}-8${hex(12)}-${hex(24)}${hex(24)}`;

  // --- Countries ------------------------------------------------------------------------------
  const { rows: countryRows } = await pool.query<{
    code: string;
    joined_on: string;
    left_on: string | null;
    uses_regional_step: boolean;
  }>(
    `SELECT code, joined_on::text AS joined_on, left_on::text AS left_on, uses_regional_step FROM country ORDER BY code`,
  );
  if (!countryRows.length)
    throw new Error('generateStatistics: the country table is empty (migrate and run seedReferenceData first)');
  const { rows: regionRows } = await pool.query<{ id: number; country_code: string }>(
    `SELECT id, country_code FROM region ORDER BY id`,
  );
  const dayMs = (d: string) => Date.parse(`${d}T00:00:00Z`);
  const countries: Country[] = countryRows.map((r) => {
    const [weight, tz, lang, city] = COUNTRIES[r.code] ?? [0.5, 'Europe/Brussels', 'en', 'Capital'];
    return {
      code: r.code,
      joined: Math.max(LAUNCH, dayMs(r.joined_on)),
      leftEnd: r.left_on === null ? null : dayMs(r.left_on) + DAY,
      participating: r.joined_on <= options.date && (r.left_on === null || r.left_on >= options.date),
      regional: r.uses_regional_step,
      regions: regionRows.filter((x) => x.country_code === r.code).map((x) => x.id),
      weight,
      tz,
      lang,
      city,
      poolV: new Float64Array(0),
      poolPerson: new Int32Array(0),
      poolSchool: new Int32Array(0),
      first: Infinity,
      second: Infinity,
    };
  });
  const byCode = new Map(countries.map((c) => [c.code, c]));
  const participating = countries.filter((c) => c.participating);
  /** Took part before the date but left before it (e.g. the United Kingdom after 2020). */
  const former = countries.filter((c) => !c.participating && c.joined < dayStart);
  /** Joined after the date: only noise after it. */
  const later = countries.filter((c) => c.joined >= dayEnd && c.joined < now);
  const sumWeights = (list: Country[]) => list.reduce((s, c) => s + c.weight, 0);

  // --- Targets, scaled ----------------------------------------------------------------------
  const scaled = (v: number | undefined, what: string) => {
    if (v === undefined) return undefined;
    if (!Number.isFinite(v) || v < 0) throw new Error(`targets: ${what} must be a non-negative number, not ${v}`);
    return Math.round(v * scale);
  };
  const scaleTarget = (t: StatisticsTarget) => ({
    teachers: scaled(t.teachers, `${t.country} teachers`),
    schools: scaled(t.schools, `${t.country} schools`),
    projects: scaled(t.projects, `${t.country} projects`),
    projectsSchoolYear: scaled(t.projectsSchoolYear, `${t.country} projectsSchoolYear`),
  });
  let europe: ReturnType<typeof scaleTarget> = {
    teachers: undefined,
    schools: undefined,
    projects: undefined,
    projectsSchoolYear: undefined,
  };
  const listed = new Map<string, ReturnType<typeof scaleTarget>>();
  for (const t of options.targets) {
    const code = t.country.toUpperCase();
    if (code === 'EUROPE') {
      europe = scaleTarget(t);
      continue;
    }
    const c = byCode.get(code);
    if (!c) throw new Error(`targets: unknown country "${t.country}"`);
    if (!c.participating) throw new Error(`targets: ${code} does not take part on ${options.date}`);
    if (listed.has(code)) throw new Error(`targets: ${code} appears twice`);
    listed.set(code, scaleTarget(t));
  }

  // Teachers and schools per country: listed ones as given (one derived from the other if
  // missing), the Europe remainder spread over the others by weight: schools first, then the
  // teachers beyond one per school, only to countries with a school.
  const spread = (total: number, list: Country[]): Map<string, number> => {
    const out = new Map(list.map((c) => [c.code, 0]));
    if (total === 0) return out;
    const w = sumWeights(list);
    const parts = list.map((c) => ({ c, raw: (total * c.weight) / w }));
    let given = 0;
    for (const p of parts) given += Math.floor(p.raw);
    parts
      .map((p, i) => ({ i, frac: p.raw - Math.floor(p.raw) }))
      .sort((a, b) => b.frac - a.frac || a.i - b.i)
      .slice(0, total - given)
      .forEach(({ i }) => (parts[i]!.raw = Math.floor(parts[i]!.raw) + 1));
    for (const p of parts) out.set(p.c.code, Math.floor(p.raw));
    return out;
  };
  const ratio =
    europe.teachers !== undefined && europe.schools
      ? europe.teachers / europe.schools
      : (() => {
          const both = [...listed.values()].filter((t) => t.teachers !== undefined && t.schools);
          const s = both.reduce((a, t) => a + t.schools!, 0);
          return s ? both.reduce((a, t) => a + t.teachers!, 0) / s : TEACHERS_PER_SCHOOL;
        })();
  const teachersFor = (schools: number) => (schools === 0 ? 0 : Math.max(schools, Math.round(schools * ratio)));
  const schoolsFor = (teachers: number) =>
    teachers === 0 ? 0 : Math.min(teachers, Math.max(1, Math.round(teachers / ratio)));
  const size = new Map<string, { teachers: number; schools: number }>();
  for (const [code, t] of listed) {
    if (t.teachers === undefined && t.schools === undefined) continue;
    const teachers = t.teachers ?? teachersFor(t.schools!);
    const schools = t.schools ?? schoolsFor(t.teachers!);
    if (schools > teachers || (teachers > 0 && schools === 0))
      throw new Error(
        `targets: ${code} would have ${teachers} teachers for ${schools} schools (scale ${scale}); every school needs at least one teacher`,
      );
    size.set(code, { teachers, schools });
  }
  const others = participating.filter((c) => !size.has(c.code));
  const fixedTeachers = [...size.values()].reduce((s, v) => s + v.teachers, 0);
  const fixedSchools = [...size.values()].reduce((s, v) => s + v.schools, 0);
  let restTeachers = europe.teachers === undefined ? undefined : europe.teachers - fixedTeachers;
  let restSchools = europe.schools === undefined ? undefined : europe.schools - fixedSchools;
  if (restTeachers === undefined && restSchools === undefined) {
    const w = sumWeights(participating.filter((c) => size.has(c.code)));
    if (!w) throw new Error('targets: give teachers or schools for EUROPE or at least one country');
    restTeachers = Math.round((fixedTeachers / w) * sumWeights(others));
  }
  if (restTeachers === undefined) restTeachers = teachersFor(restSchools!);
  if (restSchools === undefined) restSchools = schoolsFor(restTeachers);
  if (restTeachers < 0 || restSchools < 0)
    throw new Error(
      `targets: the EUROPE figures (scale ${scale}) are smaller than the sum of the countries listed ` +
        `(teachers ${fixedTeachers}, schools ${fixedSchools})`,
    );
  if (!others.length && (restTeachers > 0 || restSchools > 0))
    throw new Error(
      'targets: EUROPE exceeds the countries listed, and no other country takes part to make up the rest',
    );
  if (restSchools > restTeachers || (restTeachers > 0 && restSchools === 0))
    throw new Error(
      `targets: the countries not listed would have ${restTeachers} teachers for ${restSchools} schools ` +
        `(scale ${scale}); every school needs at least one teacher`,
    );
  const otherSchools = spread(restSchools, others);
  const otherExtra = spread(
    restTeachers - restSchools,
    others.filter((c) => otherSchools.get(c.code)! > 0),
  );
  for (const c of others) {
    const schools = otherSchools.get(c.code)!;
    size.set(c.code, { schools, teachers: schools + (otherExtra.get(c.code) ?? 0) });
  }
  const participatingTeachers = participating.reduce((s, c) => s + size.get(c.code)!.teachers, 0);
  const teachersPerWeight = participatingTeachers / sumWeights(participating);
  // Countries that left before the date keep their teachers (they count for that country, not for Europe).
  if (noise)
    for (const c of former) {
      const teachers = Math.round(teachersPerWeight * c.weight);
      size.set(c.code, { teachers, schools: schoolsFor(teachers) });
    }

  // Projects: Europe's total, and what the listed countries need (the school-year figure inside the
  // school year containing the date, the rest before it).
  const europeProjects =
    europe.projects ??
    Math.max(europe.projectsSchoolYear ?? 0, Math.round(participatingTeachers * PROJECTS_PER_TEACHER));
  if (europe.projectsSchoolYear !== undefined && europe.projectsSchoolYear > europeProjects)
    throw new Error(
      `targets: EUROPE has more projects this school year (${europe.projectsSchoolYear}) than in all (${europeProjects})`,
    );
  const quota = new Map<string, { inYear?: number; before?: number; total?: number }>();
  for (const [code, t] of listed) {
    if (t.projects === undefined && t.projectsSchoolYear === undefined) continue;
    if (t.projects !== undefined && t.projectsSchoolYear !== undefined && t.projectsSchoolYear > t.projects)
      throw new Error(
        `targets: ${code} has more projects this school year (${t.projectsSchoolYear}) than in all (${t.projects})`,
      );
    quota.set(code, {
      inYear: t.projectsSchoolYear,
      before:
        t.projects !== undefined && t.projectsSchoolYear !== undefined ? t.projects - t.projectsSchoolYear : undefined,
      total: t.projects !== undefined && t.projectsSchoolYear === undefined ? t.projects : undefined,
    });
  }

  // --- Persons, schools, affiliations --------------------------------------------------------
  const P = {
    country: [] as string[],
    created: [] as number[],
    completed: [] as number[],
    lastSignIn: [] as number[],
    hidden: [] as number[],
  };
  const S = { country: [] as string[], region: [] as (number | null)[], level: [] as number[] };
  const A = {
    person: [] as number[],
    school: [] as number[],
    status: [] as Status[],
    created: [] as number[],
    decided: [] as number[],
    ended: [] as number[],
  };
  const addSchool = (c: Country) => {
    S.country.push(c.code);
    S.region.push(c.regions.length ? pick(c.regions) : null);
    S.level.push(Math.floor(rnd() * LEVELS.length));
    return S.country.length - 1;
  };
  /** A person and their affiliations: each asked a few days before its decision, the account just before the first. */
  const addTeacher = (
    c: Country,
    floor: number,
    affs: { school: number; status: Status; decided: number; ended: number; asked?: number }[],
  ) => {
    const person = P.country.length;
    let first = Infinity;
    let last = -Infinity;
    for (const a of affs) {
      const lead = Math.min(1, Math.max(0, (Number.isNaN(a.decided) ? 0 : a.decided - floor) / (12 * DAY)));
      const asked = a.asked ?? Math.max(floor, a.decided - between(1, 10) * DAY * lead);
      A.person.push(person);
      A.school.push(a.school);
      A.status.push(a.status);
      A.created.push(asked);
      A.decided.push(a.decided);
      A.ended.push(a.ended);
      first = Math.min(first, asked);
      last = Math.max(last, Number.isNaN(a.decided) ? asked : a.decided, Number.isNaN(a.ended) ? -Infinity : a.ended);
    }
    const created = Math.max(floor, first - rnd() * 20 * MINUTE);
    const signIn = Math.min(now, last + (now - last) * rnd() ** 8);
    P.country.push(c.code);
    P.created.push(created);
    P.completed.push(rnd() < 0.85 ? created + between(5, 120) * MINUTE : NaN);
    P.lastSignIn.push(signIn);
    P.hidden.push(signIn + 365 * DAY < now ? signIn + 365 * DAY : NaN);
    return person;
  };
  /** Pools of teachers who may act for their school in projects, per country. */
  const pools = new Map<string, { v: number; person: number; school: number }[]>(countries.map((c) => [c.code, []]));

  const noiseSchools = new Map<string, number[]>();
  const noiseSchool = (c: Country) => {
    const list = noiseSchools.get(c.code) ?? [];
    noiseSchools.set(c.code, list);
    if (list.length && rnd() < 0.5) return pick(list);
    list.push(addSchool(c));
    return list[list.length - 1]!;
  };

  for (const c of countries) {
    const plan = size.get(c.code);
    const from = c.joined;
    const to = Math.min(dayEnd, c.leftEnd ?? Infinity);
    const pool = pools.get(c.code)!;
    const counted: number[] = [];
    if (plan && plan.teachers > 0) {
      // Validations from two weeks after the country joined (requests take a few days) to the date.
      const start = to - from > 28 * DAY ? from + 14 * DAY : from + (to - from) / 2;
      const v = Array.from({ length: plan.teachers }, () => growing(start, to)).sort((a, b) => a - b);
      if (noise && c.participating) v[v.length - 1] = dayEnd - between(1, 180) * MINUTE; // late on the day: counts
      for (let j = 0; j < plan.schools; j++) counted.push(addSchool(c));
      // Every school gets a teacher, the others go to schools at random (some schools have many).
      const order = Array.from({ length: plan.teachers }, (_, i) => i);
      for (let i = order.length - 1; i > 0; i--) {
        const j = Math.floor(rnd() * (i + 1));
        [order[i], order[j]] = [order[j]!, order[i]!];
      }
      const schoolOf = new Int32Array(plan.teachers);
      order.forEach((i, r) => {
        schoolOf[i] = r < plan.schools ? counted[r]! : counted[Math.floor(plan.schools * rnd() ** 1.6)]!;
      });
      let boundaryLeaver = noise;
      for (let i = 0; i < plan.teachers; i++) {
        const school = schoolOf[i]!;
        const affs: { school: number; status: Status; decided: number; ended: number }[] = [];
        const other = () => {
          for (let k = 0; k < 10; k++) {
            const s = pick(counted);
            if (s !== school) return s;
          }
          return -1;
        };
        // Noise that still counts once: moved from another school before, or working at two schools.
        if (noise && plan.schools > 1 && rnd() < 0.015 && v[i]! - start > 60 * DAY) {
          const s = other();
          const v0 = between(start, v[i]! - 40 * DAY);
          if (s >= 0)
            affs.push({ school: s, status: 'validated', decided: v0, ended: between(v0 + DAY, v[i]! - 20 * DAY) });
        }
        let ended = NaN;
        if (noise && rnd() < 0.03) {
          // Leaves after the date: still counts on it (one of them the very next day).
          ended = boundaryLeaver ? dayEnd + between(1, 120) * MINUTE : between(dayEnd, now);
          boundaryLeaver = false;
        }
        affs.push({ school, status: 'validated', decided: v[i]!, ended });
        if (noise && plan.schools > 1 && rnd() < 0.01 && to - v[i]! > 2 * DAY) {
          const s = other();
          if (s >= 0) affs.push({ school: s, status: 'validated', decided: between(v[i]! + DAY, to), ended: NaN });
        }
        const person = addTeacher(c, from, affs);
        if (Number.isNaN(ended)) pool.push({ v: v[i]!, person, school });
      }
    }
    if (!noise) continue;
    // Noise that must not count on the date.
    const base = plan?.teachers ?? (later.includes(c) ? Math.round(teachersPerWeight * c.weight * 0.5) : 0);
    const hostSchool = (share: number) => (counted.length && rnd() < share ? pick(counted) : noiseSchool(c));
    const end = Math.min(now, c.leftEnd ?? Infinity);
    const afterFrom = Math.max(dayEnd, from + 14 * DAY);
    // Validated after the date (the first ones early the next day).
    if (afterFrom < end)
      for (let i = 0, n = Math.round(base * 0.03); i < n; i++) {
        const v = i < 2 ? afterFrom + between(1, 180) * MINUTE : soonAfter(afterFrom, end);
        const school = hostSchool(0.7);
        const person = addTeacher(c, from, [{ school, status: 'validated', decided: v, ended: NaN }]);
        pool.push({ v, person, school });
      }
    if (from + 14 * DAY >= end) continue;
    // Still waiting for a decision, asked before or after the date.
    for (let i = 0, n = Math.round(base * 0.015); i < n; i++)
      addTeacher(c, from, [
        { school: hostSchool(0.6), status: 'pending', decided: NaN, ended: NaN, asked: between(from + DAY, end) },
      ]);
    // Rejected.
    for (let i = 0, n = Math.round(base * 0.01); i < n; i++)
      addTeacher(c, from, [
        { school: hostSchool(0.5), status: 'rejected', decided: between(from + 14 * DAY, end), ended: NaN },
      ]);
    // Validated and left on or before the date (one of them on the day itself).
    if (to - from > 28 * DAY)
      for (let i = 0, n = Math.round(base * 0.02); i < n; i++) {
        const v0 = growing(from + 14 * DAY, to - 2 * DAY);
        const ended = i === 0 && c.participating ? dayStart + between(0, 23 * 60) * MINUTE : between(v0 + DAY, to);
        addTeacher(c, from, [{ school: hostSchool(0.7), status: 'validated', decided: v0, ended }]);
      }
  }
  for (const c of countries) {
    const pool = pools.get(c.code)!.sort((a, b) => a.v - b.v);
    c.poolV = Float64Array.from(pool, (e) => e.v);
    c.poolPerson = Int32Array.from(pool, (e) => e.person);
    c.poolSchool = Int32Array.from(pool, (e) => e.school);
    c.first = pool[0]?.v ?? Infinity;
    const firstSchool = pool[0]?.school;
    c.second = pool.find((e) => e.school !== firstSchool)?.v ?? Infinity;
  }
  // A school is created just before its first request.
  const schoolCreated = new Float64Array(S.country.length).fill(Infinity);
  const schoolCreatedBy = new Int32Array(S.country.length);
  for (let i = 0; i < A.person.length; i++) {
    const s = A.school[i]!;
    if (A.created[i]! < schoolCreated[s]!) {
      schoolCreated[s] = A.created[i]!;
      schoolCreatedBy[s] = A.person[i]!;
    }
  }
  for (let s = 0; s < schoolCreated.length; s++)
    schoolCreated[s] = Math.max(byCode.get(S.country[s]!)!.joined, schoolCreated[s]! - between(1, 60) * MINUTE);

  // --- Projects -------------------------------------------------------------------------------
  /** Teachers of c validated before t. */
  const validatedBefore = (c: Country, t: number) => {
    let lo = 0;
    let hi = c.poolV.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (c.poolV[mid]! < t) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  const eligible = (c: Country, created: number, activated: number, national: boolean) =>
    c.joined <= created && (c.leftEnd === null || activated < c.leftEnd) && (national ? c.second : c.first) < created;

  // Projects start once a few countries have two schools with teachers.
  const seconds = participating
    .concat(former)
    .map((c) => c.second)
    .filter((t) => t < Infinity)
    .sort((a, b) => a - b);
  const projStart = Math.max(LAUNCH + 90 * DAY, (seconds[Math.min(2, seconds.length - 1)] ?? Infinity) + 30 * DAY);
  if (europeProjects > 0 && projStart >= dayEnd)
    throw new Error(`generateStatistics: too few teachers before ${options.date} for ${europeProjects} projects`);
  const mass = (a: number, b: number) => (b <= a ? 0 : Math.exp(G * (b - projStart)) - Math.exp(G * (a - projStart)));
  const yearFrom = Math.max(syStart, projStart);
  // Europe's projects approved in the school year so far (Europe's projectsSchoolYear): the target,
  // else their natural share, more if a listed country needs it.
  const maxIn = Math.max(0, ...[...quota.values()].map((q) => q.inYear ?? 0));
  const maxBefore = Math.max(0, ...[...quota.values()].map((q) => q.before ?? 0));
  let inYear = Math.round((europeProjects * mass(yearFrom, dayEnd)) / mass(projStart, dayEnd));
  inYear = Math.min(europeProjects - maxBefore, Math.max(inYear, Math.ceil(maxIn / 0.45)));
  if (projStart >= syStart) inYear = europeProjects;
  inYear = europe.projectsSchoolYear ?? inYear;
  if (inYear < maxIn || europeProjects - inYear < maxBefore || (projStart >= syStart && inYear < europeProjects))
    throw new Error(
      `targets: ${europeProjects} Europe projects, ${inYear} of them this school year, cannot hold the countries' ` +
        `projects (up to ${maxIn} this school year and ${maxBefore} before it, scale ${scale})`,
    );
  for (const q of quota.values())
    if (q.total !== undefined) {
      q.inYear = Math.min(q.total, Math.round((q.total * inYear) / Math.max(1, europeProjects)));
      q.before = q.total - q.inYear;
      if (q.before > europeProjects - inYear) {
        q.before = europeProjects - inYear;
        q.inYear = q.total - q.before;
      }
      if (q.inYear > inYear)
        throw new Error(`targets: ${europeProjects} Europe projects cannot hold ${q.total} of one country`);
    }

  interface Shell {
    activated: number;
    created: number;
    national: boolean;
    k: number;
    n: number;
    quota: string[];
    /** null: founded in a country taking part on the date; else the former country that founded it. */
    founder: Country | null;
    segmentEnd: number;
    state: string;
  }
  const shape = (activated: number, segmentEnd: number, founder: Country | null, state = 'counted'): Shell => {
    const national = rnd() < 0.2;
    const k = national ? 1 : weighted([2, 3, 4], (x) => [50, 30, 20][x - 2]!);
    const n = national
      ? weighted([2, 3, 4, 5], (x) => [60, 25, 10, 5][x - 2]!)
      : Math.min(5, k + weighted([0, 1, 2, 3], (x) => [50, 30, 15, 5][x]!));
    return {
      activated,
      created: activated - between(7, 60) * DAY,
      national,
      k,
      n,
      quota: [],
      founder,
      segmentEnd,
      state,
    };
  };
  const before: Shell[] = Array.from({ length: europeProjects - inYear }, () =>
    shape(growing(projStart, syStart), syStart, null),
  );
  const during: Shell[] = Array.from({ length: inYear }, () => shape(growing(yearFrom, dayEnd), dayEnd, null));
  if (noise) {
    // Boundaries: the first and last minutes of the school year and of the day.
    if (during.length > 2) {
      during[0]!.activated = yearFrom + between(1, 180) * MINUTE;
      during[1]!.activated = dayEnd - between(1, 180) * MINUTE;
      during[0]!.created = during[0]!.activated - between(7, 60) * DAY;
      during[1]!.created = during[1]!.activated - between(7, 60) * DAY;
    }
    if (before.length > 1 && syStart > projStart) {
      before[0]!.activated = syStart - between(1, 180) * MINUTE;
      before[0]!.created = before[0]!.activated - between(7, 60) * DAY;
    }
  }
  // The listed countries' projects: exactly their number in each period, among projects where they fit.
  const place = (shells: Shell[], period: 'inYear' | 'before') => {
    const list = [...quota.entries()]
      .map(([code, q]) => ({ c: byCode.get(code)!, need: q[period] ?? 0, has: q[period] !== undefined }))
      .filter((x) => x.has)
      .sort((a, b) => b.need - a.need);
    for (const { c, need } of list) {
      const fit = shells.filter(
        (s) =>
          (s.national ? s.quota.length === 0 : s.quota.length < s.k) && eligible(c, s.created, s.activated, s.national),
      );
      if (fit.length < need)
        throw new Error(
          `targets: ${c.code} needs ${need} projects ${period === 'inYear' ? 'this school year' : 'before this school year'} ` +
            `but only ${fit.length} Europe projects of that period can include it (scale ${scale})`,
        );
      for (let j = 0; j < need; j++) {
        const r = j + Math.floor(rnd() * (fit.length - j));
        [fit[j], fit[r]] = [fit[r]!, fit[j]!];
        fit[j]!.quota.push(c.code);
      }
    }
    return new Set(list.map((x) => x.c.code));
  };
  const placedIn = place(during, 'inYear');
  const placedBefore = place(before, 'before');
  const shells = [...before, ...during];
  // Former countries' own projects (they count for their partners, not for Europe).
  if (noise)
    for (const c of former) {
      const end = Math.min(c.leftEnd!, dayEnd);
      const from = Math.max(projStart, c.joined);
      if (from >= end) continue;
      const n = Math.round((europeProjects / sumWeights(participating)) * c.weight);
      for (let i = 0; i < n; i++) {
        const t = growing(from, end);
        shells.push(shape(t, t < syStart ? Math.min(end, syStart) : end, c));
      }
    }
  // Projects that must not count: approved after the date, still in the making, rejected.
  const noiseShells: Shell[] = [];
  if (noise) {
    const n = (share: number) => Math.max(1, Math.round(europeProjects * share));
    for (let i = 0; i < n(0.04); i++) {
      const t = i < 2 ? dayEnd + between(1, 180) * MINUTE : soonAfter(dayEnd, now);
      noiseShells.push(shape(t, now, null, 'after'));
    }
    for (const [state, share] of [
      ['draft', 0.02],
      ['awaiting_partner', 0.007],
      ['awaiting_approval', 0.007],
      ['rejected', 0.01],
    ] as const)
      for (let i = 0; i < n(share); i++) {
        const t = growing(projStart, now);
        const s = shape(t, now, null, state);
        s.created = t;
        noiseShells.push(s);
      }
  }

  const PR = {
    id: [] as string[],
    state: [] as string[],
    kind: [] as string[],
    title: [] as string[],
    summary: [] as (string | null)[],
    languages: [] as string[],
    subjects: [] as string[],
    ageMin: [] as (number | null)[],
    ageMax: [] as (number | null)[],
    pupils: [] as (number | null)[],
    filled: [] as boolean[],
    createdBy: [] as number[],
    cofounder: [] as number[],
    cofounderSchool: [] as number[],
    listed: [] as boolean[],
    rejectedCountry: [] as (string | null)[],
    created: [] as number[],
    changed: [] as number[],
    activated: [] as number[],
    closed: [] as number[],
    archived: [] as number[],
    countries: [] as string[],
    schools: [] as number[],
    founderCountry: [] as string[],
  };
  const M = {
    project: [] as number[],
    person: [] as number[],
    school: [] as number[],
    role: [] as string[],
    joined: [] as number[],
  };

  /** Countries, schools and members of a project at its dates; null when it cannot be formed then. */
  const compose = (s: Shell, exclude: Set<string>, requireParticipating: boolean) => {
    const chosen: Country[] = s.quota.map((code) => byCode.get(code)!);
    if (s.founder && !chosen.includes(s.founder)) chosen.unshift(s.founder);
    if (s.national && chosen.length > 1) return null;
    const fill = (want: number) => {
      const candidates = countries.filter(
        (c) => !exclude.has(c.code) && !chosen.includes(c) && eligible(c, s.created, s.activated, s.national),
      );
      while (chosen.length < want && candidates.length) {
        const c = weighted(candidates, (x) => x.weight);
        chosen.push(c);
        candidates.splice(candidates.indexOf(c), 1);
      }
    };
    fill(s.national ? 1 : s.k);
    if (!s.national && chosen.length < 2 && s.quota.length + (s.founder ? 1 : 0) <= 1) {
      // No partner country can take part yet (or at all): a national project.
      s.national = true;
      s.k = 1;
      if (chosen.length && !eligible(chosen[0]!, s.created, s.activated, true)) chosen.pop();
      fill(1);
    }
    if (!chosen.length || (!s.national && chosen.length < 2)) return null;
    // The founder: the former country that founded it, else one taking part on the date, by size.
    let founder = s.founder;
    if (!founder) {
      const can = chosen.filter((c) => !requireParticipating || c.participating);
      if (!can.length) return null;
      founder = weighted(can, (c) => c.weight);
    }
    const ordered = [founder, ...chosen.filter((c) => c !== founder)];
    const perCountry = ordered.map(() => 1);
    if (s.national) perCountry[0] = s.n;
    else for (let i = ordered.length; i < s.n; i++) perCountry[Math.floor(rnd() * ordered.length)]!++;
    const used = new Set<number>();
    const picked: number[][] = ordered.map((c, j) => {
      const n = validatedBefore(c, s.created);
      const got: number[] = [];
      for (let tries = 0; got.length < perCountry[j]! && tries < perCountry[j]! * 8; tries++) {
        const i = Math.floor(rnd() * n);
        if (!used.has(c.poolSchool[i]!)) {
          used.add(c.poolSchool[i]!);
          got.push(i);
        }
      }
      return got;
    });
    if (picked.some((g) => !g.length) || (s.national && picked[0]!.length < 2)) return null;
    // Founder, co-founder (same country for a national project, the second country otherwise), partners.
    const members: { c: Country; i: number }[] = [{ c: ordered[0]!, i: picked[0]![0]! }];
    if (s.national) members.push({ c: ordered[0]!, i: picked[0]![1]! });
    else members.push({ c: ordered[1]!, i: picked[1]![0]! });
    ordered.forEach((c, j) =>
      picked[j]!.forEach((i, r) => {
        const isFounder = j === 0 && r === 0;
        const isCofounder = s.national ? j === 0 && r === 1 : j === 1 && r === 0;
        if (!isFounder && !isCofounder) members.push({ c, i });
      }),
    );
    return members.map(({ c, i }) => ({ country: c.code, person: c.poolPerson[i]!, school: c.poolSchool[i]! }));
  };

  const addProject = (s: Shell, exclude: Set<string>, requireParticipating: boolean) => {
    let members = compose(s, exclude, requireParticipating);
    // Too early for these countries: a little later in the same period.
    for (let tries = 0; !members && tries < 30; tries++) {
      s.activated = Math.min(s.segmentEnd - 1, s.activated + (s.segmentEnd - s.activated) * rnd() * 0.5);
      s.created = s.activated - between(7, 60) * DAY;
      if (s.state !== 'counted' && s.state !== 'after') s.created = s.activated;
      members = compose(s, exclude, requireParticipating);
    }
    if (!members)
      throw new Error(
        `generateStatistics: cannot form a project at ${iso(s.activated)} (${s.quota.join(', ') || 'no fixed country'})`,
      );
    const project = PR.id.length;
    const open = s.state === 'counted' || s.state === 'after';
    const created = s.created;
    let activated = NaN;
    let closed = NaN;
    let archived = NaN;
    let state: string = s.state;
    if (open) {
      activated = s.activated;
      state = 'active';
      const closing = activated + between(270, 420) * DAY;
      if (rnd() < 0.85 && closing <= now) {
        state = 'closed';
        closed = closing;
        const archiving = closed + between(90, 400) * DAY;
        if (rnd() < 0.1 && archiving <= now) {
          state = 'archived';
          archived = archiving;
        }
      }
    }
    const present =
      state === 'draft' || state === 'awaiting_partner'
        ? members.slice(0, 1)
        : state === 'awaiting_approval' || state === 'rejected'
          ? members.slice(0, 2)
          : members;
    const accepted = created + (open ? (activated - created) * between(0.05, 0.5) : between(1, 10) * DAY);
    present.forEach((mem, r) => {
      M.project.push(project);
      M.person.push(mem.person);
      M.school.push(mem.school);
      M.role.push(r < 2 ? 'founder' : 'partner');
      M.joined.push(Math.min(now, r === 0 ? created : r === 1 ? accepted : activated + between(1, 60) * DAY));
    });
    const founderCountry = byCode.get(members[0]!.country)!;
    const national = members[0]!.country === members[1]!.country;
    const codes = [...new Set(present.map((x) => x.country))].sort();
    const topic = pick(TOPICS);
    const sy = schoolYearOf(Number.isNaN(activated) ? created : activated);
    const filled = open || rnd() < 0.6;
    const age = pick(AGES);
    PR.id.push(rowId(4, PR.id.length));
    PR.state.push(state);
    PR.kind.push(national ? 'national' : 'european');
    PR.title.push(`${topic} ${sy}-${String((sy + 1) % 100).padStart(2, '0')}`);
    PR.summary.push(
      filled
        ? `Pupils of ${members.length} schools${national ? '' : ` in ${new Set(members.map((x) => x.country)).size} countries`} work together: ${topic.toLowerCase()}.`
        : null,
    );
    PR.languages.push([...new Set(national ? [founderCountry.lang] : ['en', founderCountry.lang])].join(','));
    PR.subjects.push(filled ? [...new Set([pick(SUBJECTS), pick(SUBJECTS)])].join(',') : '');
    PR.ageMin.push(filled ? age[0] : null);
    PR.ageMax.push(filled ? age[1] : null);
    PR.pupils.push(filled ? Math.floor(between(10, 200)) : null);
    PR.filled.push(filled);
    PR.createdBy.push(members[0]!.person);
    PR.cofounder.push(members[1]!.person);
    PR.cofounderSchool.push(members[1]!.school);
    PR.listed.push(rnd() >= 0.05);
    PR.rejectedCountry.push(state === 'rejected' ? pick(members.slice(0, 2)).country : null);
    PR.created.push(created);
    const changed = Number.isNaN(activated)
      ? Math.min(now, created + between(0, 30) * DAY)
      : Math.max(activated, Number.isNaN(closed) ? 0 : closed, Number.isNaN(archived) ? 0 : archived);
    PR.changed.push(changed);
    PR.activated.push(activated);
    PR.closed.push(closed);
    PR.archived.push(archived);
    PR.countries.push(codes.join(','));
    PR.schools.push(present.length);
    PR.founderCountry.push(founderCountry.code);
  };
  const none = new Set<string>();
  for (const s of shells) {
    const period = s.activated >= syStart ? placedIn : placedBefore;
    addProject(s, period, s.founder === null);
  }
  for (const s of noiseShells) addProject(s, none, false);

  // --- The figures as of the date, from the rows about to be written (checked first) -----------
  const expected = new Map<string, GeneratedFigures>();
  const figuresOf = (code: string) => {
    let f = expected.get(code);
    if (!f)
      expected.set(code, (f = { teachers: 0, schools: 0, projects: 0, projectsSchoolYear: 0, activeProjects: 0 }));
    return f;
  };
  for (const c of participating) figuresOf(c.code);
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
  for (const c of participating) {
    eu.teachers += figuresOf(c.code).teachers;
    eu.schools += figuresOf(c.code).schools;
  }
  for (let i = 0; i < PR.id.length; i++) {
    const activated = PR.activated[i]!;
    if (!(activated < dayEnd)) continue;
    const inSchoolYear = activated >= syStart;
    const active = Number.isNaN(PR.closed[i]!) || PR.closed[i]! >= dayEnd;
    const count = (f: GeneratedFigures) => {
      f.projects++;
      if (inSchoolYear) f.projectsSchoolYear++;
      if (active) f.activeProjects++;
    };
    for (const code of PR.countries[i]!.split(',')) count(figuresOf(code));
    if (byCode.get(PR.founderCountry[i]!)!.participating) count(eu);
  }
  expected.set('EUROPE', eu);

  // The generator's own check: the figures are the targets.
  const wrong: string[] = [];
  const want = (code: string, t: ReturnType<typeof scaleTarget>) => {
    const f = expected.get(code)!;
    for (const k of ['teachers', 'schools', 'projects', 'projectsSchoolYear'] as const)
      if (t[k] !== undefined && t[k] !== f[k]) wrong.push(`${code} ${k} ${f[k]} ≠ ${t[k]}`);
  };
  for (const [code, t] of listed) want(code, t);
  want('EUROPE', europe);
  if (europe.projects === undefined && eu.projects !== europeProjects)
    wrong.push(`EUROPE projects ${eu.projects} ≠ ${europeProjects}`);
  if (wrong.length) throw new Error(`generateStatistics: internal error, figures off target: ${wrong.join('; ')}`);

  // --- Insert -------------------------------------------------------------------------------------
  // One connection and one transaction (a failure leaves nothing behind, the triggers included);
  // each batch's arrays are built while the previous batch runs (never two queries at once).
  const personIds = Array.from({ length: P.country.length }, (_, i) => rowId(1, i));
  const schoolIds = Array.from({ length: S.country.length }, (_, i) => rowId(2, i));
  const countryOf = (code: string) => byCode.get(code)!;
  const range = (from: number, to: number, f: (i: number) => Cell) => {
    const out: Cell[] = new Array(to - from);
    for (let i = from; i < to; i++) out[i - from] = f(i);
    return out;
  };
  const client = await pool.connect();
  const insert = async (total: number, sql: string, build: (from: number, to: number) => Cell[][]) => {
    let running: Promise<unknown> | null = null;
    for (let a = 0; a < total; a += ROWS_PER_INSERT) {
      const params = build(a, Math.min(total, a + ROWS_PER_INSERT)).map(arrayLiteral);
      await running;
      running = client.query(sql, params);
    }
    await running;
  };
  let committed = false;
  try {
    await client.query('BEGIN');
    if (bulk) for (const t of TRIGGERED) await client.query(`ALTER TABLE ${t} DISABLE TRIGGER USER`);
    await insert(
      P.country.length,
      `INSERT INTO person (id, email, username, first_name, last_name, school_role, subjects, languages,
                           looking_for_partners, ui_language, time_zone, code_of_conduct_accepted_at,
                           email_confirmed_at, profile_completed_at, created_at, last_sign_in_at, hidden_from_search_at)
       SELECT id, 'stat-t' || lpad(n::text, 7, '0') || '@bench.example', 'stat-t' || lpad(n::text, 7, '0'), f, l,
              'teacher', ARRAY[su], string_to_array(la, ','), lo, ui, tz, cr, cr + interval '3 minutes', pc, cr, ls, hi
       FROM unnest($1::uuid[], $2::int[], $3::text[], $4::text[], $5::text[], $6::text[], $7::boolean[], $8::text[],
                   $9::text[], $10::timestamptz[], $11::timestamptz[], $12::timestamptz[], $13::timestamptz[])
            AS t(id, n, f, l, su, la, lo, ui, tz, cr, pc, ls, hi)`,
      (a, b) => [
        personIds.slice(a, b),
        range(a, b, (i) => i),
        range(a, b, () => pick(FIRST)),
        range(a, b, (i) => `Stat ${P.country[i]}${i}`),
        range(a, b, () => pick(SUBJECTS)),
        range(a, b, (i) => (countryOf(P.country[i]!).lang === 'en' ? 'en' : `${countryOf(P.country[i]!).lang},en`)),
        range(a, b, () => rnd() < 0.5),
        range(a, b, (i) => (P.country[i] === 'ES' ? 'es' : 'en')),
        range(a, b, (i) => countryOf(P.country[i]!).tz),
        range(a, b, (i) => iso(P.created[i]!)),
        range(a, b, (i) => iso(P.completed[i]!)),
        range(a, b, (i) => iso(P.lastSignIn[i]!)),
        range(a, b, (i) => iso(P.hidden[i]!)),
      ],
    );
    await insert(
      S.country.length,
      `INSERT INTO school (id, country_code, region_id, name, levels, address, city, age_min, age_max, head_name,
                           head_email, created_by, created_at)
       SELECT id, c, r, 'Stat school ' || lpad(n::text, 6, '0'), string_to_array(lv, ','), 'Main street ' || (n % 97 + 1),
              ci, mn, mx, 'Head teacher', 'head-' || n || '@bench.example', cb, cr
       FROM unnest($1::uuid[], $2::int[], $3::text[], $4::int[], $5::text[], $6::text[], $7::int[], $8::int[],
                   $9::uuid[], $10::timestamptz[])
            AS t(id, n, c, r, lv, ci, mn, mx, cb, cr)`,
      (a, b) => [
        schoolIds.slice(a, b),
        range(a, b, (i) => i),
        S.country.slice(a, b),
        S.region.slice(a, b),
        range(a, b, (i) => LEVELS[S.level[i]!]![0]),
        range(a, b, (i) => countryOf(S.country[i]!).city),
        range(a, b, (i) => LEVELS[S.level[i]!]![1]),
        range(a, b, (i) => LEVELS[S.level[i]!]![2]),
        range(a, b, (i) => personIds[schoolCreatedBy[i]!]!),
        range(a, b, (i) => iso(schoolCreated[i]!)),
      ],
    );
    await insert(
      A.person.length,
      `INSERT INTO affiliation (id, person_id, school_id, status, regional_status, regional_confirmed_at, decided_at,
                               decision_reason, created_at, ended_at)
       SELECT id, p, s, st, CASE WHEN NOT rg THEN 'not_required' WHEN st = 'pending' THEN 'awaiting' ELSE 'confirmed' END,
              CASE WHEN rg AND st <> 'pending' THEN cr + (de - cr) / 2 END, de,
              CASE WHEN st = 'rejected' THEN 'Not on the staff list of this school.' END, cr, en
       FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::boolean[], $5::timestamptz[], $6::timestamptz[],
                   $7::timestamptz[], $8::uuid[]) AS t(p, s, st, rg, cr, de, en, id)`,
      (a, b) => [
        range(a, b, (i) => personIds[A.person[i]!]!),
        range(a, b, (i) => schoolIds[A.school[i]!]!),
        A.status.slice(a, b),
        range(a, b, (i) => countryOf(S.country[A.school[i]!]!).regional),
        range(a, b, (i) => iso(A.created[i]!)),
        range(a, b, (i) => iso(A.decided[i]!)),
        range(a, b, (i) => iso(A.ended[i]!)),
        range(a, b, (i) => rowId(3, i)),
      ],
    );
    await insert(
      PR.id.length,
      `INSERT INTO project (id, kind, state, title, summary, languages, age_min, age_max, pupils, subjects, tools, aims,
                            work_process, expected_results, created_by, cofounder_id, cofounder_school_id, listed,
                            rejection_reason, rejected_country, rejected_at, created_at, updated_at, state_changed_at,
                            activated_at, closed_at, archived_at, school_year, country_codes, school_count)
       SELECT id, ki, st, ti, su, string_to_array(la, ','), amin, amax, pu, string_to_array(sj, ','),
              CASE WHEN fi THEN 'TwinSpace, videoconferences, shared documents' END,
              CASE WHEN fi THEN 'Practise languages, digital skills and teamwork through a shared product.' END,
              CASE WHEN fi THEN 'One shared activity a month; each class answers the others within two weeks.' END,
              CASE WHEN fi THEN 'A shared digital book and an exhibition in each school.' END,
              cb, co, cs, li, CASE WHEN rc IS NOT NULL THEN 'The aims need to be more precise.' END, rc,
              CASE WHEN rc IS NOT NULL THEN ch END, cr, ch, ch, ac, cl, ar,
              CASE WHEN ac IS NOT NULL THEN sy END, string_to_array(cc, ','), sc
       FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::int[], $8::int[],
                   $9::int[], $10::text[], $11::boolean[], $12::uuid[], $13::uuid[], $14::uuid[], $15::boolean[],
                   $16::text[], $17::timestamptz[], $18::timestamptz[], $19::timestamptz[], $20::timestamptz[],
                   $21::timestamptz[], $22::int[], $23::text[], $24::int[])
            AS t(id, ki, st, ti, su, la, amin, amax, pu, sj, fi, cb, co, cs, li, rc, cr, ch, ac, cl, ar, sy, cc, sc)`,
      (a, b) => [
        PR.id.slice(a, b),
        PR.kind.slice(a, b),
        PR.state.slice(a, b),
        PR.title.slice(a, b),
        PR.summary.slice(a, b),
        PR.languages.slice(a, b),
        PR.ageMin.slice(a, b),
        PR.ageMax.slice(a, b),
        PR.pupils.slice(a, b),
        PR.subjects.slice(a, b),
        PR.filled.slice(a, b),
        range(a, b, (i) => personIds[PR.createdBy[i]!]!),
        range(a, b, (i) => personIds[PR.cofounder[i]!]!),
        range(a, b, (i) => schoolIds[PR.cofounderSchool[i]!]!),
        PR.listed.slice(a, b),
        PR.rejectedCountry.slice(a, b),
        range(a, b, (i) => iso(PR.created[i]!)),
        range(a, b, (i) => iso(PR.changed[i]!)),
        range(a, b, (i) => iso(PR.activated[i]!)),
        range(a, b, (i) => iso(PR.closed[i]!)),
        range(a, b, (i) => iso(PR.archived[i]!)),
        range(a, b, (i) => schoolYearOf(Number.isNaN(PR.activated[i]!) ? PR.created[i]! : PR.activated[i]!)),
        PR.countries.slice(a, b),
        PR.schools.slice(a, b),
      ],
    );
    await insert(
      M.project.length,
      `INSERT INTO project_member (id, project_id, person_id, school_id, role, joined_at)
       SELECT id, pr, pe, sc, ro, jo
       FROM unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::text[], $5::timestamptz[], $6::uuid[])
            AS t(pr, pe, sc, ro, jo, id)`,
      (a, b) => [
        range(a, b, (i) => PR.id[M.project[i]!]!),
        range(a, b, (i) => personIds[M.person[i]!]!),
        range(a, b, (i) => schoolIds[M.school[i]!]!),
        M.role.slice(a, b),
        range(a, b, (i) => iso(M.joined[i]!)),
        range(a, b, (i) => rowId(5, i)),
      ],
    );
    if (bulk) {
      for (const t of TRIGGERED) await client.query(`ALTER TABLE ${t} ENABLE TRIGGER USER`);
      // The partner-search index, which the disabled triggers keep: the few teachers it shows.
      const open = new Set<number>();
      for (let i = 0; i < A.person.length; i++)
        if (A.status[i] === 'validated' && Number.isNaN(A.ended[i]!)) open.add(A.person[i]!);
      const shown = [...open].filter((p) => !Number.isNaN(P.completed[p]!) && Number.isNaN(P.hidden[p]!));
      await insert(
        shown.length,
        `SELECT count(ot_refresh_partner_profile(id)) FROM unnest($1::uuid[]) AS t(id)`,
        (a, b) => [shown.slice(a, b).map((p) => personIds[p]!)],
      );
    }
    await client.query('COMMIT');
    committed = true;
  } finally {
    // A rollback also puts the triggers back.
    if (!committed) await client.query('ROLLBACK').catch(() => {});
    client.release();
  }
  await pool.query('ANALYZE person, school, affiliation, project, project_member');

  return {
    seconds: (performance.now() - started) / 1000,
    expected,
    counts: {
      persons: P.country.length,
      schools: S.country.length,
      affiliations: A.person.length,
      projects: PR.id.length,
      members: M.project.length,
    },
  };
}
