import { locales } from '@opentwinning/i18n';
import type { LocalisedNames } from './countries.tables.ts';

/** Where the CLDR short name reads oddly in running text. */
const overrides: Record<string, Partial<Record<string, string>>> = {
  BA: { en: 'Bosnia and Herzegovina' },
};

/** The country's name in every UI language, from CLDR (Intl.DisplayNames). */
export function localisedCountryNames(code: string): LocalisedNames {
  return Object.fromEntries(
    locales.map((l) => [l, overrides[code]?.[l] ?? new Intl.DisplayNames([l], { type: 'region' }).of(code) ?? code]),
  );
}
