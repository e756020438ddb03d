// A server the end-to-end tests run against: the production server (serve.mjs) on its own port with a
// fresh database, so tests never touch ./data/tidemark.db. SQLite by default (a file E2E_DB in
// test-results/); with E2E_POSTGRES_URL (a PostgreSQL server, which npm test starts), a newly created
// database on it, with a plan worker beside it (`npm run worker`: on PostgreSQL, plans are computed by
// worker processes, not by the app). On 127.0.0.1 without a password, on every interface with one, as
// `npm start` would be.
import { spawn } from 'node:child_process';
import { rmSync } from 'node:fs';
import path from 'node:path';
import { bin, env, root } from './lib.mjs';
import { createDatabase } from './postgres.mjs';

const port = process.env.E2E_PORT ?? '3210';

let databaseUrl;
if (process.env.E2E_POSTGRES_URL) {
  databaseUrl = await createDatabase(process.env.E2E_POSTGRES_URL, `tidemark_e2e_${port}`);
} else {
  databaseUrl = path.join(root, 'test-results', process.env.E2E_DB ?? 'e2e.db');
  for (const suffix of ['', '-wal', '-shm']) rmSync(databaseUrl + suffix, { force: true });
}
const server = spawn(process.execPath, ['scripts/serve.mjs'], {
  cwd: root,
  stdio: 'inherit',
  env: { ...env, PORT: port, DATABASE_URL: databaseUrl },
});
const worker = process.env.E2E_POSTGRES_URL
  ? spawn(bin('tsx'), ['server/plans/worker-cli.ts'], {
      cwd: root,
      stdio: 'inherit',
      env: { ...env, DATABASE_URL: databaseUrl },
    })
  : undefined;
for (const signal of ['SIGINT', 'SIGTERM'])
  process.on(signal, () => {
    worker?.kill(signal);
    server.kill(signal);
  });
server.on('exit', (code) => {
  worker?.kill('SIGTERM');
  process.exit(code ?? 0);
});
