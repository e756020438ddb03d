/**
 * `npm run bench:load`: the production server under load on loopback, then killed mid-storm.
 *
 * 1. Baseline: autocannon fetches a static file (/icon.svg) with 50 connections.
 * 2. Load, for 30 s at once: 50 viewers of a read-only share page, and 20 editors, each autosaving
 *    its own design as fast as the server acknowledges (every save names the revision it is based on,
 *    as the editor does). Afterwards every acknowledged save must be a revision in the database.
 * 2b. Hostile mix, for 30 s (BENCH_HOSTILE_SECONDS): batched share opens, five 9.5 MB imports at a
 *    time, one address hammering a share page and 50 viewers from 50 addresses, while a cheap page
 *    (the icon, the designs list) is timed every 100 ms (bench/lib/hostile-mix.ts).
 * 3. Crash: 20 editors save in a storm; the server is killed with SIGKILL in the middle; the database
 *    file must pass PRAGMA integrity_check and hold every save that was acknowledged before the kill;
 *    the server restarts on it and serves.
 * Figures go to stdout as a Markdown table for bench/RESULTS.md. Only 127.0.0.1 is contacted; every
 * loop is bounded in time and count.
 */
import os from 'node:os';
import autocannon from 'autocannon';
import Database from 'better-sqlite3';
import { hybridServerless } from '../core/examples';
import { designSchema, type Design } from '../core/model';
import { createDesign, mutate, sleep, startBenchServer } from './lib/bench-server';
import { hostileTable, quietCheapPages, runHostileMix, shareViewerRequests } from './lib/hostile-mix';

const PORT = 3470;
const EDITORS = 20;
const VIEWERS = 50;
const DURATION_S = Number(process.env.BENCH_SECONDS ?? 30);
const HOSTILE_S = Number(process.env.BENCH_HOSTILE_SECONDS ?? 30);

type Ack = { designId: string; revision: number };

interface Figures {
  p50: number;
  p99: number;
  rps: number;
  total: number;
  errors: number;
  server5xx: number;
  non2xx: number;
}

