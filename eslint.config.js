// ESLint: typescript-eslint's recommended rules, and the layers as import rules (src/gas and src/node
// use src/app, which uses src/domain; sidebar/ shares only src/domain), so that an arrow pointing up
// fails `npm test` instead of waiting for a review. Not type-aware: that would triple the lint's time.
import js from '@eslint/js';
import { createNodeResolver, importX } from 'eslint-plugin-import-x';
import { defineConfig, globalIgnores } from 'eslint/config';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/** Apps Script's services: only src/gas may name them; tests name them to fake them. */
const APPS_SCRIPT_GLOBALS = [
  'Browser',
  'CacheService',
  'CalendarApp',
  'CardService',
  'Charts',
  'ContactsApp',
  'ContentService',
  'DataStudioApp',
  'DocumentApp',
  'DriveApp',
  'FormApp',
  'GmailApp',
  'GroupsApp',
  'HtmlService',
  'Jdbc',
  'LanguageApp',
  'LockService',
  'Logger',
  'MailApp',
  'Maps',
  'PropertiesService',
  'ScriptApp',
  'Session',
  'SitesApp',
  'SlidesApp',
  'SpreadsheetApp',
  'UrlFetchApp',
  'Utilities',
  'XmlService',
].map((name) => ({
  name,
  message: `${name} is an Apps Script service: only src/gas/ may use it, through a port of src/ports.ts.`,
}));

/** What must never enter dist/Code.js or a sidebar: full zod (800 KB against zod/mini's 35 KB) and Node-only packages. */
const NOT_IN_A_BUNDLE = {
  paths: [
    { name: 'zod', message: "Bundled for Apps Script or the sidebar: import * as z from 'zod/mini'." },
    { name: 'exceljs', message: 'exceljs is Node-only: it belongs in src/node/.' },
  ],
};

/** The layers: each zone's files may not import from the listed folders (paths from the repository root). */
const LAYERS = [
  {
    target: './src/domain',
    from: ['./src/app', './src/gas', './src/node', './src/ports.ts', './sidebar'],
    message: 'src/domain/ imports nothing above it.',
  },
  {
    target: ['./src/app', './src/ports.ts'],
    from: ['./src/gas', './src/node', './sidebar'],
    message: 'src/app/ does not know which runtime it is in: no src/gas/ or src/node/.',
  },
  { target: './src/node', from: './src/gas', message: 'src/node/ runs outside Apps Script: no src/gas/.' },
  { target: './src/gas', from: './src/node', message: 'src/gas/ is bundled for Apps Script: no src/node/.' },
  {
    target: './sidebar',
    from: './src',
    except: ['./domain'],
    message: 'sidebar/ shares only src/domain/ with the server.',
  },
  {
    target: ['./src', './scripts', './examples', './bin'],
    from: './tests',
    message: 'Only tests import from tests/: the fakes and the bench live there (tests/bench/).',
  },
  {
    target: './sidebar',
    from: ['./tests', './scripts', './examples', './bin'],
    message: 'sidebar/ shares only src/domain/ with the server.',
  },
  {
    target: './src/node/playground/browser',
    from: ['./src', './sidebar'],
    except: ['./domain', './node/playground/browser'],
    message: "The playground's browser scripts run in the page: src/domain/ and each other at most.",
  },
];

export default defineConfig(
  globalIgnores(['dist/', 'build/', '.playground/', 'test-artifacts/']),
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    plugins: { 'import-x': importX },
    settings: {
      'import-x/resolver-next': [createNodeResolver({ extensions: ['.ts', '.tsx', '.js', '.mjs', '.json'] })],
    },
    rules: {
      'import-x/no-restricted-paths': ['error', { zones: LAYERS, basePath: import.meta.dirname }],
      // A leading underscore names what a signature or a destructuring must have but the body leaves unused.
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // `O extends Options = {}`: the empty object type is the default of "no options given".
      '@typescript-eslint/no-empty-object-type': ['error', { allowObjectTypes: 'always' }],
    },
  },
  {
    name: 'tests reach into fakes and browser globals that no type describes',
    files: ['tests/**'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    name: 'bundled for Apps Script or the sidebar',
    files: [
      'src/domain/**',
      'src/app/**',
      'src/ports.ts',
      'src/gas/**',
      'sidebar/**',
      'src/node/playground/browser/**',
    ],
    rules: {
      'import-x/no-nodejs-modules': 'error',
      'no-restricted-imports': ['error', NOT_IN_A_BUNDLE],
    },
  },
  {
    name: 'no Apps Script global outside src/gas',
    files: ['src/**', 'sidebar/**', 'scripts/**', 'bin/**', 'examples/**'],
    ignores: ['src/gas/**'],
    rules: { 'no-restricted-globals': ['error', ...APPS_SCRIPT_GLOBALS] },
  },
  {
    name: 'Node scripts in plain JavaScript',
    files: ['**/*.js', '**/*.mjs'],
    languageOptions: { globals: { ...globals.node } },
  },
);
