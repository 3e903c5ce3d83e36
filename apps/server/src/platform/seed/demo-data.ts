import data from './demo-data.json' with { type: 'json' };

/**
 * The demo set: who is who in a fresh installation (the people, schools and states are in
 * demo-data.json). Every account uses DEMO_PASSWORD. Listed on the README and, in development
 * only, on the sign-in page.
 */
export const DEMO_PASSWORD = 'opentwinning-demo';

export interface DemoOfficer {
  email: string;
  username: string;
  firstName: string;
  lastName: string;
  role: 'css_officer' | 'nss_officer' | 'regional_coordinator';
  country?: string;
  region?: string;
}

export interface DemoSchool {
  key: string;
  country: string;
  region?: string;
  name: string;
  city: string;
  levels: string[];
  ages: [number, number];
  pupils: number;
}

export interface DemoTeacher {
  first: string;
  last: string;
  school: string;
  /** validated (default), pending, awaiting (regional step), rejected */
  state?: 'validated' | 'pending' | 'awaiting' | 'rejected';
  subjects: string[];
  languages: string[];
  lang?: 'es' | 'en';
  role?: string;
  /** In the teacher's first working language. */
  presentation?: string;
}

/** The time zone of each demo country's schools. */
export const demoTimeZones: Record<string, string> = {
  ES: 'Europe/Madrid',
  FR: 'Europe/Paris',
  IT: 'Europe/Rome',
  PL: 'Europe/Warsaw',
  TR: 'Europe/Istanbul',
  DE: 'Europe/Berlin',
  PT: 'Europe/Lisbon',
  GR: 'Europe/Athens',
  RO: 'Europe/Bucharest',
  SE: 'Europe/Stockholm',
  FI: 'Europe/Helsinki',
  UA: 'Europe/Kyiv',
};

export const demoOfficers = data.officers as DemoOfficer[];
export const demoSchools = data.schools as DemoSchool[];
export const demoTeachers = data.teachers as DemoTeacher[];

/** An email and username from a demo teacher's name (ascii, lower case). */
export function demoLogin(t: DemoTeacher): { email: string; username: string } {
  const ascii = (s: string) =>
    s
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/ı/g, 'i')
      .replace(/ł/g, 'l')
      .replace(/ş/g, 's')
      .replace(/[^a-zA-Z]/g, '')
      .toLowerCase();
  const username = `${ascii(t.first)}.${ascii(t.last)}`;
  return { email: `${username}@demo.opentwinning.org`, username };
}