const quantile = (sorted: number[], q: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;

function fmt(r: autocannon.Result): Figures {
  return {
    p50: r.latency.p50,
    p99: r.latency.p99,
    rps: r.requests.average,
    total: r.requests.total,
    errors: r.errors + r.timeouts,
    server5xx: r['5xx'],
    non2xx: r.non2xx,
  };
}

/** A design document that changes with each save, so every revision differs from the one before. */
function edited(base: Design, step: number): Design {
  return { ...base, name: `${base.name.slice(0, 90)} · save ${step}` };
}

/**
 * Each editor is its own autocannon instance with one connection, so that its state (the revision
 * its next save is based on) lives in a closure: autocannon resets a connection's context after
 * every pass over its requests. Latencies from every editor are pooled for the percentiles.
 */
function runEditor(baseUrl: string, designId: string, document: Design, acks: Ack[], latencies: number[]) {
  const state = { revision: 1, step: 0 };
  // Called without a callback, autocannon returns its instance, which is also a promise of the result.
  const instance = autocannon({
    url: baseUrl,
    connections: 1,
    duration: DURATION_S,
    requests: [
      {
        method: 'POST',
        path: '/api/trpc/designs.save',
        headers: { 'content-type': 'application/json' },
        setupRequest: (req) => {
          state.step += 1;
          return {
            ...req,
            body: JSON.stringify({
              id: designId,
              baseRevision: state.revision,
              document: edited(document, state.step),
            }),
          };
        },
        onResponse: (status, body) => {
          if (status !== 200) return;
          const revision = (JSON.parse(body) as { result: { data: { revision: number } } }).result.data.revision;
          acks.push({ designId, revision });
          state.revision = revision;
        },
      },
    ],
  }) as unknown as autocannon.Instance & Promise<autocannon.Result>;
  const events: autocannon.Instance = instance; // its on() returns the emitter, not the promise
  events.on('response', (_client: unknown, _status: number, _bytes: number, time: number) => latencies.push(time));
  return instance;
}

async function runLoad(baseUrl: string, designs: string[], shareToken: string, document: Design) {
  const acks: Ack[] = [];
  const latencies: number[] = [];
  const editors = Promise.all(designs.map((id) => runEditor(baseUrl, id, document, acks, latencies)));
  const viewers = autocannon({
    url: baseUrl,
    connections: VIEWERS,
    duration: DURATION_S,
    requests: shareViewerRequests(shareToken, VIEWERS * 10),
  });
  const [results, v] = await Promise.all([editors, viewers]);
  const sorted = latencies.sort((a, b) => a - b);
  const sum = (f: (r: autocannon.Result) => number) => results.reduce((n, r) => n + f(r), 0);
  const editorFigures: Figures = {
    p50: quantile(sorted, 0.5),
    p99: quantile(sorted, 0.99),
    rps: sum((r) => r.requests.total) / DURATION_S,
    total: sum((r) => r.requests.total),
    errors: sum((r) => r.errors + r.timeouts),
    server5xx: sum((r) => r['5xx']),
    non2xx: sum((r) => r.non2xx),
  };
  return { editors: editorFigures, viewers: fmt(v), acks };
}

function missingAcks(dbFile: string, acks: readonly Ack[]): Ack[] {
  const db = new Database(dbFile, { readonly: true });
  try {
    const has = db.prepare('SELECT 1 FROM revisions WHERE design_id = ? AND number = ?');
    return acks.filter((a) => has.get(a.designId, a.revision) === undefined);
  } finally {
    db.close();
  }
}

/** Saves in a storm until the server dies; returns what was acknowledged before it did. */
async function saveStorm(baseUrl: string, designs: string[], document: Design, killAfterMs: number, kill: () => void) {
  const acks: Ack[] = [];
  let alive = true;
  const timer = setTimeout(() => {
    kill();
    alive = false;
  }, killAfterMs);
  await Promise.all(
    designs.map(async (designId) => {
      const current = (await (
        await fetch(`${baseUrl}/api/trpc/designs.get?input=${encodeURIComponent(JSON.stringify({ id: designId }))}`)
      ).json()) as {
        result: { data: { revision: number } };
      };
      let revision = current.result.data.revision;
      for (let step = 1; alive && step < 100_000; step++) {
        try {
          const saved = await mutate<{ revision: number }>(baseUrl, 'designs.save', {
            id: designId,
            baseRevision: revision,
            document: edited(document, step),
          });
          acks.push({ designId, revision: saved.revision });
          revision = saved.revision;
        } catch {
          return; // the server is gone
        }
      }
    }),
  );
  clearTimeout(timer);
  return acks;
}

async function main(): Promise<void> {
  // Viewers come from many addresses, as behind a proxy: the server trusts one hop of X-Forwarded-For.
  const server = await startBenchServer(PORT, 'load.db', { TIDEMARK_TRUST_PROXY: '1' });
  try {
    const base = server.base;
    const document = designSchema.parse(hybridServerless);
    const designs: string[] = [];
    for (let i = 0; i < EDITORS; i++)
      designs.push(await createDesign(base, { ...hybridServerless, name: `Load ${i}` }));
    const shared = await createDesign(base, hybridServerless);
    const link = await mutate<{ token: string }>(base, 'shares.create', { designId: shared });

    const baseline = fmt(
      await autocannon({ url: `${base}/icon.svg`, connections: VIEWERS, duration: Math.min(10, DURATION_S) }),
    );
    const load = await runLoad(base, designs, link.token, document);
    const lost = missingAcks(server.dbFile, load.acks);
    const quiet = await quietCheapPages(base);
    const hostile = await runHostileMix(base, link.token, HOSTILE_S);
    const ed = load.editors;
    const vw = load.viewers;

    // The crash: a fresh storm on the same designs, SIGKILL after 3 s.
    const storm = await saveStorm(base, designs, document, 3000, () => server.process.kill('SIGKILL'));
    await sleep(500);
    const check = new Database(server.dbFile);
    const checked: unknown = check.pragma('integrity_check', { simple: true });
    const integrity = typeof checked === 'string' ? checked : JSON.stringify(checked);
    check.close();
    const lostInCrash = missingAcks(server.dbFile, storm);
    await server.restart();
    const after = (await (await fetch(`${base}/api/trpc/designs.list`)).json()) as { result: { data: unknown[] } };

    const row = (label: string, r: Figures) =>
      `| ${label} | ${r.p50.toFixed(0)} ms | ${r.p99.toFixed(0)} ms | ${Math.round(r.rps)} req/s | ${r.total} | ${r.server5xx} | ${r.errors} |`;
    console.log(
      [
        '',
        `| ${DURATION_S} s on loopback | p50 | p99 | throughput | requests | 5xx | errors |`,
        '|---|---|---|---|---|---|---|',
        row(`baseline: static /icon.svg, ${VIEWERS} connections (${Math.min(10, DURATION_S)} s)`, baseline),
        row(`${VIEWERS} viewers of a share page`, vw),
        row(`${EDITORS} editors autosaving`, ed),
        '',
        `share page ÷ static file: p50 ${(vw.p50 / Math.max(baseline.p50, 0.01)).toFixed(1)}×, throughput ${(vw.rps / Math.max(baseline.rps, 1)).toFixed(2)}×`,
        `acknowledged saves: ${load.acks.length}; missing from the database afterwards: ${lost.length}; editor non-2xx: ${ed.non2xx}`,
        `crash: ${storm.length} saves acknowledged before SIGKILL; integrity_check: ${integrity}; missing after the crash: ${lostInCrash.length}; after restart the server lists ${after.result.data.length} designs`,
        hostileTable(hostile, quiet),
        '',
        `machine: ${os.cpus()[0]?.model} × ${os.cpus().length}, Node ${process.version}, load average ${os
          .loadavg()
          .map((x) => x.toFixed(1))
          .join(' ')}`,
      ].join('\n'),
    );
    const failed =
      vw.server5xx + ed.server5xx + vw.errors + ed.errors > 0 ||
      hostile.icon.max > 1000 ||
      hostile.list.max > 1000 ||
      lost.length > 0 ||
      lostInCrash.length > 0 ||
      integrity !== 'ok';
    if (failed) {
      console.error('FAILED: server errors, lost saves, a damaged database or a cheap page over 1 s (see above).');
      process.exitCode = 1;
    }
  } finally {
    server.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
