import type { CountriesResponse, Country, CountryCategory, CountryHistoryResponse } from '@opentwinning/contracts';
import { AppError } from '../../platform/errors.ts';
import type { Db } from '../../platform/db/database.ts';
import type { Tx } from '../../platform/context.ts';
import { translate, type Locale } from '../../platform/i18n.ts';
import * as repo from './countries.repository.ts';
import type { CountryRow } from './countries.repository.ts';
import { localisedCountryNames } from './country-names.ts';
export { renderMarkedCountriesMap } from './countries.map.ts';

/** Today's date in UTC as YYYY-MM-DD. */
export function today(): string {
  return new Date().toISOString().slice(0, 10);
}

const nameIn = (names: Record<string, string>, locale: Locale) =>
  names[locale] ?? names.en ?? Object.values(names)[0] ?? '';

function present(row: CountryRow, locale: Locale): Country {
  const name = nameIn(row.names, locale);
  return {
    code: row.code,
    name,
    category: row.category,
    supportBody: row.supportBody,
    joinedOn: row.joinedOn,
    joinedOnApproximate: row.joinedOnApproximate,
    leftOn: row.leftOn,
    hasRegions: row.hasRegions,
    supportService: {
      name:
        row.serviceName ??
        translate(locale, row.supportBody === 'PSA' ? 'support_psa_of' : 'support_nss_of', { country: name }),
      website: row.serviceWebsite,
    },
  };
}

function sortByName(countries: Country[], locale: Locale): Country[] {
  const collator = new Intl.Collator(locale);
  return countries.sort((a, b) => collator.compare(a.name, b.name));
}

/** R-CTRY-2: the countries taking part on a date, with counts per category. */
export async function listCountriesOn(db: Db, date: string, locale: Locale): Promise<CountriesResponse> {
  const rows = await repo.findParticipatingOn(db, date);
  const counts: Record<CountryCategory, number> = { eu_member: 0, candidate_or_special: 0, etwinning_plus: 0 };
  for (const row of rows) counts[row.category]++;
  return {
    date,
    total: rows.length,
    counts,
    countries: sortByName(
      rows.map((r) => present(r, locale)),
      locale,
    ),
  };
}

/** Every dated change of participation, oldest first. */
export async function countryHistory(db: Db, locale: Locale): Promise<CountryHistoryResponse> {
  const rows = await repo.findAllCountries(db);
  const events: CountryHistoryResponse['events'] = [];
  for (const r of rows) {
    const name = nameIn(r.names, locale);
    events.push({
      code: r.code,
      name,
      kind: 'joined',
      on: r.joinedOn,
      approximate: r.joinedOnApproximate,
      source: r.joinedSource,
    });
    if (r.leftOn)
      events.push({ code: r.code, name, kind: 'left', on: r.leftOn, approximate: false, source: r.leftSource ?? '' });
  }
  const collator = new Intl.Collator(locale);
  return { events: events.sort((a, b) => a.on.localeCompare(b.on) || collator.compare(a.name, b.name)) };
}

/** One country (taking part or not) with its regions. */
export async function getCountry(db: Db, code: string, locale: Locale) {
  const row = await repo.findCountry(db, code.toUpperCase());
  if (!row) throw new AppError('NOT_FOUND', 'error_country_not_found', { code });
  const regions = await repo.findRegions(db, row.code);
  return {
    ...present(row, locale),
    joinedSource: row.joinedSource,
    leftSource: row.leftSource,
    usesRegionalStep: row.usesRegionalStep,
    regions: regions.map((r) => ({ id: r.id, code: r.code, name: nameIn(r.names, locale) })),
  };
}

export async function centralService(db: Db, locale: Locale) {
  const row = await repo.findCentralService(db);
  return { name: row?.name ?? translate(locale, 'support_central'), website: row?.website ?? null };
}

export async function isParticipating(db: Db, code: string, date: string): Promise<boolean> {
  const rows = await repo.findParticipatingOn(db, date);
  return rows.some((r) => r.code === code);
}

/** The NSS's choice of the regional step (R-ACC-3); only for countries with regions. */
export async function setRegionalStep(db: Db | Tx, code: string, enabled: boolean): Promise<void> {
  const row = await repo.findCountry(db, code);
  if (!row) throw new AppError('NOT_FOUND', 'error_country_not_found', { code });
  if (enabled && !row.hasRegions) throw new AppError('CONFLICT', 'error_country_has_no_regions');
  await repo.updateCountry(db, code, { usesRegionalStep: enabled });
}

/** The name of a region in a language, or undefined. */
export async function regionName(db: Db, regionId: number, locale: Locale): Promise<string | undefined> {
  const r = await repo.findRegion(db, regionId);
  return r ? nameIn(r.names, locale) : undefined;
}

/** Country names in a language (a project's countries on its map). */
export function countryNamesIn(codes: string[], locale: Locale): { code: string; name: string }[] {
  return codes.map((code) => ({ code, name: nameIn(localisedCountryNames(code), locale) }));
}
