// The targets of the statistics generator: the CSV table, and what it means once scaled — teachers
// and schools per country (the Europe remainder spread over the countries not listed, by weight)
// and the projects the listed countries need in each period.
import { type Context } from './statistics-context.ts';
import { sumWeights, type Countries, type Country } from './statistics-countries.ts';

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

/** Teachers per school and projects per teacher when a table leaves them out (the seed's ratios). */
const TEACHERS_PER_SCHOOL = 2.33;
const PROJECTS_PER_TEACHER = 0.131;

/** A target multiplied by the scale; undefined: no target. */
export interface ScaledTarget {
  teachers: number | undefined;
  schools: number | undefined;
  projects: number | undefined;
  projectsSchoolYear: number | undefined;
}

/** A listed country's projects: this school year, before it, or a total to share between the two. */
export interface ProjectQuota {
  inYear?: number;
  before?: number;
  total?: number;
}

export interface TargetPlan {
  europe: ScaledTarget;
  /** The countries listed, by code. */
  listed: Map<string, ScaledTarget>;
  /** Teachers and schools counted on the date per country (and for the countries that left before it, with noise). */
  size: Map<string, { teachers: number; schools: number }>;
  /** Teachers counted on the date per unit of weight, to size the countries that do not take part. */
  teachersPerWeight: number;
  /** Europe's projects on the date. */
  europeProjects: number;
  quota: Map<string, ProjectQuota>;
}

/** Scales the targets and derives what they leave open; throws when they cannot be met. */
export function planTargets(ctx: Context, countries: Countries, targets: StatisticsTarget[]): TargetPlan {
  const { scale } = ctx;
  const { byCode, participating } = countries;
  const scaled = (v: number | undefined, what: string) => {
    if (v === undefined) return undefined;
    if (!Number.isFinite(v) || v < 0) throw new Error(`targets: ${what} must be a non-negative number, not ${v}`);
    return Math.round(v * scale);
  };
  const scaleTarget = (t: StatisticsTarget): ScaledTarget => ({
    teachers: scaled(t.teachers, `${t.country} teachers`),
    schools: scaled(t.schools, `${t.country} schools`),
    projects: scaled(t.projects, `${t.country} projects`),
    projectsSchoolYear: scaled(t.projectsSchoolYear, `${t.country} projectsSchoolYear`),
  });
  let europe: ScaledTarget = {
    teachers: undefined,
    schools: undefined,
    projects: undefined,
    projectsSchoolYear: undefined,
  };
  const listed = new Map<string, ScaledTarget>();
  for (const t of targets) {
    const code = t.country.toUpperCase();
    if (code === 'EUROPE') {
      europe = scaleTarget(t);
      continue;
    }
    const c = byCode.get(code);
    if (!c) throw new Error(`targets: unknown country "${t.country}"`);
    if (!c.participating) throw new Error(`targets: ${code} does not take part on ${ctx.date}`);
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
  if (ctx.noise)
    for (const c of countries.former) {
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
  const quota = new Map<string, ProjectQuota>();
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
  return { europe, listed, size, teachersPerWeight, europeProjects, quota };
}
