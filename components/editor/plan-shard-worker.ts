/**
 * The plan worker's second thread: simulates the part of each plan the plan worker hands it
 * (core/plan/plan-sharded.ts), so that a plan uses two cores, and keeps the runs of its earlier parts
 * (run-memo.ts) as the plan worker keeps its own: a component always falls in the same part
 * (shards.ts), so an edit re-simulates here only what it changed here. Started by use-plan-runner.ts
 * when the machine has more than one core; it talks to the plan worker over the port the page gives it.
 */
import { createRunMemo, PlanCancelledError, simulateShardAsync } from '@/core/plan';
import { PROGRESS_EVERY_MS } from './plan-protocol';
import {
  createPartSender,
  partBuffers,
  type ShardPortMessage,
  type ShardRequest,
  type ShardResponse,
} from './shard-protocol';

/** As the plan worker's: a newer request or a cancel gets through within this many ms. */
const SLICE_MS = 20;

const memo = createRunMemo();
/** Sends each component's runs only when they are not the ones sent last time. */
let toSend = createPartSender();
let latest = -1;

const scope = self as unknown as { onmessage: ((event: MessageEvent<ShardPortMessage>) => void) | null };

scope.onmessage = (event) => {
  if (event.data?.type !== 'shard-port') return;
  const port = event.data.port;
  port.onmessage = (message: MessageEvent<ShardRequest>) => {
    const request = message.data;
    if (request.type === 'cancel') {
      if (request.id === latest) latest = -1;
      return;
    }
    latest = request.id;
    void part(port, request);
  };
};

async function part(port: MessagePort, request: Extract<ShardRequest, { type: 'part' }>): Promise<void> {
  const { id } = request;
  let lastProgress = 0;
  try {
    const result = await simulateShardAsync(request.design, request.shard, request.points, {
      memo,
      sliceMs: SLICE_MS,
      isCancelled: () => id !== latest,
      onProgress: ({ done }) => {
        const now = performance.now();
        if (now - lastProgress < PROGRESS_EVERY_MS) return;
        lastProgress = now;
        post(port, { type: 'progress', id, done });
      },
    });
    try {
      const delta = toSend(result);
      // The series go as transferred copies (createPartSender), not cloned.
      port.postMessage({ type: 'part', id, result: delta } satisfies ShardResponse, partBuffers(delta));
    } catch (error) {
      // Not sent (it could not be cloned): the next part is sent whole, as to a plan worker that holds nothing.
      toSend = createPartSender();
      throw error;
    }
  } catch (error) {
    post(
      port,
      error instanceof PlanCancelledError
        ? { type: 'cancelled', id }
        : { type: 'failed', id, message: error instanceof Error ? error.message : String(error) },
    );
  }
}

function post(port: MessagePort, response: ShardResponse): void {
  try {
    port.postMessage(response);
  } catch {
    // A closed port: the plan worker has stopped listening, and waits for nothing from here.
  }
}
