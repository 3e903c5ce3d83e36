// The message catalogues (packages/i18n/messages/*.json), compiled to functions.
export * as m from '@opentwinning/i18n/messages';
