// `npm test`: install what is missing (Chromium and PostgreSQL too), then check formatting, type-check,
// lint, unit tests, a production build, and the end-to-end tests in Chromium. The unit tests that touch
// a database and some end-to-end journeys run twice: on SQLite and on a throw-away PostgreSQL server
// (scripts/postgres.mjs), stopped and deleted at the end. Fails if anything fails.
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { ensureChromium, ensureRsvg } from './ensure-browser.mjs';
import { startPostgres } from './postgres.mjs';
import { bin, buildIfStale, ensureDependencies, env, root, run, runOrExit } from './lib.mjs';

const results = path.join(root, 'test-results');
rmSync(path.join(results, 'vitest.json'), { force: true });
rmSync(path.join(results, 'playwright.json'), { force: true });
mkdirSync(results, { recursive: true });

ensureDependencies();
const chromium = ensureChromium();
const rsvg = ensureRsvg();
runOrExit('format check (prettier)', bin('prettier'), ['--check', '.']);
runOrExit('type-check (tsc)', bin('tsc'), ['--noEmit', '-p', '.']);
runOrExit('type-check the core without DOM or Node (tsc -p core)', bin('tsc'), ['--noEmit', '-p', 'core']);
runOrExit('lint (eslint)', bin('eslint'), ['--max-warnings=0', '.']);

const postgres = await startPostgres();
// Stopped however this script ends: a failed step exits through process.exit.
process.on('exit', postgres.stop);
for (const signal of ['SIGINT', 'SIGTERM'])
  process.on(signal, () => {
    postgres.stop();
    process.exit(130);
  });

const unit = run(
  bin('vitest'),
  ['run', '--reporter=default', '--reporter=json', `--outputFile.json=${path.join(results, 'vitest.json')}`],
  { env: { ...env, TIDEMARK_TEST_POSTGRES_URL: postgres.url } },
);
buildIfStale();
const e2e = run(bin('playwright'), ['test'], {
  env: {
    ...env,
    CHROMIUM_PATH: chromium,
    RSVG_CONVERT_PATH: rsvg,
    E2E_POSTGRES_URL: postgres.url,
    PLAYWRIGHT_JSON_OUTPUT_NAME: path.join(results, 'playwright.json'),
  },
});
postgres.stop();

function count(file, read) {
  if (!existsSync(file)) return { passed: 0, failed: 0, missing: true };
  return read(JSON.parse(readFileSync(file, 'utf8')));
}
const v = count(path.join(results, 'vitest.json'), (j) => ({ passed: j.numPassedTests, failed: j.numFailedTests }));
const p = count(path.join(results, 'playwright.json'), (j) => ({
  passed: j.stats.expected,
  failed: j.stats.unexpected + j.stats.flaky,
}));
console.log(`\nunit: ${v.passed} passed, ${v.failed} failed${v.missing ? ' (no report)' : ''}`);
console.log(`end-to-end: ${p.passed} passed, ${p.failed} failed${p.missing ? ' (no report)' : ''}`);
console.log(`${v.passed + p.passed} passed, ${v.failed + p.failed} failed`);
process.exit(unit !== 0 || e2e !== 0 || v.missing || p.missing ? 1 : 0);
