import { overwriteGetLocale } from '@opentwinning/i18n/runtime';
import { getClientLocale } from '$lib/i18n';

overwriteGetLocale(getClientLocale);
