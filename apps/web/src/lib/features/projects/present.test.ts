import type { ProjectDetail, ProjectSummary } from '@opentwinning/contracts';
import { describe, expect, it } from 'vitest';
import { presentCard, presentProject, type PresentContext } from './present';

const names: Record<string, string> = { ES: 'Spain', FR: 'France' };
const ctx: PresentContext = {
  lang: 'en',
  timeZone: 'Europe/Madrid',
  now: new Date('2026-03-05T10:00:00Z'),
  country: (code) => names[code] ?? code,
  me: 'lucia.martin',
};
const person = (username: string, firstName: string, lastName: string) => ({ username, firstName, lastName });
const lucia = person('lucia.martin', 'Lucía', 'Martín');
const pierre = person('pierre.durand', 'Pierre', 'Durand');
const school = (id: string, countryCode: string) => ({ id, name: `School ${id}`, city: 'City', countryCode });

const abilities = {
  edit: false,
  submit: false,
  discard: false,
  respondAsCofounder: false,
  approve: [],
  consent: [],
  close: false,
  invite: false,
  leave: false,
  removeMembers: false,
  setListed: false,
  invitationId: null,
};

const project = (over: Partial<ProjectDetail>): ProjectDetail => ({
  id: 'p1',
  kind: 'european',
  state: 'awaiting_approval',
  title: 'Water',
  summary: 'About water in our towns',
  languages: ['en'],
  ageMin: 12,
  ageMax: 14,
  pupils: 40,
  subjects: [],
  tools: null,
  aims: null,
  workProcess: null,
  expectedResults: null,
  erasmusReference: null,
  fromPostId: null,
  cofounder: null,
  listed: true,
  rejection: null,
  createdAt: '2026-02-01T09:00:00Z',
  updatedAt: '2026-02-01T09:00:00Z',
  stateChangedAt: '2026-03-02T09:00:00Z',
  activatedAt: null,
  closedAt: null,
  schoolYear: null,
  countries: ['FR', 'ES'],
  members: [
    { person: lucia, role: 'founder', school: school('a', 'ES'), joinedAt: '2026-02-01T09:00:00Z' },
    { person: pierre, role: 'founder', school: school('b', 'FR'), joinedAt: '2026-03-01T09:00:00Z' },
  ],
  invitations: [],
  steps: [
    {
      countryCode: 'ES',
      regionId: 7,
      regionName: 'Andalucía',
      regionConsentedAt: '2026-03-03T09:00:00Z',
      approvedAt: null,
    },
    { countryCode: 'FR', regionId: null, regionName: null, regionConsentedAt: null, approvedAt: null },
  ],
  awaited: [
    { kind: 'nss', countryCode: 'ES', regionId: null, regionName: null, person: null, since: '2026-03-03T09:00:00Z' },
    { kind: 'nss', countryCode: 'FR', regionId: null, regionName: null, person: null, since: '2026-03-02T09:00:00Z' },
  ],
  twinspace: null,
  missing: [],
  myRole: 'founder',
  abilities,
  ...over,
});

describe('the approval tracker', () => {
  it('lists the co-founder, then each country’s region and NSS, done or awaited for so many days', () => {
    const view = presentProject(project({}), ctx);
    expect(view.tracker.map((s) => [s.who, s.status, s.text])).toEqual([
      ['Pierre Durand, co-founder', 'done', 'confirmed'],
      ['Regional coordination of Andalucía (Spain)', 'done', 'on 3 March 2026'],
      ['National Support Service of Spain', 'awaited', 'for 2 days (since 3 March 2026)'],
      ['National Support Service of France', 'awaited', 'for 3 days (since 2 March 2026)'],
    ]);
    expect(view.countries).toBe('France and Spain');
  });

  it('shows the rejection on the country that refused', () => {
    const view = presentProject(
      project({
        state: 'rejected',
        awaited: [],
        rejection: { reason: 'No', countryCode: 'FR', at: '2026-03-04T09:00:00Z' },
      }),
      ctx,
    );
    expect(view.tracker.at(-1)).toMatchObject({ status: 'refused', text: 'on 4 March 2026' });
    expect(view.rejection).toMatchObject({ reason: 'No', by: 'France' });
  });

  it('plans one NSS step per founder country while the project is a draft', () => {
    const view = presentProject(project({ state: 'draft', steps: [], awaited: [] }), ctx);
    expect(view.tracker.map((s) => [s.status, s.who])).toEqual([
      ['later', 'Pierre Durand, co-founder'],
      ['later', 'National Support Service of Spain'],
      ['later', 'National Support Service of France'],
    ]);
  });
});

describe('my projects', () => {
  const summary: ProjectSummary = {
    id: 'p1',
    kind: 'national',
    state: 'awaiting_partner',
    title: 'Water',
    countries: ['ES'],
    ageMin: 10,
    ageMax: 10,
    subjects: ['history'],
    stateChangedAt: '2026-03-04T09:00:00Z',
    myRole: 'founder',
    awaited: [
      {
        kind: 'cofounder',
        countryCode: null,
        regionId: null,
        regionName: null,
        person: pierre,
        since: '2026-03-04T09:00:00Z',
      },
    ],
  };

  it('says who each project awaits, and when it is my answer', () => {
    expect(presentCard(summary, ctx).awaited).toEqual([
      { text: 'Awaiting: the answer of Pierre Durand as co-founder, for 1 day', mine: false },
    ]);
    const mine = presentCard(summary, { ...ctx, me: 'pierre.durand' });
    expect(mine.awaited).toEqual([{ text: 'Awaiting your answer as co-founder', mine: true }]);
    expect(mine).toMatchObject({ href: '/en/projects/p1', ages: '10 years old', kindLabel: 'National project' });
  });
});
