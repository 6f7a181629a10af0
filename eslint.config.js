// @ts-check
// One ESLint (flat) config for the repository: typescript-eslint everywhere, angular-eslint
// for the three apps, and the import directions of STYLE.md §4 as rules.
import eslint from '@eslint/js';
import angular from 'angular-eslint';
import { defineConfig } from 'eslint/config';
import tseslint from 'typescript-eslint';

const nodeGlobals = Object.fromEntries(
  [
    'process',
    'console',
    'Buffer',
    'URL',
    'URLSearchParams',
    'fetch',
    'setTimeout',
    'clearTimeout',
    'setInterval',
    'clearInterval',
    'setImmediate',
    'structuredClone',
    'AbortController',
    'TextEncoder',
    'TextDecoder',
  ].map((name) => [name, 'readonly']),
);

export default defineConfig(
  {
    ignores: [
      '**/dist/',
      'data/',
      '**/node_modules/',
      '.angular/',
      'coverage/',
      'out-tsc/',
      'e2e/screenshots/',
      '**/*.d.ts',
    ],
  },

  // ---- everything in TypeScript ----
  {
    files: ['**/*.ts', '**/*.mts'],
    extends: [eslint.configs.recommended, tseslint.configs.recommended, tseslint.configs.stylistic],
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' },
      ],
      '@typescript-eslint/consistent-type-imports': [
        'error',
        { fixStyle: 'inline-type-imports', disallowTypeAnnotations: false },
      ],
    },
  },

  // ---- plain JavaScript (config files, scripts) ----
  {
    files: ['**/*.js', '**/*.mjs', '**/*.cjs'],
    extends: [eslint.configs.recommended],
    languageOptions: { ecmaVersion: 'latest', sourceType: 'module', globals: nodeGlobals },
  },

  // ---- engine: the domain imports nothing; route handlers never touch models ----
  {
    files: ['engine/src/domain/**/*.ts'],
    ignores: ['**/*.test.ts', '**/*.spec.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '^(?!\\./)',
              message: 'engine/src/domain is pure: it imports only other domain files (./x.js).',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['engine/src/**/*.routes.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: 'sequelize',
              message: 'Routes call services; only models and repositories use Sequelize.',
              allowTypeImports: true,
            },
          ],
          patterns: [
            {
              group: ['**/*.model.js', '**/*.model'],
              message: 'Routes call services, never models.',
              allowTypeImports: true,
            },
          ],
        },
      ],
    },
  },

  // ---- Angular apps and their shared library ----
  {
    files: ['portal/**/*.ts', 'mobile/**/*.ts', 'handheld/**/*.ts'],
    extends: [angular.configs.tsRecommended],
    processor: angular.processInlineTemplates,
    rules: {
      '@angular-eslint/component-selector': [
        'error',
        { type: 'element', prefix: 'prapa', style: 'kebab-case' },
      ],
      '@angular-eslint/directive-selector': [
        'error',
        { type: 'attribute', prefix: 'prapa', style: 'camelCase' },
      ],
      '@angular-eslint/prefer-on-push-component-change-detection': 'error',
      '@angular-eslint/prefer-signals': 'error',
      '@angular-eslint/no-async-lifecycle-method': 'error',
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/engine/**', '@prapa/domain/*', '!@prapa/domain/common'],
              message:
                'Apps use the engine only through @prapa/domain (or @prapa/domain/common) and the HTTP API.',
            },
            {
              group: ['**/portal/src/**', '**/mobile/src/**', '**/handheld/src/**'],
              message: 'Apps do not import each other: share code through @prapa/ui.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['portal/**/*.html', 'mobile/**/*.html', 'handheld/**/*.html'],
    extends: [angular.configs.templateRecommended, angular.configs.templateAccessibility],
    rules: {
      '@angular-eslint/template/prefer-control-flow': 'error',
      '@angular-eslint/template/prefer-self-closing-tags': 'error',
    },
  },

  // ---- tests ----
  {
    files: ['**/*.spec.ts', 'e2e/**/*.ts'],
    rules: {
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
);
