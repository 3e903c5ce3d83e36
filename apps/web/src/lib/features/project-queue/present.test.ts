import type { ProjectQueueItem } from '@opentwinning/contracts';
import { describe, expect, it } from 'vitest';
import { daysText, decisionText, otherStepText, presentFigures, presentRow } from './present';

const names: Record<string, string> = { ES: 'España', FR: 'Francia', IT: 'Italia' };
const country = (code: string) => names[code] ?? code;

const item: ProjectQueueItem = {
  project: { id: 'p1', title: 'Agua limpia', kind: 'european', countries: ['ES', 'FR'] },
  founders: [
    {
      person: { username: 'ana', firstName: 'Ana', lastName: 'Ruiz' },
      school: { id: 's1', name: 'IES Sol', city: 'Sevilla', countryCode: 'ES' },
    },
  ],
  step: { kind: 'region', countryCode: 'ES', regionId: 7, regionName: 'Andalucía' },
  otherSteps: [
    {
      countryCode: 'FR',
      regionId: null,
      regionName: null,
      regionConsentedAt: null,
      approvedAt: '2026-03-03T10:00:00Z',
    },
  ],
  waitingSince: '2026-02-01T09:00:00Z',
  waitingDays: 1,
  canDecide: true,
};

describe('the queue worded for its reader', () => {
  it('says who is awaited, what the others did and since when', () => {
    const row = presentRow(item, { lang: 'es', country, projectHref: (id) => `/es/proyectos/${id}`, actionable: true });
    expect(row.href).toBe('/es/proyectos/p1');
    expect(row.kind).toBe('Europeo');
    expect(row.countries).toBe('España y Francia');
    expect(row.founders).toEqual([{ name: 'Ana Ruiz', school: 'IES Sol', place: 'Sevilla · España' }]);
    expect(row.awaited).toBe('Conformidad de Andalucía (España)');
    expect(row.others).toEqual([{ text: 'Francia: aprobado el 3 de marzo de 2026', done: true }]);
    expect(row.since.text).toBe('1 de febrero de 2026');
    expect(row.days).toBe('1 día');
  });

  it('words steps still awaited elsewhere, in English too', () => {
    const waiting = { countryCode: 'IT', regionId: 3, regionName: 'Lazio', regionConsentedAt: null, approvedAt: null };
    expect(otherStepText(waiting, 'en', country).text).toBe('Italia: waiting for the consent of Lazio');
    const nss = { ...waiting, regionConsentedAt: '2026-01-01T00:00:00Z' };
    expect(otherStepText(nss, 'en', country)).toEqual({
      text: 'Italia: waiting for its national service',
      done: false,
    });
  });

  it('formats the waiting figures in the page language', () => {
    expect(presentFigures({ total: 1234, waiting: { p50: 4.4, p90: 21, max: null } }, 'en')).toEqual({
      total: '1,234',
      p50: '4.4 days',
      p90: '21 days',
      max: null,
    });
    expect(daysText(1500, 'es')).toBe('1500 días');
    expect(daysText(12000, 'es')).toBe('12.000 días');
    expect(daysText(0.96, 'es')).toBe('1 día');
    expect(daysText(0.44, 'es')).toBe('0,4 días');
  });

  it('says what a decision did and what the project still awaits', () => {
    const project = {
      title: 'Agua limpia',
      state: 'awaiting_approval',
      steps: [{ countryCode: 'ES', regionId: 7, regionName: 'Andalucía', regionConsentedAt: null, approvedAt: null }],
      awaited: [
        {
          kind: 'nss' as const,
          countryCode: 'FR',
          regionId: null,
          regionName: null,
          person: null,
          since: '2026-01-01T00:00:00Z',
        },
      ],
    };
    expect(decisionText('approved', 'ES', project, 'en', country)).toBe(
      'You approved “Agua limpia” for España. It still awaits: National support service of Francia.',
    );
    expect(decisionText('approved', 'ES', { ...project, state: 'active', awaited: [] }, 'es', country)).toBe(
      'Has aprobado «Agua limpia» para España. El proyecto ya está activo: su TwinSpace está abierto.',
    );
    expect(decisionText('consented', '7', project, 'en', country)).toContain(
      'the consent of Andalucía to “Agua limpia”',
    );
    expect(decisionText('rejected', 'ES', null, 'en', country)).toBe('Your decision has been recorded.');
  });
});
