/**
 * The production server for a benchmark: built if stale, started on 127.0.0.1 with its own fresh
 * database file under bench/out/, stopped however the benchmark ends. Only loopback traffic.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { DesignInput } from '../../core/model';

interface ScriptsLib {
  root: string;
  env: NodeJS.ProcessEnv;
  bin(name: string): string;
  buildIfStale(): void;
}

export const OUT_DIR = fileURLToPath(new URL('../out', import.meta.url));
export const sleep = (t: number) => new Promise((r) => setTimeout(r, t));

export interface BenchServer {
  base: string;
  dbFile: string;
  process: ChildProcess;
  /** Starts the server again on the same database (after a kill). */
  restart(): Promise<void>;
  stop(): void;
}

async function loadLib(): Promise<ScriptsLib> {
  const libPath = '../../scripts/lib.mjs';
  return (await import(libPath)) as ScriptsLib;
}

export async function waitForServer(base: string, server: ChildProcess): Promise<void> {
  for (let i = 0; i < 120; i++) {
    if (server.exitCode !== null || server.signalCode !== null)
      throw new Error(`the server exited (${server.exitCode ?? server.signalCode})`);
    try {
      if ((await fetch(`${base}/api/trpc/designs.list`)).ok) return;
    } catch {
      /* not listening yet */
    }
    await sleep(500);
  }
  throw new Error('the server did not answer within 60 s');
}

export async function startBenchServer(
  port: number,
  dbName: string,
  extraEnv: Record<string, string> = {},
): Promise<BenchServer> {
  const lib = await loadLib();
  lib.buildIfStale();
  mkdirSync(OUT_DIR, { recursive: true });
  const dbFile = path.join(OUT_DIR, dbName);
  for (const suffix of ['', '-wal', '-shm']) rmSync(dbFile + suffix, { force: true });
  const base = `http://127.0.0.1:${port}`;
  const launch = () =>
    spawn(process.execPath, ['scripts/serve.mjs'], {
      cwd: lib.root,
      stdio: ['ignore', 'ignore', 'inherit'],
      env: { ...lib.env, HOST: '127.0.0.1', ...extraEnv, PORT: String(port), DATABASE_URL: dbFile },
    });
  const handle: BenchServer = {
    base,
    dbFile,
    process: launch(),
    async restart() {
      handle.process = launch();
      await waitForServer(base, handle.process);
    },
    stop() {
      if (handle.process.exitCode === null && handle.process.signalCode === null) handle.process.kill('SIGTERM');
    },
  };
  process.on('exit', () => handle.stop());
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => (handle.stop(), process.exit(130)));
  await waitForServer(base, handle.process);
  return handle;
}

/** Calls a tRPC mutation over HTTP and returns its data, or throws with the server's message. */
export async function mutate<T>(base: string, procedure: string, input: unknown): Promise<T> {
  const res = await fetch(`${base}/api/trpc/${procedure}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(input),
  });
  const body = (await res.json()) as { result?: { data?: T }; error?: { message?: string } };
  if (!res.ok || body.result === undefined)
    throw new Error(`${procedure} failed (${res.status}): ${body.error?.message ?? ''}`.slice(0, 500));
  return body.result.data as T;
}

export async function createDesign(base: string, document: DesignInput): Promise<string> {
  return (await mutate<{ id: string }>(base, 'designs.create', { from: 'import', document })).id;
}
