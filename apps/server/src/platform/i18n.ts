import { baseLocale, isLocale, negotiateLocale, type Locale } from '@opentwinning/i18n';
import * as messages from '@opentwinning/i18n/messages';
import type { FastifyRequest } from 'fastify';

export type { Locale };

type MessageFn = (inputs?: Record<string, unknown>, options?: { locale?: Locale }) => string;
const catalogue = messages as unknown as Record<string, MessageFn | undefined>;

export function hasMessage(key: string): boolean {
  return typeof catalogue[key] === 'function';
}

/** A message of the catalogues in the given language. An unknown key is a programming error. */
export function translate(locale: Locale, key: string, inputs: Record<string, unknown> = {}): string {
  const fn = catalogue[key];
  if (!fn) throw new Error(`Unknown message key: ${key}`);
  return fn(inputs, { locale });
}

/** The caller's language: an explicit `lang` query parameter, else Accept-Language, else Spanish. */
export function requestLocale(request: FastifyRequest): Locale {
  const query = request.query as Record<string, unknown> | undefined;
  if (query && isLocale(query.lang)) return query.lang;
  return negotiateLocale(request.headers['accept-language']) ?? baseLocale;
}
