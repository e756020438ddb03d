/**
 * Heavy validation off the thread that answers everyone: five concurrent 9.5 MB imports used to stall
 * every other request for seconds, because parsing, validating and serialising a document that size
 * takes about half a second of one thread each. Bodies of at least POOL_THRESHOLD_BYTES go to a small
 * piscina pool of worker threads running prepare-body.ts, the bytes transferred, not copied; smaller
 * ones are prepared inline, where a worker's round trip would cost more than the work. The queue is
 * bounded: past it a call is told the server is busy (503), and nothing is saved. Without the worker
 * bundle (a bare `next dev`), everything is prepared inline, and a warning says so once.
 */
import { existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Piscina } from 'piscina';
import { prepareBody, type PreparedBody } from './prepare-body';

/** Below this, preparing inline is cheaper than the trip to a worker (about 10 ms of work). */
export const POOL_THRESHOLD_BYTES = 256 * 1024;
/** Calls waiting for a worker at most; each holds its body (≤ 10 MB). */
export const POOL_MAX_QUEUE = 8;

export const WORKER_FILE = path.join(process.cwd(), '.next', 'tidemark-workers', 'prepare-body.mjs');

export class PoolBusyError extends Error {
  constructor() {
    super(
      'The server is busy checking other large designs. Nothing was saved; your changes are kept — try again in a few seconds.',
    );
    this.name = 'PoolBusyError';
  }
}

/** One worker per core but one: the request thread keeps a core of its own. */
export function poolThreads(): number {
  return Math.max(1, Math.min(4, os.availableParallelism() - 1));
}

export function createValidationPool(
  filename = WORKER_FILE,
  { threads = poolThreads(), maxQueue = POOL_MAX_QUEUE } = {},
): Piscina {
  return new Piscina({ filename, minThreads: 1, maxThreads: threads, maxQueue, idleTimeout: 60_000 });
}

const POOL = Symbol.for('tidemark.validationPool');
type WithPool = typeof globalThis & { [POOL]?: Piscina | null };

function sharedPool(): Piscina | null {
  const g = globalThis as WithPool;
  if (g[POOL] === undefined) {
    const found = existsSync(WORKER_FILE);
    if (!found)
      console.warn(
        `Validation pool off: ${WORKER_FILE} is missing (npm start builds it); large bodies are checked inline.`,
      );
    g[POOL] = found ? createValidationPool() : null;
  }
  return g[POOL];
}

/** Prepares a document-carrying body, in the pool when it is large. Throws PoolBusyError when the queue is full. */
export async function prepareBodyOffThread(bytes: Uint8Array, pool = sharedPool()): Promise<PreparedBody> {
  if (!pool || bytes.byteLength < POOL_THRESHOLD_BYTES) return prepareBody(bytes);
  // A fresh buffer of exactly these bytes, so that it can be transferred to the worker.
  const own = bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength ? bytes : bytes.slice();
  try {
    return (await pool.run(own, { transferList: [own.buffer as ArrayBuffer] })) as PreparedBody;
  } catch (e) {
    if (e instanceof Error && e.message === 'Task queue is at limit') throw new PoolBusyError();
    throw e;
  }
}
