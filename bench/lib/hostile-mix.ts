/**
 * The hostile mix of `npm run bench:load`, run beside the honest load: one client batching
 * shares.open 200 calls a request, five clients importing 9.5 MB designs back to back, one address
 * hammering a share page, and 50 share viewers from as many addresses; meanwhile a probe times a
 * cheap page (the static icon and the designs list) every 100 ms. What it reports is what a person
 * using Tidemark next to all that would wait.
 */
import os from 'node:os';
import { Worker } from 'node:worker_threads';
import autocannon from 'autocannon';
import { bigDesign } from '../../server/testing';

export interface Latencies {
  n: number;
  p50: number;
  p99: number;
  max: number;
}

export function summarize(samples: number[]): Latencies {
  const s = [...samples].sort((a, b) => a - b);
  const at = (q: number) => s[Math.min(s.length - 1, Math.floor(q * s.length))] ?? NaN;
  return { n: s.length, p50: at(0.5), p99: at(0.99), max: s.at(-1) ?? NaN };
}

/**
 * One share viewer's visit, the page and then its document, each connection from an address of its
 * own among `addresses` (X-Forwarded-For, which the bench server trusts for one proxy hop), as real
 * viewers come from their own machines and each stays within the per-address view limit.
 */
export function shareViewerRequests(token: string, addresses: number): autocannon.Request[] {
  let next = 0;
  const from = () => `10.50.${(next = (next + 1) % addresses)}.1`;
  return [
    {
      method: 'GET',
      path: `/s/${token}`,
      setupRequest: (req) => ({ ...req, headers: { ...req.headers, 'x-forwarded-for': from() } }),
    },
    {
      method: 'GET',
      path: `/s/${token}/document?revision=1`,
      setupRequest: (req) => ({ ...req, headers: { ...req.headers, 'x-forwarded-for': `10.50.${next}.1` } }),
    },
  ];
}

/**
 * The probe runs in a thread of its own: the bench's main thread is busy with autocannon's 50
 * connections and the 9.5 MB uploads, and a probe there would time its own event loop as well as the
 * server. The thread GETs each path every `everyMs` until told to stop, then posts the latencies (ms).
 */
const PROBE_THREAD = `
const { parentPort, workerData } = require('node:worker_threads');
const { base, paths, everyMs } = workerData;
let done = false;
parentPort.once('message', () => (done = true));
async function loop(path) {
  const out = [];
  while (!done) {
    const started = performance.now();
    // A request that fails counts with the time it took to fail.
    await fetch(base + path)
      .then((r) => r.arrayBuffer())
      .catch((error) => console.error('probe ' + path + ': ' + String(error)));
    out.push(performance.now() - started);
    await new Promise((r) => setTimeout(r, everyMs));
  }
  return out;
}
Promise.all(paths.map(loop)).then((results) => parentPort.postMessage(results));
`;

/** GETs each of `paths` every `everyMs` (from a thread of its own) until `until` settles; latencies in ms. */
async function probe(base: string, paths: string[], until: Promise<unknown>, everyMs = 100): Promise<number[][]> {
  const thread = new Worker(PROBE_THREAD, { eval: true, workerData: { base, paths, everyMs } });
  const results = new Promise<number[][]>((resolve, reject) => {
    thread.once('message', resolve);
    thread.once('error', reject);
  });
  await until.catch(() => undefined);
  thread.postMessage('stop');
  try {
    return await results;
  } finally {
    void thread.terminate();
  }
}

/** The 1-minute load average, sampled every second until `until` settles: [min, max]. */
async function loadAverageDuring(until: Promise<unknown>): Promise<[number, number]> {
  const samples = [os.loadavg()[0]!];
  const timer = setInterval(() => samples.push(os.loadavg()[0]!), 1000);
  await until.catch(() => undefined);
  clearInterval(timer);
  samples.push(os.loadavg()[0]!);
  return [Math.min(...samples), Math.max(...samples)];
}

/** Loops `once` until the deadline; counts answers by status. */
async function repeat(deadline: number, once: () => Promise<number>): Promise<Record<number, number>> {
  const statuses: Record<number, number> = {};
  while (Date.now() < deadline) {
    const status = await once().catch(() => 0);
    statuses[status] = (statuses[status] ?? 0) + 1;
  }
  return statuses;
}

export interface HostileFigures {
  seconds: number;
  /** The machine's 1-minute load average over the run, [min, max]. */
  loadAverage: [number, number];
  icon: Latencies;
  list: Latencies;
  batches: Record<number, number>;
  imports: Record<number, number>;
  hammer: Record<number, number>;
  viewers: { p50: number; p99: number; total: number; non2xx: number };
}

