// Helpers shared by `npm start` and `npm test`: install what is missing, build when stale.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

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

const BUILD_INPUTS = ['app', 'components', 'core', 'server', 'db', 'public'];
const BUILD_FILES = ['next.config.js', 'package-lock.json', 'tsconfig.json'];

function hashTree(hash, dir) {
  if (!existsSync(dir)) return;
  for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) hashTree(hash, full);
    else if (!/\.test\.tsx?$/.test(entry.name)) hash.update(path.relative(root, full)).update(readFileSync(full));
  }
}

function sourceHash() {
  const hash = createHash('sha256');
  // A benchmark build (TIDEMARK_BENCH=1, see next.config.js) has an extra page: never reuse it for npm start.
  hash.update(`bench:${process.env.TIDEMARK_BENCH === '1'}`);
  for (const dir of BUILD_INPUTS) hashTree(hash, path.join(root, dir));
  for (const file of BUILD_FILES)
    if (existsSync(path.join(root, file))) hash.update(file).update(readFileSync(path.join(root, file)));
  return hash.digest('hex');
}

/** Runs `next build` unless .next holds a build of exactly the current sources. */
export function buildIfStale() {
  const stampFile = path.join(root, '.next', 'tidemark-source-hash');
  const current = sourceHash();
  if (
    existsSync(path.join(root, '.next', 'BUILD_ID')) &&
    existsSync(stampFile) &&
    readFileSync(stampFile, 'utf8') === current
  ) {
    console.log('Build is up to date.');
    return;
  }
  console.log('Building the app (next build)…');
  runOrExit('next build', bin('next'), ['build']);
  writeFileSync(stampFile, current);
}
