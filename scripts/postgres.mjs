// A throw-away PostgreSQL server for the tests and the load benchmark: Debian's package (installed
// through apt-get when missing, as Chromium is), a fresh data directory in the system's temp folder,
// a free port on 127.0.0.1, trust authentication for the local user `postgres` only. PostgreSQL
// refuses to run as root, so as root the server runs as the package's `postgres` user.
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { aptInstall } from './ensure-browser.mjs';

const PG_ROOT = '/usr/lib/postgresql';

/** The newest installed server's bin folder, or undefined. */
function serverBin() {
  if (!existsSync(PG_ROOT)) return undefined;
  const versions = readdirSync(PG_ROOT)
    .filter((v) => existsSync(path.join(PG_ROOT, v, 'bin', 'initdb')))
    .sort((a, b) => Number(b) - Number(a));
  return versions[0] ? path.join(PG_ROOT, versions[0], 'bin') : undefined;
}

const isRoot = () => typeof process.getuid === 'function' && process.getuid() === 0;

/** Installs Debian's postgresql package when no server is installed (as root); else explains. */
export function ensurePostgresInstalled() {
  const bin = serverBin() ?? (aptInstall(['postgresql'], 'PostgreSQL for the tests') ? serverBin() : undefined);
  if (bin) return bin;
  throw new Error(
    'No PostgreSQL server found for the tests. Install it (Debian/Ubuntu: sudo apt-get install postgresql), then run npm test again.',
  );
}

/** A port nobody listens on now. */
export function freePort() {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}

/** Runs a server binary as the user who will own the data: `postgres` when we are root. */
function asOwner(bin, args) {
  const [command, argv] = isRoot() ? ['runuser', ['-u', 'postgres', '--', bin, ...args]] : [bin, args];
  return execFileSync(command, argv, { stdio: ['ignore', 'pipe', 'pipe'], encoding: 'utf8' });
}

/**
 * Starts a PostgreSQL server on a fresh data directory and returns `{ url, stop }`: `url` is a
 * connection URL for the superuser `postgres` on database `postgres`; `stop()` stops the server and
 * deletes the directory (safe to call twice).
 */
export async function startPostgres({ log = console.log } = {}) {
  const bin = ensurePostgresInstalled();
  const dir = mkdtempSync(path.join(os.tmpdir(), 'tidemark-pg-'));
  if (isRoot()) {
    const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim());
    const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim());
    chownSync(dir, uid, gid);
  }
  const data = path.join(dir, 'data');
  asOwner(path.join(bin, 'initdb'), ['-D', data, '-U', 'postgres', '-A', 'trust', '-E', 'UTF8', '--no-sync']);
  const port = await freePort();
  const settings = [
    `-p ${port}`,
    `-k ${dir}`,
    "-c listen_addresses='127.0.0.1'",
    '-c fsync=off',
    '-c synchronous_commit=off',
    '-c full_page_writes=off',
    '-c max_connections=300',
  ].join(' ');
  asOwner(path.join(bin, 'pg_ctl'), ['-D', data, '-o', settings, '-l', path.join(dir, 'server.log'), '-w', 'start']);
  log(`PostgreSQL (${path.basename(path.dirname(bin))}) started on 127.0.0.1:${port}, data in ${data}`);
  let stopped = false;
  const stop = () => {
    if (stopped) return;
    stopped = true;
    try {
      asOwner(path.join(bin, 'pg_ctl'), ['-D', data, '-m', 'fast', '-w', 'stop']);
    } catch (error) {
      console.error(`Stopping PostgreSQL failed: ${error.message}`);
    }
    rmSync(dir, { recursive: true, force: true });
  };
  return { url: `postgres://postgres@127.0.0.1:${port}/postgres`, port, stop };
}

/**
 * node-postgres, loaded when first needed: `npm test` imports this file before it installs the
 * dependencies on a fresh clone, so a static import of 'pg' would fail there.
 */
async function pgClient(connectionString) {
  const { default: pg } = await import('pg');
  return new pg.Client({ connectionString });
}

/** Creates a new, empty database named `<prefix>_<random>` on the server `serverUrl` names; returns its URL. */
export async function createDatabase(serverUrl, prefix) {
  const name = `${prefix}_${randomBytes(6).toString('hex')}`;
  const admin = await pgClient(serverUrl);
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

/** Drops the databases named, on the server `serverUrl` names, closing whatever still uses them. */
export async function dropDatabases(serverUrl, names) {
  if (names.length === 0) return;
  const admin = await pgClient(serverUrl);
  await admin.connect();
  try {
    for (const name of names) await admin.query(`DROP DATABASE IF EXISTS "${name.replace(/"/g, '')}" WITH (FORCE)`);
  } finally {
    await admin.end();
  }
}
