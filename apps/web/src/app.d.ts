import type { Locale } from '@opentwinning/i18n';

declare global {
  namespace App {
    interface Locals {
      lang: Locale;
    }
    interface Error {
      message: string;
      code?: string;
    }
  }
}

export {};
