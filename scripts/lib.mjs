// Helpers shared by `npm start` and `npm test`: install what is missing, build when stale.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildWorkers, WORKERS, workersDir } from './build-workers.mjs';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const bin = (name) => path.join(root, 'node_modules', '.bin', name);
export const env = { ...process.env, NEXT_TELEMETRY_DISABLED: '1' };

export function run(command, args, options = {}) {
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', env, ...options });
  if (result.error) throw result.error;
  return result.status ?? 1;
}

export function runOrExit(label, command, args, options) {
  const status = run(command, args, options);
  if (status !== 0) {
    console.error(`\n✖ ${label} failed (exit ${status}).`);
    process.exit(status);
  }
}

/** Installs dependencies when node_modules is missing or older than package-lock.json. */
export function ensureDependencies() {
  const marker = path.join(root, 'node_modules', '.package-lock.json');
  const lock = path.join(root, 'package-lock.json');
  const fresh = existsSync(marker) && existsSync(bin('next')) && statSync(marker).mtimeMs >= statSync(lock).mtimeMs;
  if (fresh) return;
  console.log('Installing dependencies (better-sqlite3 compiles from source; about a minute)…');
  // `npm install`, not `npm ci`: npm 11 refuses `ci` when the lock file leaves out other platforms'
  // optional binaries (@next/swc-*, as this registry mirror writes it); install honours the lock.
  runOrExit('npm install', 'npm', ['install', '--no-audit', '--no-fund']);
}

/**
 * What `next build` and the worker bundles read: every file of the project (tracked, or untracked but
 * not ignored, as git lists them) except those the build never reads: tests, end-to-end tests,
 * benchmarks, docs, the scripts that drive it. A new file anywhere else, like proxy.ts, counts
 * without anyone having to list it.
 */
const NOT_READ_BY_BUILD =
  /^(?:e2e|bench|docs|\.ci|data|test-results|playwright-report)\/|^scripts\/(?!build-workers\.mjs$)|\.test\.tsx?$|\.md$|^\.git/;
const NEVER_WALKED = new Set(['node_modules', '.next', '.git']);

function listFiles(base) {
  const listed = spawnSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], {
    cwd: base,
    encoding: 'utf8',
  });
  if (listed.status === 0) return listed.stdout.split('\0').filter(Boolean);
  const files = [];
  const walk = (dir) => {
    for (const entry of readdirSync(path.join(base, dir), { withFileTypes: true })) {
      const rel = dir ? `${dir}/${entry.name}` : entry.name;
      if (entry.isDirectory()) {
        if (!NEVER_WALKED.has(entry.name)) walk(rel);
      } else files.push(rel);
    }
  };
  walk('');
  return files;
}

/** The build's inputs under `base`, sorted, as paths relative to it. */
export function buildInputs(base = root) {
  // Files only: git lists a symlink to a directory (a node_modules linked in from elsewhere, which
  // `node_modules/` in .gitignore does not match) as a file, and reading it failed with EISDIR.
  return listFiles(base)
    .filter(
      (file) => !NOT_READ_BY_BUILD.test(file) && !NEVER_WALKED.has(file.split('/')[0]) && isFile(path.join(base, file)),
    )
    .sort();
}

function isFile(file) {
  try {
    return statSync(file).isFile();
  } catch {
    return false; // gone since git listed it, or a broken link
  }
}

export function sourceHash(base = root) {
  const hash = createHash('sha256');
  // A benchmark build (TIDEMARK_BENCH=1, see next.config.js) has an extra page: never reuse it for npm start.
  hash.update(`bench:${process.env.TIDEMARK_BENCH === '1'}`);
  for (const file of buildInputs(base))
    hash
      .update(file)
      .update('\0')
      .update(readFileSync(path.join(base, file)));
  return hash.digest('hex');
}

/** `next build`, then the worker bundles, then the stamp that says which sources they were built from. */
export function build() {
  const current = sourceHash();
  console.log('Building the app (next build)…');
  runOrExit('next build', bin('next'), ['build']);
  buildWorkers();
  writeFileSync(path.join(root, '.next', 'tidemark-source-hash'), current);
}

/** Builds unless .next holds a build (app and workers) of exactly the current sources. */
export function buildIfStale() {
  const stampFile = path.join(root, '.next', 'tidemark-source-hash');
  const fresh =
    existsSync(path.join(root, '.next', 'BUILD_ID')) &&
    Object.keys(WORKERS).every((name) => existsSync(path.join(workersDir(), `${name}.mjs`))) &&
    existsSync(stampFile) &&
    readFileSync(stampFile, 'utf8') === sourceHash();
  if (fresh) {
    console.log('Build is up to date.');
    return;
  }
  build();
}
