import type { PublicProject } from '@opentwinning/contracts';
import { describe, expect, it } from 'vitest';
import { excerpt, presentCard, presentProject, totalText } from './present';

const names: Record<string, string> = { ES: 'Spain', IT: 'Italy' };
const country = (code: string) => names[code] ?? code;

const project: PublicProject = {
  id: 'p1',
  title: 'Clean water',
  summary: 'We measure the water of our rivers and share what we find.',
  kind: 'european',
  state: 'closed',
  countries: ['ES', 'IT'],
  ageMin: 12,
  ageMax: 14,
  subjects: ['biology', 'mathematics'],
  languages: ['en', 'es'],
  schoolYear: 2025,
  schools: 2,
  aims: 'Aims',
  expectedResults: 'Results',
  activatedAt: '2025-10-02T08:00:00Z',
  closedAt: '2026-06-20T08:00:00Z',
  schoolList: [
    { id: 's1', name: 'IES Sol', city: 'Sevilla', countryCode: 'ES', teachers: null },
    { id: 's2', name: 'Liceo Roma', city: 'Roma', countryCode: 'IT', teachers: null },
  ],
};

describe('the gallery worded for its reader', () => {
  it('counts projects with the language’s plural and number format', () => {
    expect(totalText(1, 'es')).toBe('1 proyecto');
    expect(totalText(1234, 'en')).toBe('1,234 projects');
    expect(totalText(12345, 'es')).toBe('12.345 proyectos');
  });

  it('presents a card with names, not codes', () => {
    const card = presentCard(project, 'es', (c) => ({ ES: 'España', IT: 'Italia' })[c] ?? c, '/es/galeria/p1');
    expect(card.countries).toBe('España e Italia');
    expect(card.kind).toBe('Europeo');
    expect(card.stateLabel).toBe('Cerrado');
    expect(card.ages).toBe('De 12 a 14 años');
    expect(card.languages).toBe('Inglés y español');
    expect(card.schoolYear).toBe('2025-26');
    expect(card.schools).toBe('2 centros');
  });

  it('shows teachers only when the API gives them, and never anything else about people', () => {
    const hidden = presentProject(project, 'en', country, (u) => `/en/people/${u}`);
    expect(hidden.teachersShown).toBe(false);
    expect(hidden.schools[0]).toEqual({ id: 's1', name: 'IES Sol', place: 'Sevilla · Spain', teachers: null });
    expect(hidden.activated.text).toBe('2 October 2025');
    const members = {
      ...project,
      schoolList: [{ ...project.schoolList[0]!, teachers: [{ username: 'ana', firstName: 'Ana', lastName: 'Ruiz' }] }],
    };
    const shown = presentProject(members, 'en', country, (u) => `/en/people/${u}`);
    expect(shown.teachersShown).toBe(true);
    expect(shown.schools[0]?.teachers).toEqual([{ name: 'Ana Ruiz', href: '/en/people/ana' }]);
  });

  it('cuts a long summary at a word', () => {
    expect(excerpt('short')).toBe('short');
    const long = `${'word '.repeat(80)}end`;
    const cut = excerpt(long, 40);
    expect(cut.length).toBeLessThanOrEqual(40);
    expect(cut.endsWith('word…')).toBe(true);
  });
});
