import js from '@eslint/js';
import { defineConfig } from 'eslint/config';
import prettier from 'eslint-config-prettier';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/** Test code: specs, the suites and stand-ins they share, whether under test/ or beside the sources. */
const TEST_FILES = [
  '**/*.spec.ts',
  'test/**/*.ts',
  'libs/*/test/**/*.ts',
  'libs/event-store/src/contract/**/*.ts',
  'libs/event-store/src/eventstoredb/client-fakes.ts',
  'libs/event-store/src/eventstoredb/esdb-test-server.ts',
];

/** The domain libs' own code: not their application shell (`application/`, `application.ts`), not their specs. */
const DOMAIN_CODE = {
  files: ['libs/{kernel,workflow,projects,funding,territories,directory,delegations,committees,calendar}/src/**/*.ts'],
  ignores: ['libs/*/src/application/**', 'libs/*/src/application.ts', '**/*.spec.ts'],
};
const CLOCK_READ = 'Domain code never reads the clock: time comes in the command context (ctx.now).';

export default defineConfig(
  // test/architecture/fixtures/ holds deliberately wrong files; eslint-rules.unit.spec.ts lints them by hand.
  { ignores: ['dist/', 'node_modules/', 'data/', 'coverage/', 'test-artifacts/', 'test/architecture/fixtures/'] },
  js.configs.recommended,
  tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
      globals: { ...globals.node },
    },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      // `_`-prefixed names are deliberate: a rest destructuring that drops a field, a parameter a signature requires.
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_', ignoreRestSiblings: true },
      ],
      // `async` without `await` is deliberate: store adapters and CLI commands implement Promise-returning contracts
      // synchronously, and `async` turns their synchronous throws into rejections. Dropping it would change behaviour.
      '@typescript-eslint/require-await': 'off',
      // An assertion that changes no type is noise, not a defect; and its fixer dropped assertions that type a `.catch`
      // fallback (`body: {} as Record<string, string>`), which broke the typecheck.
      '@typescript-eslint/no-unnecessary-type-assertion': 'off',
      // Re-rejecting a caught error (of type unknown) is what a catch block does; only-throw-error allows the same.
      '@typescript-eslint/prefer-promise-reject-errors': ['error', { allowThrowingUnknown: true }],
    },
  },
  {
    // Tests read HTTP bodies (`res.json()`, Fastify's `inject().json()`), JSON files and store rows as `any` and
    // assert on them with `expect`; typing each body would copy the API's DTOs into the tests (~420 findings).
    files: TEST_FILES,
    rules: {
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
    },
  },
  {
    // Read-model queries take SQLite rows as `Record<string, any>` and map them column by column into the typed
    // row they return: the SQL text, not TypeScript, defines the columns.
    files: ['libs/projections/src/**/*.queries.ts'],
    rules: {
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
    },
  },
  {
    // dependency-cruiser sees imports, not calls: the clock rule of the domain libs lives here.
    ...DOMAIN_CODE,
    rules: {
      'no-restricted-syntax': [
        'error',
        { selector: "NewExpression[callee.name='Date'][arguments.length=0]", message: CLOCK_READ },
        { selector: "MemberExpression[object.name='Date'][property.name='now']", message: CLOCK_READ },
      ],
    },
  },
  { files: ['**/*.js', '**/*.cjs', '**/*.mjs'], ...tseslint.configs.disableTypeChecked },
  {
    // The dashboard page runs in the browser, with Chart.js loaded by a <script> tag.
    files: ['apps/api/src/dashboard/public/**/*.js'],
    languageOptions: { globals: { ...globals.browser, Chart: 'readonly' } },
  },
  prettier,
  {
    // After eslint-config-prettier, which turns max-len off: Prettier wraps code at 140 but leaves long strings,
    // comments and template literals as they are. Only a line holding a URL may be longer.
    files: ['**/*.ts'],
    rules: { 'max-len': ['error', { code: 140, tabWidth: 2, ignoreUrls: true }] },
  },
);