export async function runHostileMix(base: string, shareToken: string, seconds: number): Promise<HostileFigures> {
  const deadline = Date.now() + seconds * 1000;
  const json = { 'content-type': 'application/json' };
  const batchPaths = Array.from({ length: 200 }, () => 'shares.open').join(',');
  const batchBody = JSON.stringify(
    Object.fromEntries(Array.from({ length: 200 }, (_, i) => [i, { token: shareToken }])),
  );
  const importBody = JSON.stringify({ from: 'import', document: bigDesign(9.5e6, 'Hostile 9.5 MB import') });

  const work = Promise.all([
    repeat(deadline, async () => {
      const r = await fetch(`${base}/api/trpc/${batchPaths}?batch=1`, {
        method: 'POST',
        headers: json,
        body: batchBody,
      });
      await r.arrayBuffer();
      return r.status;
    }),
    ...Array.from({ length: 5 }, () =>
      repeat(deadline, async () => {
        const r = await fetch(`${base}/api/trpc/designs.create`, { method: 'POST', headers: json, body: importBody });
        await r.arrayBuffer();
        return r.status;
      }),
    ),
    repeat(deadline, async () => {
      const r = await fetch(`${base}/s/${shareToken}`, { headers: { 'x-forwarded-for': '198.51.100.66' } });
      await r.arrayBuffer();
      return r.status;
    }),
    // Fifty viewers from fifty addresses (the bench server trusts one proxy hop): the page, then its document.
    autocannon({
      url: base,
      connections: 50,
      duration: seconds,
      requests: shareViewerRequests(shareToken, 50),
    }),
  ]);
  const [[icon, list], loadAverage, results] = await Promise.all([
    probe(base, ['/icon.svg', '/api/trpc/designs.list'], work),
    loadAverageDuring(work),
    work,
  ]);
  const [batches, importA, importB, importC, importD, importE, hammer, viewers] = results as [
    ...Record<number, number>[],
    autocannon.Result,
  ] as unknown as [
    Record<number, number>,
    Record<number, number>,
    Record<number, number>,
    Record<number, number>,
    Record<number, number>,
    Record<number, number>,
    Record<number, number>,
    autocannon.Result,
  ];
  const imports: Record<number, number> = {};
  for (const part of [importA, importB, importC, importD, importE])
    for (const [status, n] of Object.entries(part)) imports[Number(status)] = (imports[Number(status)] ?? 0) + n;
  return {
    seconds,
    loadAverage,
    icon: summarize(icon ?? []),
    list: summarize(list ?? []),
    batches,
    imports,
    hammer,
    viewers: {
      p50: viewers.latency.p50,
      p99: viewers.latency.p99,
      total: viewers.requests.total,
      non2xx: viewers.non2xx,
    },
  };
}

const statuses = (s: Record<number, number>) =>
  Object.entries(s)
    .map(([status, n]) => `${n}× ${status}`)
    .join(', ');

export function hostileTable(h: HostileFigures, quiet: Awaited<ReturnType<typeof quietCheapPages>>): string {
  const row = (label: string, l: Latencies) =>
    `| ${label} | ${l.n} | ${l.p50.toFixed(0)} ms | ${l.p99.toFixed(0)} ms | ${l.max.toFixed(0)} ms |`;
  const ratio = (a: number, b: number) => `${(a / Math.max(b, 0.1)).toFixed(1)}×`;
  const load = ([min, max]: [number, number]) => `${min.toFixed(1)}–${max.toFixed(1)}`;
  return [
    '',
    `Hostile mix, ${h.seconds} s: cheap pages timed every 100 ms from a thread of their own`,
    '',
    '| cheap page | samples | p50 | p99 | max |',
    '|---|---|---|---|---|',
    row(`/icon.svg, server idle (${quiet.seconds} s)`, quiet.icon),
    row(`/api/trpc/designs.list, server idle (${quiet.seconds} s)`, quiet.list),
    row('/icon.svg, under the hostile mix', h.icon),
    row('/api/trpc/designs.list, under the hostile mix', h.list),
    '',
    `- load average (1 min): ${load(quiet.loadAverage)} while idle, ${load(h.loadAverage)} under the mix`,
    `- under the mix ÷ idle, same run: /icon.svg p50 ${ratio(h.icon.p50, quiet.icon.p50)}, p99 ${ratio(h.icon.p99, quiet.icon.p99)}; designs.list p50 ${ratio(h.list.p50, quiet.list.p50)}, p99 ${ratio(h.list.p99, quiet.list.p99)}`,
    `- batched shares.open ×200: ${statuses(h.batches)}`,
    `- 9.5 MB imports, 5 at a time: ${statuses(h.imports)}`,
    `- one address hammering a share page: ${statuses(h.hammer)}`,
    `- 50 share viewers (page + document) from 50 addresses: p50 ${h.viewers.p50} ms, p99 ${h.viewers.p99} ms, ${h.viewers.total} requests, ${h.viewers.non2xx} non-2xx`,
  ].join('\n');
}

/** The cheap pages on an idle server, for comparison, timed by the same probe. */
export async function quietCheapPages(base: string, seconds = 10) {
  const idle = new Promise((r) => setTimeout(r, seconds * 1000));
  const [[icon, list], loadAverage] = await Promise.all([
    probe(base, ['/icon.svg', '/api/trpc/designs.list'], idle),
    loadAverageDuring(idle),
  ]);
  return { seconds, loadAverage, icon: summarize(icon ?? []), list: summarize(list ?? []) };
}
