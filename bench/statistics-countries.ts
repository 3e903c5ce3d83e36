// The countries of the statistics generator: when each takes part (from the reference data), its
// size, time zone, language and a city.
import type pg from 'pg';
import { DAY, LAUNCH, type Context } from './statistics-context.ts';

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

export interface Country {
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
}

export interface Countries {
  /** Every country of the reference data, by code. */
  all: Country[];
  byCode: Map<string, Country>;
  /** Taking part on the date. */
  participating: Country[];
  /** Took part before the date but left before it (e.g. the United Kingdom after 2020). */
  former: Country[];
  /** Joined after the date: only noise after it. */
  later: Country[];
}

export const sumWeights = (list: Country[]) => list.reduce((s, c) => s + c.weight, 0);

/** The countries and their regions, as the reference data has them. */
export async function loadCountries(pool: pg.Pool, ctx: Context): Promise<Countries> {
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
  const all: Country[] = countryRows.map((r) => {
    const [weight, tz, lang, city] = COUNTRIES[r.code] ?? [0.5, 'Europe/Brussels', 'en', 'Capital'];
    return {
      code: r.code,
      joined: Math.max(LAUNCH, dayMs(r.joined_on)),
      leftEnd: r.left_on === null ? null : dayMs(r.left_on) + DAY,
      participating: r.joined_on <= ctx.date && (r.left_on === null || r.left_on >= ctx.date),
      regional: r.uses_regional_step,
      regions: regionRows.filter((x) => x.country_code === r.code).map((x) => x.id),
      weight,
      tz,
      lang,
      city,
    };
  });
  return {
    all,
    byCode: new Map(all.map((c) => [c.code, c])),
    participating: all.filter((c) => c.participating),
    former: all.filter((c) => !c.participating && c.joined < ctx.dayStart),
    later: all.filter((c) => c.joined >= ctx.dayEnd && c.joined < ctx.now),
  };
}
