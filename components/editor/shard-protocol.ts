/**
 * Messages between the plan worker (plan-worker.ts) and its second thread (plan-shard-worker.ts), over
 * a MessageChannel the page sets up (use-plan-runner.ts): the plan worker asks for one part of a
 * design's simulation (core/plan/plan-sharded.ts) and gets that part's facts back. Each request
 * supersedes the ones before it: the shard worker stops an older part at its next slice.
 */
import type { Design } from '@/core/model';
import type { ShardResult } from '@/core/plan';

/** Page → either worker: the port to the other one. */
export type ShardPortMessage = { type: 'shard-port'; port: MessagePort };

/** Plan worker → shard worker. The design was validated by the plan worker. */
export type ShardRequest =
  | { type: 'part'; id: number; design: Design; shard: { index: number; count: number }; points: number }
  | { type: 'cancel'; id: number };

/** Shard worker → plan worker. */
export type ShardResponse =
  | { type: 'part'; id: number; result: ShardResult }
  | { type: 'failed'; id: number; message: string }
  | { type: 'cancelled'; id: number };
