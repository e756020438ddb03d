// Finds a Chromium for Playwright (Debian's, since Playwright cannot download its own here) and
// installs it through apt-get when running as root. Prints the path; exits 1 with advice otherwise.
// Likewise rsvg-convert (Debian's librsvg2-bin), which the export test opens the SVG export with.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const CANDIDATES = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
];

export function findChromium() {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv && existsSync(fromEnv)) return fromEnv;
  return CANDIDATES.find((p) => existsSync(p));
}

export function ensureChromium() {
  const found = findChromium();
  if (found) return found;
  if (aptInstall(['chromium'], 'Chromium for the end-to-end tests')) {
    const installed = findChromium();
    if (installed) return installed;
  }
  console.error(
    'No Chromium found for the end-to-end tests. Install it (Debian/Ubuntu: sudo apt-get install chromium) ' +
      'or set CHROMIUM_PATH to a Chromium or Chrome executable, then run npm test again.',
  );
  process.exit(1);
}

/** Installs Debian packages when running as root with apt-get; returns whether it could try. */
export function aptInstall(packages, why) {
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (!isRoot || !existsSync('/usr/bin/apt-get')) return false;
  console.log(`Installing ${why} (apt-get install ${packages.join(' ')})…`);
  const opts = { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } };
  spawnSync('apt-get', ['update', '-qq'], opts);
  spawnSync('apt-get', ['install', '-y', '-qq', ...packages], opts);
  return true;
}

const RSVG_CANDIDATES = ['/usr/bin/rsvg-convert', '/usr/local/bin/rsvg-convert'];

/** rsvg-convert (librsvg), for the test that renders the SVG export outside a browser. */
export function ensureRsvg() {
  const found = () =>
    process.env.RSVG_CONVERT_PATH && existsSync(process.env.RSVG_CONVERT_PATH)
      ? process.env.RSVG_CONVERT_PATH
      : RSVG_CANDIDATES.find((p) => existsSync(p));
  if (found()) return found();
  if (aptInstall(['librsvg2-bin'], 'rsvg-convert for the SVG export test') && found()) return found();
  console.error(
    'No rsvg-convert found for the SVG export test. Install it (Debian/Ubuntu: sudo apt-get install librsvg2-bin) ' +
      'or set RSVG_CONVERT_PATH, then run npm test again.',
  );
  process.exit(1);
}

if (import.meta.url === `file://${process.argv[1]}`) console.log(ensureChromium(), ensureRsvg());
