import { isLocale } from '@opentwinning/i18n';
import type { ParamMatcher } from '@sveltejs/kit';

export const match: ParamMatcher = (param) => isLocale(param);
