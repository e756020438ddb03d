// Flat config: Next's core-web-vitals and TypeScript rules, plus the boundaries of CONVENTIONS.md.
import nextVitals from 'eslint-config-next/core-web-vitals';
import nextTs from 'eslint-config-next/typescript';

const frameworkFree = {
  patterns: [
    { group: ['react', 'react-dom', 'react/*', 'react-dom/*'], message: 'core/ is framework-free: no React.' },
    { group: ['next', 'next/*'], message: 'core/ is framework-free: no Next.js.' },
    { group: ['@xyflow/*'], message: 'core/ is framework-free: no React Flow.' },
    { group: ['recharts', 'recharts/*'], message: 'core/ is framework-free: no recharts.' },
    { group: ['drizzle-orm', 'drizzle-orm/*', 'better-sqlite3'], message: 'core/ does not touch the database.' },
    { group: ['**/db', '**/db/*', '@/db', '@/db/*'], message: 'core/ does not import db/.' },
    { group: ['**/server', '**/server/*', '@/server', '@/server/*'], message: 'core/ does not import server/.' },
    { group: ['**/components/*', '**/app/*', '@/components/*', '@/app/*'], message: 'core/ does not import the UI.' },
  ],
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
    ignores: ['core/cli/**', 'core/**/*.test.ts'],
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
          ],
        },
      ],
    },
  },
  {
    // Playwright fixtures receive a function named `use`; it is not React's hook.
    files: ['e2e/**/*.ts'],
    rules: { 'react-hooks/rules-of-hooks': 'off' },
  },
  {
    files: ['components/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['**/db', '**/db/*', '@/db', '@/db/*'], message: 'components/ never import db/ at run time.' },
            {
              group: ['**/server/*', '@/server/*'],
              message: 'components/ import server code only as types.',
              allowTypeImports: true,
            },
          ],
        },
      ],
    },
  },
];

export default config;
