import { eq } from 'drizzle-orm';
import { seedCountries } from '../../modules/countries/countries.seed.ts';
import { seedSubjectLabels } from '../../modules/search/search.seed.ts';
import type { Db } from '../db/database.ts';
import { platformSetting } from '../settings.tables.ts';
import { seedDemoPartners } from './demo-partners.seed.ts';
import { seedDemoProjects } from './demo-projects.seed.ts';
import { seedDemoPeople } from './demo.seed.ts';

/** Reference data every installation needs (countries, support services, regions). Idempotent. */
export async function seedReferenceData(db: Db): Promise<void> {
  await seedCountries(db);
  await seedSubjectLabels(db);
}

/**
 * Demo data, contributed by modules: each seeder adds the sample people, schools and projects of
 * its domain. Runs once per database (remembered in platform_setting).
 */
export type DemoSeeder = (db: Db) => Promise<void>;
const demoSeeders: DemoSeeder[] = [seedDemoPeople, seedDemoPartners, seedDemoProjects];

export function registerDemoSeeder(seeder: DemoSeeder): void {
  demoSeeders.push(seeder);
}

export async function demoDataLoadedAt(db: Db): Promise<string | undefined> {
  const [row] = await db.select().from(platformSetting).where(eq(platformSetting.key, 'demo_data_loaded_at'));
  return row?.value;
}

export async function seedDemoData(db: Db): Promise<boolean> {
  if (await demoDataLoadedAt(db)) return false;
  for (const seeder of demoSeeders) await seeder(db);
  await db
    .insert(platformSetting)
    .values({ key: 'demo_data_loaded_at', value: new Date().toISOString() })
    .onConflictDoNothing();
  return true;
}
