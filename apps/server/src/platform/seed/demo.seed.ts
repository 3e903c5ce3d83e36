import { eq } from 'drizzle-orm';
import { person } from '../../modules/accounts/accounts.tables.ts';
import { auditEntry } from '../../modules/audit/audit.tables.ts';
import { region } from '../../modules/countries/countries.tables.ts';
import { school } from '../../modules/schools/schools.tables.ts';
import { affiliation, roleAssignment } from '../../modules/validation/validation.tables.ts';
import { hashPassword } from '../auth/password.ts';
import type { Db } from '../db/database.ts';
import { DEMO_PASSWORD, demoLogin, demoOfficers, demoSchools, demoTeachers, demoTimeZones } from './demo-data.ts';

const DAY = 86_400_000;

/**
 * Loads the demo people, schools and affiliations (once, on an empty database): officers of the
 * support services and teachers of 25 schools in 10 countries, most validated, some waiting.
 */
export async function seedDemoPeople(db: Db): Promise<void> {
  const passwordHash = await hashPassword(DEMO_PASSWORD); // one hash for all: they share the password
  const now = Date.now();
  await db.transaction(async (tx) => {
    const regions = new Map(
      (await tx.select({ id: region.id, code: region.code }).from(region)).map((r) => [r.code, r.id]),
    );
    const ids = new Map<string, string>();

    for (const [i, o] of demoOfficers.entries()) {
      const [p] = await tx
        .insert(person)
        .values({
          email: o.email,
          username: o.username,
          passwordHash,
          emailConfirmedAt: new Date(now - 500 * DAY),
          firstName: o.firstName,
          lastName: o.lastName,
          schoolRole: 'teacher_centre_advisor',
          subjects: ['cross_curricular'],
          languages: ['en', o.country === 'ES' || !o.country ? 'es' : 'fr'],
          uiLanguage: o.country === 'ES' ? 'es' : 'en',
          codeOfConductAcceptedAt: new Date(now - 500 * DAY),
          profileCompletedAt: new Date(now - 500 * DAY),
          createdAt: new Date(now - (500 - i) * DAY),
          lastSignInAt: new Date(now - DAY),
        })
        .returning({ id: person.id });
      await tx.insert(roleAssignment).values({
        personId: p!.id,
        role: o.role,
        countryCode: o.country ?? null,
        regionId: o.region ? regions.get(o.region)! : null,
        grantedAt: new Date(now - 400 * DAY),
      });
      ids.set(o.role === 'nss_officer' ? `nss:${o.country}` : o.role, p!.id);
    }

    const schoolIds = new Map<string, { id: string; country: string; name: string }>();
    for (const s of demoSchools) {
      const [row] = await tx
        .insert(school)
        .values({
          countryCode: s.country,
          regionId: s.region ? regions.get(s.region)! : null,
          name: s.name,
          levels: s.levels,
          address: `${s.city} — demo address`,
          city: s.city,
          postalCode: '',
          ageMin: s.ages[0],
          ageMax: s.ages[1],
          pupilCount: s.pupils,
          website: null,
          headName: `Head teacher of ${s.name}`,
          headEmail: `head.${s.key}@demo.opentwinning.org`,
          createdAt: new Date(now - 450 * DAY),
        })
        .returning({ id: school.id });
      schoolIds.set(s.key, { id: row!.id, country: s.country, name: s.name });
    }

    for (const [i, t] of demoTeachers.entries()) {
      const { email, username } = demoLogin(t);
      const s = schoolIds.get(t.school)!;
      const state = t.state ?? 'validated';
      const waiting = state === 'validated' || state === 'rejected' ? 40 + ((i * 37) % 360) : 1 + ((i * 5) % 21);
      const createdAt = new Date(now - waiting * DAY);
      const [p] = await tx
        .insert(person)
        .values({
          email,
          username,
          passwordHash,
          emailConfirmedAt: createdAt,
          firstName: t.first,
          lastName: t.last,
          schoolRole: t.role ?? 'teacher',
          subjects: t.subjects,
          languages: t.languages,
          presentation: t.presentation ?? '',
          presentationLanguage: t.presentation ? t.languages[0] : null,
          lookingForPartners: i % 3 !== 0,
          uiLanguage: t.lang ?? 'en',
          timeZone: demoTimeZones[s.country] ?? 'Europe/Madrid',
          codeOfConductAcceptedAt: createdAt,
          profileCompletedAt: createdAt,
          createdAt,
          lastSignInAt: new Date(now - ((i * 3) % 30) * DAY),
        })
        .returning({ id: person.id });
      const decider = ids.get(`nss:${s.country}`) ?? ids.get('css_officer')!;
      const decided = state === 'validated' || state === 'rejected';
      const [a] = await tx
        .insert(affiliation)
        .values({
          personId: p!.id,
          schoolId: s.id,
          status: state === 'awaiting' ? 'pending' : state,
          regionalStatus: state === 'awaiting' ? 'awaiting' : s.country === 'ES' ? 'confirmed' : 'not_required',
          decidedBy: decided ? decider : null,
          decidedAt: decided ? new Date(createdAt.getTime() + 3 * DAY) : null,
          decisionReason: state === 'rejected' ? 'The school says this person is not on its staff.' : null,
          createdAt,
        })
        .returning({ id: affiliation.id });
      if (decided) {
        await tx.insert(auditEntry).values({
          at: new Date(createdAt.getTime() + 3 * DAY),
          actorId: decider,
          actorLabel: demoOfficers.find((o) => o.country === s.country)?.username ?? 'css.officer',
          action: state === 'validated' ? 'affiliation.validated' : 'affiliation.rejected',
          subjectId: p!.id,
          subjectLabel: username,
          countryCode: s.country,
          reason: state === 'rejected' ? 'The school says this person is not on its staff.' : null,
          details: { affiliationId: a!.id, school: s.name },
        });
      }
    }
  });
}

/** True when the demo people are there (the sign-in page lists them in development). */
export async function demoPeoplePresent(db: Db): Promise<boolean> {
  const rows = await db.select({ id: person.id }).from(person).where(eq(person.email, demoOfficers[0]!.email));
  return rows.length > 0;
}
