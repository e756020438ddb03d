// Flat config: Next's core-web-vitals and TypeScript rules, plus the boundaries of CONVENTIONS.md.
import nextVitals from 'eslint-config-next/core-web-vitals';
import nextTs from 'eslint-config-next/typescript';
import drizzle from 'eslint-plugin-drizzle';
import tseslint from 'typescript-eslint';

const frameworkFree = {
  patterns: [
    { group: ['react', 'react-dom', 'react/*', 'react-dom/*'], message: 'core/ is framework-free: no React.' },
    { group: ['next', 'next/*'], message: 'core/ is framework-free: no Next.js.' },
    { group: ['@xyflow/*'], message: 'core/ is framework-free: no React Flow.' },
    { group: ['drizzle-orm', 'drizzle-orm/*', 'better-sqlite3'], message: 'core/ does not touch the database.' },
    { group: ['**/db', '**/db/*', '@/db', '@/db/*'], message: 'core/ does not import db/.' },
    { group: ['**/server', '**/server/*', '@/server', '@/server/*'], message: 'core/ does not import server/.' },
    { group: ['**/components/*', '**/app/*', '@/components/*', '@/app/*'], message: 'core/ does not import the UI.' },
  ],
};

// Outside core/, each subject of the engine is reached through its folder's index.ts (core/plan for
// the engine, core/model for the documents, …), never through a file inside it.
const coreFaces = {
  group: ['@/core/*/*', '**/core/*/*'],
  message: 'Import core through its public faces (@/core/model, @/core/plan, @/core/edit, …), not a file inside.',
};
// The page's own code takes only types from the engine's face: a value import loads the whole engine
// (jStat and the simulation) into the page, where only the workers run it. Light values have faces of
// their own (@/core/model's hashDesign, @/core/workload's preview).
const enginePage = {
  group: ['@/core/plan'],
  message:
    'Only workers import values from @/core/plan: on the page it loads the whole engine. Import types, or the value from a light face.',
  allowTypeImports: true,
};
// components/ are client code: no database, and server code only as types.
const componentsApart = [
  { group: ['**/db', '**/db/*', '@/db', '@/db/*'], message: 'components/ never import db/ at run time.' },
  {
    group: ['**/server/*', '@/server/*'],
    message: 'components/ import server code only as types.',
    allowTypeImports: true,
  },
];
// Workers run the engine; tests run in Node.
const WORKER_FILES = ['components/**/*-worker.ts', 'components/editor/compare-job.ts', 'components/**/*.test.{ts,tsx}'];
// Fixtures are for tests and benchmarks; the app and the engine never run them.
const noFixtures = {
  group: ['**/testing/*', '@/core/testing', '@/core/testing/*'],
  message: 'core/testing/ holds test fixtures: only tests and benchmarks import it.',
};

const config = [
  ...nextVitals,
  ...nextTs,
  {
    ignores: [
      '.next/**',
      'node_modules/**',
      'data/**',
      'test-results/**',
      'playwright-report/**',
      'next-env.d.ts',
      'bench/out/**',
    ],
  },
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  // Type-aware rules for every TypeScript file, each checked with the tsconfig.json nearest to it
  // (core/ with its own, DOM-free one): promises must be awaited or handled, any may not leak, a
  // switch over a union must name every member.
  ...tseslint.configs.recommendedTypeChecked.map((c) => ({ ...c, files: ['**/*.{ts,tsx}'] })),
  {
    files: ['**/*.{ts,tsx}'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': ['error', { considerDefaultExhaustiveForUnions: true }],
    },
  },
  {
    // A delete or update without where() empties or rewrites a whole table (create-t3-app's rule).
    files: ['server/**/*.ts', 'db/**/*.ts'],
    plugins: { drizzle },
    rules: {
      'drizzle/enforce-delete-with-where': ['error', { drizzleObjectName: ['db', 'tx'] }],
      'drizzle/enforce-update-with-where': ['error', { drizzleObjectName: ['db', 'tx'] }],
    },
  },
  {
    files: ['core/**/*.ts'],
    ignores: ['core/cli/**'],
    rules: {
      'no-restricted-imports': ['error', frameworkFree],
      // The engine runs in a Web Worker: only core/cli/ may use Node's built-ins.
      'no-restricted-globals': ['error', 'process', 'Buffer', '__dirname', 'require'],
    },
  },
  {
    files: ['core/**/*.ts'],
    ignores: ['core/cli/**', 'core/**/*.test.ts', 'core/testing/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          ...frameworkFree,
          patterns: [
            ...frameworkFree.patterns,
            {
              group: ['node:*', 'fs', 'path', 'os', 'crypto'],
              message: 'Only core/cli/ may use Node built-ins: core runs in the browser.',
            },
            noFixtures,
          ],
        },
      ],
    },
  },
  {
    files: ['app/**/*.{ts,tsx}', 'server/**/*.ts', 'db/**/*.ts', 'e2e/**/*.ts', 'proxy.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [coreFaces, noFixtures] }] },
  },
  {
    files: ['app/**/*.{ts,tsx}'],
    rules: { 'no-restricted-imports': ['error', { patterns: [coreFaces, noFixtures, enginePage] }] },
  },
  {
    // Playwright fixtures receive a function named `use`; it is not React's hook.
    files: ['e2e/**/*.ts'],
    rules: { 'react-hooks/rules-of-hooks': 'off' },
  },
  ...[false, true].map((isWorker) => ({
    files: isWorker ? WORKER_FILES : ['components/**/*.{ts,tsx}'],
    ignores: isWorker ? [] : WORKER_FILES,
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [...componentsApart, coreFaces, noFixtures, ...(isWorker ? [] : [enginePage])],
        },
      ],
    },
  })),
  {
    // The one module that names core files (and the test that counts its validation): it loads the
    // schema-building parts of core lazily, which a face imported whole would put back on the
    // editor's first draw (components/editor/lazy-core.ts).
    files: ['components/editor/lazy-core.ts', 'components/editor/autosaver.test.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [...componentsApart, noFixtures] }],
    },
  },
];

export default config;
