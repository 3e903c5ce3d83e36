import { countryCategories, type CountryCategory } from '@opentwinning/contracts';
import { m } from '$lib/messages';

export { countryCategories };

export const categoryLabel: Record<CountryCategory, () => string> = {
  eu_member: m.category_eu_member,
  candidate_or_special: m.category_candidate_or_special,
  etwinning_plus: m.category_etwinning_plus,
};

export const categoryHeading: Record<CountryCategory, () => string> = {
  eu_member: m.countries_group_eu_member,
  candidate_or_special: m.countries_group_candidate_or_special,
  etwinning_plus: m.countries_group_etwinning_plus,
};
