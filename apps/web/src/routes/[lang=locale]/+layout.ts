import { browser } from '$app/environment';
import type { Locale } from '@opentwinning/i18n';
import { setClientLocale } from '$lib/i18n';
import type { LayoutLoad } from './$types';

export const load: LayoutLoad = ({ params, data }) => {
  const lang = params.lang as Locale;
  if (browser) setClientLocale(lang);
  return { ...data, lang };
};
