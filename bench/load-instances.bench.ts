/**
 * `npm run bench:load` (second part): two app instances on one PostgreSQL, one killed mid-run.
 *
 * A throw-away PostgreSQL server (scripts/postgres.mjs) and two production servers on it. For
 * BENCH_SECONDS (default 30): 20 autosaving editors, two per design, one through each instance, so
 * every save races one from the other instance (a CONFLICT takes the latest revision it names and
 * goes on, as the editor does); 50 share viewers spread over both instances. Halfway, instance B is
 * SIGKILLed; its editors and viewers move to A, as a load balancer would send them. Afterwards:
 * every acknowledged save is in the database under the number it was told, with its own document;
 * each design's revisions are 1..n without a gap or a duplicate; no answer was a 5xx. Then plan
 * workers (`npm run worker`, two of them on a fresh database): the one that takes a large design's
 * job is SIGKILLed mid-job, and the other must store its plan, equal to the engine's (lib/plan-worker-kill.ts).
 * Only 127.0.0.1 is contacted; every loop is bounded in time and count.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import os from 'node:os';
import pg from 'pg';
import { hybridServerless } from '../core/examples';
import { designSchema, type Design } from '../core/model';
import { createDatabase, startPostgres } from '../scripts/postgres.mjs';
import { buildIfStale, env, root } from '../scripts/lib.mjs';
import { createDesign, mutate, sleep, waitForServer } from './lib/bench-server';
import { killPlanWorkerMidJob } from './lib/plan-worker-kill';

const PORTS = [3471, 3472];
const DESIGNS = 10;
const VIEWERS = 50;
const DURATION_MS = Number(process.env.BENCH_SECONDS ?? 30) * 1000;

interface Ack {
  designId: string;
  revision: number;
  name: string;
}

interface Tally {
  latencies: number[];
  ok: number;
  conflicts: number;
  server5xx: number;
  /** Requests that got no answer: the killed instance's, before they moved. */
  dropped: number;
}

const tally = (): Tally => ({ latencies: [], ok: 0, conflicts: 0, server5xx: 0, dropped: 0 });
const quantile = (values: number[], q: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;
};

function launch(port: number, databaseUrl: string): ChildProcess {
  return spawn(process.execPath, ['scripts/serve.mjs'], {
    cwd: root,
    stdio: ['ignore', 'ignore', 'inherit'],
    env: { ...env, HOST: '127.0.0.1', TIDEMARK_TRUST_PROXY: '1', PORT: String(port), DATABASE_URL: databaseUrl },
  });
}

/** One editor: saves its design through `instance()` until the time is up, keeping what was acknowledged. */
async function runEditor(
  who: string,
  designId: string,
  document: Design,
  instance: () => string,
  until: number,
  acks: Ack[],
  t: Tally,
) {
  let revision = 1;
  for (let step = 1; Date.now() < until && step < 100_000; step++) {
    const name = `${who} · save ${step}`;
    const started = performance.now();
    try {
      const res = await fetch(`${instance()}/api/trpc/designs.save`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ id: designId, baseRevision: revision, document: { ...document, name } }),
      });
      t.latencies.push(performance.now() - started);
      const body = (await res.json()) as {
        result?: { data: { revision: number } };
        error?: { data?: { conflict?: { latestRevision: number } } };
      };
      if (res.status >= 500) t.server5xx += 1;
      if (res.ok && body.result) {
        t.ok += 1;
        revision = body.result.data.revision;
        acks.push({ designId, revision, name });
      } else if (res.status === 409 && body.error?.data?.conflict) {
        t.conflicts += 1;
        revision = body.error.data.conflict.latestRevision;
      }
    } catch {
      t.dropped += 1;
      await sleep(50);
    }
  }
}

async function runViewer(token: string, instance: () => string, until: number, t: Tally) {
  for (let i = 0; Date.now() < until && i < 100_000; i++) {
    const started = performance.now();
    try {
      // Each viewer its own address (the servers trust one proxy hop), so the per-address limit stays out of it.
      const res = await fetch(`${instance()}/s/${token}`, { headers: { 'x-forwarded-for': `10.8.${i % 250}.1` } });
      await res.arrayBuffer();
      t.latencies.push(performance.now() - started);
      if (res.status >= 500) t.server5xx += 1;
      else if (res.ok) t.ok += 1;
    } catch {
      t.dropped += 1;
      await sleep(50);
    }
  }
}

