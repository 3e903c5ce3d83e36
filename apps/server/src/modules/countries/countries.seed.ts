import type { Db } from '../../platform/db/database.ts';
import { countryFacts, regionFacts } from './countries.reference.ts';
import { country, region, supportService } from './countries.tables.ts';
import { localisedCountryNames } from './country-names.ts';

/**
 * Loads the reference countries, support services and regions. Idempotent: rows that exist are
 * left as they are (they may have been edited since), missing ones are added.
 */
export async function seedCountries(db: Db): Promise<void> {
  await db.transaction(async (tx) => {
    await tx
      .insert(country)
      .values(
        countryFacts.map((f) => ({
          code: f.code,
          names: localisedCountryNames(f.code),
          category: f.category,
          supportBody: f.category === 'etwinning_plus' ? ('PSA' as const) : ('NSS' as const),
          joinedOn: f.joinedOn,
          joinedOnApproximate: f.joinedOnApproximate ?? false,
          joinedSource: f.joinedSource,
          leftOn: f.leftOn ?? null,
          leftSource: f.leftSource ?? null,
          hasRegions: f.hasRegions ?? false,
          usesRegionalStep: f.usesRegionalStep ?? false,
        })),
      )
      .onConflictDoNothing();
    await tx.insert(supportService).values({ scope: 'central', name: null, website: null }).onConflictDoNothing();
    await tx
      .insert(supportService)
      .values(
        countryFacts.map((f) => ({
          scope: 'national' as const,
          countryCode: f.code,
          name: f.service?.name ?? null,
          website: f.service?.website ?? null,
        })),
      )
      .onConflictDoNothing();
    await tx
      .insert(region)
      .values(regionFacts.map((r, i) => ({ ...r, sortOrder: i })))
      .onConflictDoNothing();
  });
}
