/**
 * Worker threads for a plan split between threads (core/plan/plan-sharded.ts), in Node: `count`
 * threads, each one part's ShardRunner. A thread that dies fails its part's promise, and
 * buildPlanSharded simulates that part on the calling thread instead. `close()` ends them.
 */
import { Worker } from 'node:worker_threads';
import type { Design } from '../model/design';
import type { Shard } from '../plan/build-plan';
import type { ShardResult, ShardRunner } from '../plan/plan-sharded';

export interface ShardRequest {
  id: number;
  design: Design;
  shard: Shard;
  points: number;
}
export type ShardReply = { id: number; result: ShardResult } | { id: number; error: string };

export interface ShardThreads {
  runners: ShardRunner[];
  close(): Promise<void>;
}

/**
 * Starts `count` threads running `file`: shard-thread.ts bundled as JavaScript (a worker thread does not
 * inherit tsx's loader), as scripts/build-workers.mjs writes it (`plan-shard.mjs`).
 */
export function startShardThreads(count: number, file: string | URL): ShardThreads {
  const workers: Worker[] = [];
  const runners: ShardRunner[] = [];
  for (let k = 0; k < count; k++) {
    const worker = new Worker(file);
    // An idle thread does not keep the process alive.
    worker.unref();
    const waiting = new Map<number, { resolve: (r: ShardResult) => void; reject: (e: Error) => void }>();
    let next = 0;
    let dead: Error | null = null;
    const failAll = (error: Error) => {
      dead ??= error;
      for (const w of waiting.values()) w.reject(error);
      waiting.clear();
    };
    worker.on('message', (reply: ShardReply) => {
      const w = waiting.get(reply.id);
      if (!w) return;
      waiting.delete(reply.id);
      if ('error' in reply) w.reject(new Error(reply.error));
      else w.resolve(reply.result);
    });
    worker.on('error', failAll);
    worker.on('exit', (code) => failAll(new Error(`shard thread exited with code ${code}`)));
    workers.push(worker);
    runners.push((design, shard, points) =>
      new Promise<ShardResult>((resolve, reject) => {
        if (dead) return reject(dead);
        const id = next++;
        waiting.set(id, { resolve, reject });
        worker.ref();
        const request: ShardRequest = { id, design, shard, points };
        worker.postMessage(request);
      }).finally(() => {
        if (waiting.size === 0) worker.unref();
      }),
    );
  }
  return {
    runners,
    close: async () => {
      await Promise.all(workers.map((w) => w.terminate()));
    },
  };
}