async function check(databaseUrl: string, acks: Ack[], designs: string[]) {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    let missing = 0;
    for (const a of acks) {
      const { rows } = await client.query<{ document: string }>(
        'SELECT document FROM revisions WHERE design_id = $1 AND number = $2',
        [a.designId, a.revision],
      );
      if (rows.length !== 1 || (JSON.parse(rows[0]!.document) as { name: string }).name !== a.name) missing += 1;
    }
    let gaps = 0;
    let duplicates = 0;
    for (const id of designs) {
      const { rows } = await client.query<{ n: number; distinct_n: number; max: number; latest: number }>(
        `SELECT count(*)::int AS n, count(DISTINCT number)::int AS distinct_n, max(number) AS max,
                (SELECT latest_revision FROM designs WHERE id = $1) AS latest
           FROM revisions WHERE design_id = $1`,
        [id],
      );
      const r = rows[0]!;
      duplicates += r.n - r.distinct_n;
      if (r.n !== r.max || r.max !== r.latest) gaps += 1;
    }
    return { missing, gaps, duplicates };
  } finally {
    await client.end();
  }
}

async function main(): Promise<void> {
  buildIfStale();
  const postgres = await startPostgres({ log: () => undefined });
  const servers: ChildProcess[] = [];
  try {
    const databaseUrl = await createDatabase(postgres.url, 'tidemark_bench');
    const bases = PORTS.map((port) => `http://127.0.0.1:${port}`);
    // Started together: migrating and seeding happen once, under the advisory lock.
    for (const port of PORTS) servers.push(launch(port, databaseUrl));
    await Promise.all(bases.map((base, i) => waitForServer(base, servers[i]!)));

    const document = designSchema.parse(hybridServerless);
    const designs: string[] = [];
    for (let i = 0; i < DESIGNS; i++)
      designs.push(await createDesign(bases[i % 2]!, { ...hybridServerless, name: `Two instances ${i}` }));
    const shared = await createDesign(bases[0]!, hybridServerless);
    const { token } = await mutate<{ token: string }>(bases[1]!, 'shares.create', { designId: shared });

    let bAlive = true;
    const onA = () => bases[0]!;
    const onB = () => (bAlive ? bases[1]! : bases[0]!);
    const until = Date.now() + DURATION_MS;
    const acks: Ack[] = [];
    const editors = tally();
    const viewers = tally();
    const killer = (async () => {
      await sleep(DURATION_MS / 2);
      servers[1]!.kill('SIGKILL');
      bAlive = false;
    })();
    await Promise.all([
      ...designs.flatMap((id, d) => [
        runEditor(`A${d}`, id, document, onA, until, acks, editors),
        runEditor(`B${d}`, id, document, onB, until, acks, editors),
      ]),
      ...Array.from({ length: VIEWERS }, (_, v) => runViewer(token, v % 2 ? onB : onA, until, viewers)),
      killer,
    ]);
    const found = await check(databaseUrl, acks, designs);

    const row = (label: string, t: Tally) =>
      `| ${label} | ${quantile(t.latencies, 0.5).toFixed(0)} ms | ${quantile(t.latencies, 0.99).toFixed(0)} ms | ${Math.round(
        (t.ok + t.conflicts) / (DURATION_MS / 1000),
      )} req/s | ${t.ok} | ${t.conflicts} | ${t.server5xx} | ${t.dropped} |`;
    console.log(
      [
        '',
        `| two instances on PostgreSQL, ${DURATION_MS / 1000} s, B SIGKILLed at ${DURATION_MS / 2000} s | p50 | p99 | answered | ok | CONFLICT | 5xx | unanswered (B's, at the kill) |`,
        '|---|---|---|---|---|---|---|---|',
        row(`${DESIGNS * 2} editors autosaving, two per design (one per instance)`, editors),
        row(`${VIEWERS} share viewers over both instances`, viewers),
        '',
        `acknowledged saves: ${acks.length}; missing or not their own document afterwards: ${found.missing}; designs with a gap in their revisions: ${found.gaps}; duplicate revision numbers: ${found.duplicates}`,
        `machine: ${os.cpus()[0]?.model} × ${os.cpus().length}, Node ${process.version}, load average ${os
          .loadavg()
          .map((x) => x.toFixed(1))
          .join(' ')}`,
      ].join('\n'),
    );
    const workerKill = await killPlanWorkerMidJob(postgres.url, Number(process.env.BENCH_PLAN_COMPONENTS ?? 200));
    console.log(
      [
        '',
        ...workerKill.lines,
        `load average after: ${os
          .loadavg()
          .map((x) => x.toFixed(1))
          .join(' ')}`,
      ].join('\n'),
    );
    if (workerKill.failed) {
      console.error("FAILED: the killed worker's plan job was not finished by the other worker, or differs.");
      process.exitCode = 1;
    }
    if (
      editors.server5xx + viewers.server5xx + found.missing + found.gaps + found.duplicates > 0 ||
      acks.length === 0
    ) {
      console.error('FAILED: a 5xx, a lost or misnumbered save, or no save at all (see above).');
      process.exitCode = 1;
    }
  } finally {
    for (const server of servers) if (server.exitCode === null && server.signalCode === null) server.kill('SIGTERM');
    await sleep(1000);
    postgres.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
