/**
 * A worker thread that simulates one part of a plan (core/plan/plan-sharded.ts) for shard-threads.ts:
 * each message is a design and a part; the answer is that part's ShardResult, or the error's message.
 */
import { parentPort } from 'node:worker_threads';
import { runToEnd } from '../plan/build-plan';
import { simulateShard } from '../plan/plan-sharded';
import type { ShardRequest, ShardReply } from './shard-threads';

const port = parentPort;
if (!port) throw new Error('shard-thread.ts runs as a worker thread');
port.on('message', (request: ShardRequest) => {
  let reply: ShardReply;
  try {
    reply = { id: request.id, result: runToEnd(simulateShard(request.design, request.shard, request.points)) };
  } catch (error) {
    reply = { id: request.id, error: error instanceof Error ? error.message : String(error) };
  }
  port.postMessage(reply);
});
