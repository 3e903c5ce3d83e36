import js from '@eslint/js';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import ts from 'typescript-eslint';
import svelteConfig from './apps/web/svelte.config.js';

export default ts.config(
  {
    ignores: [
      '**/node_modules/',
      '**/build/',
      '**/.svelte-kit/',
      'packages/i18n/paraglide/',
      'data/',
      '.tmp/',
      'apps/server/drizzle/',
    ],
  },
  js.configs.recommended,
  ...ts.configs.recommended,
  ...svelte.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-console': 'off',
      // Addresses are localised by $lib/paths (/es/paises ↔ /en/countries); the app has no base path.
      'svelte/no-navigation-without-resolve': 'off',
    },
  },
  {
    files: ['**/*.svelte', '**/*.svelte.ts'],
    languageOptions: { parserOptions: { parser: ts.parser, extraFileExtensions: ['.svelte'], svelteConfig } },
  },
  {
    // Features do not import each other: what they share lives in $lib.
    files: ['apps/web/src/lib/features/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['$features/*'], message: 'A feature must not import another feature.' }] },
      ],
    },
  },
  {
    // A module talks to another only through its service, never its repository or tables.
    // (Tables may reference other tables for foreign keys; repositories may join them read-only.)
    files: ['apps/server/src/modules/**'],
    ignores: ['apps/server/src/modules/**/*.tables.ts', 'apps/server/src/modules/**/*.repository.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { regex: '^\\.\\./[^/]+/.*\\.(repository|tables)(\\.ts)?$', message: 'Use the other module’s service.' },
          ],
        },
      ],
    },
  },
);
