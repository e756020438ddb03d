/**
 * The plan worker: validates the design and runs the engine off the main thread, so that the editor
 * never freezes while it re-simulates. Started by use-plan-runner.ts as a module worker, with a second
 * thread for half of each plan's simulation when the machine has the cores. It keeps the runs of its
 * earlier plans (and the second thread its own), so an edit re-simulates only what it changed. Only the
 * latest run matters: starting a run (or cancelling it) makes every older run stop at its next
 * slice with PlanCancelledError, which is dropped silently.
 */
import loadHighs from 'highs';
import { validateDesign, type Design } from '@/core/model';
import {
  buildPlanSharded,
  createRunMemo,
  PlanCancelledError,
  highsMipSolver,
  registerMipSolver,
  warmUpMipSolver,
  type ShardResult,
  type ShardRunner,
} from '@/core/plan';
import { runComparisonJob } from './compare-job';
import {
  PROGRESS_EVERY_MS,
  createResultSender,
  postedBuffers,
  type PlanRequest,
  type PlanResponse,
} from './plan-protocol';
import { createPartReceiver, type ShardPortMessage, type ShardRequest, type ShardResponse } from './shard-protocol';

/** The engine yields this often (ms) so that a newer run or a cancel gets through quickly. */
const SLICE_MS = 20;

const scope = self as unknown as {
  postMessage(message: PlanResponse, transfer?: Transferable[]): void;
  onmessage: ((event: MessageEvent<PlanRequest | ShardPortMessage>) => void) | null;
};

let latestRunId = -1;
/**
 * The runs of earlier plans (core/plan/run-memo.ts): an edit re-simulates only the components whose
 * load or settings it changed; a rename, a move or a price re-simulates nothing.
 */
const memo = createRunMemo();
/** Posts only the placements and chart series that changed since the last plan posted (the page keeps the rest). */
const toPost = createResultSender();
/** The comparison of providers under way (its own numbering: a re-plan does not stop it). */
let latestCompareId = -1;

/**
 * HiGHS for the joint search's large pieces, fetched once from /solver/highs.wasm. Runs wait for it;
 * if it cannot load, plans still come, their search marked heuristic where a piece outgrew the budget.
 */
const solverReady: Promise<void> = loadHighs({ locateFile: (file: string) => `/solver/${file}` })
  .then((highs) => registerMipSolver(highsMipSolver(highs)))
  .catch(() => undefined);

/**
 * While HiGHS loads (a slow link can take longer than the page's stall watch waits), the runs wait
 * for it silently: say every few seconds that this worker is alive. A worker caught in a loop cannot.
 */
const ALIVE_EVERY_MS = 5000;
const heartbeat = setInterval(() => scope.postMessage({ type: 'alive' }), ALIVE_EVERY_MS);
void solverReady.finally(() => clearInterval(heartbeat));

/**
 * The first plan of a design seldom needs HiGHS, an edit's often does, and HiGHS's first solve
 * compiles its WebAssembly: ~0.8 s of the first edit in this worker (profiled). So once the first
 * plan is posted — the author reads it, the worker is idle — a small model is solved to compile it.
 */
let isWarm = false;
function warmUpSolverSoon(): void {
  if (isWarm) return;
  isWarm = true;
  setTimeout(() => {
    try {
      warmUpMipSolver();
    } catch {
      // Only a warm-up: a real solve reports its own failure.
    }
  }, 0);
}

/**
 * The first edit after a design opens runs the decision's code cold: on the 500-component canvas
 * design a leaf edit took ~1.1 s against 0.3–0.6 s for the edits after it (Chromium, 2026-12-03): V8
 * compiles that code lazily and optimises it as it runs. So once the first plan is posted, the same
 * design is planned once more and the result dropped: every run is in the memo (nothing is simulated
 * again, nothing in it changes), so it costs the decision alone. A new run cancels it at its next
 * slice; the decision itself does not yield, so an edit made while it runs waits for it (up to about
 * a second, cold, on that design).
 */
const REHEARSAL = -2;
let hasRehearsed = false;
function rehearseSoon(runId: number, design: Design): void {
  if (hasRehearsed) return;
  hasRehearsed = true;
  setTimeout(() => {
    // Only while the worker is idle: a run that came meanwhile has warmed the code itself.
    if (latestRunId !== runId) return;
    latestRunId = REHEARSAL;
    // Without the joint choice's last answer (core/recommend/solve-jointly.ts): the same design would
    // get it back unsolved, and the solver's code is much of what the rehearsal is there to warm.
    const { solved: _solved, ...runsOnly } = memo;
    buildPlanSharded(design, shards, {
      sliceMs: SLICE_MS,
      memo: runsOnly,
      isCancelled: () => latestRunId !== REHEARSAL,
    }).catch(() => undefined);
  }, 0);
}

/**
 * The second thread (plan-shard-worker.ts), when the page started one: it simulates one part of each
 * plan while this worker simulates the other (core/plan/plan-sharded.ts). Without it, plans run here
 * alone; if it fails, buildPlanSharded simulates its part here.
 */
let shards: ShardRunner[] = [];
let cancelShard: () => void = () => undefined;
let loseShard: () => void = () => undefined;

function connectShard(port: MessagePort): void {
  type Waiting = { resolve: (r: ShardResult) => void; reject: (e: Error) => void; onProgress?: (done: number) => void };
  const waiting = new Map<number, Waiting>();
  let next = 0;
  // Every part received is taken in, wanted or not, so that this side holds what the other one sent.
  const receive = createPartReceiver();
  port.onmessage = (event: MessageEvent<ShardResponse>) => {
    const reply = event.data;
    const w = waiting.get(reply.id);
    if (reply.type === 'progress') return w?.onProgress?.(reply.done);
    waiting.delete(reply.id);
    if (reply.type !== 'part') return w?.reject(new Error(reply.type === 'failed' ? reply.message : 'part cancelled'));
    let result: ShardResult;
    try {
      result = receive(reply.result);
    } catch (error) {
      // Out of step with the second worker (never expected): plan alone from now on, and say so.
      loseShard();
      scope.postMessage({ type: 'shard-lost' });
      return w?.reject(error instanceof Error ? error : new Error(String(error)));
    }
    w?.resolve(result);
  };
  const send = (request: ShardRequest) => port.postMessage(request);
  shards = [
    (design, shard, points, onProgress) =>
      new Promise<ShardResult>((resolve, reject) => {
        const id = next++;
        waiting.set(id, { resolve, reject, onProgress });
        send({ type: 'part', id, design, shard, points });
      }),
  ];
  cancelShard = () => send({ type: 'cancel', id: next - 1 });
  loseShard = () => {
    shards = [];
    port.close();
    for (const w of waiting.values()) w.reject(new Error('the second thread stopped'));
    waiting.clear();
  };
}

scope.onmessage = (event) => {
  const message = event.data;
  switch (message.type) {
    case 'shard-port':
      connectShard(message.port);
      return;
    case 'shard-lost':
      loseShard();
      return;
    case 'cancel':
      if (message.runId === latestRunId) {
        latestRunId = -1;
        cancelShard();
      }
      return;
    case 'run':
      latestRunId = message.runId;
      void run(message.runId, message.design);
      return;
    case 'cancel-compare':
      if (message.compareId === latestCompareId) latestCompareId = -1;
      return;
    case 'compare': {
      const { compareId } = message;
      latestCompareId = compareId;
      void solverReady.then(() =>
        runComparisonJob(compareId, message.design, {
          sliceMs: SLICE_MS,
          progressEveryMs: PROGRESS_EVERY_MS,
          isCancelled: () => compareId !== latestCompareId,
          post: (response) => scope.postMessage(response),
        }),
      );
      return;
    }
  }
};

async function run(runId: number, input: unknown): Promise<void> {
  const started = performance.now();
  await solverReady;
  if (runId !== latestRunId) return;
  const checked = validateDesign(input);
  if (!checked.ok) {
    scope.postMessage({ type: 'failed', runId, problems: checked.problems });
    return;
  }
  // The editor then saves this document without validating it again on its own thread (known-valid.ts).
  scope.postMessage({ type: 'checked', runId });
  let lastProgress = 0;
  try {
    const result = await buildPlanSharded(checked.value, shards, {
      sliceMs: SLICE_MS,
      memo,
      isCancelled: () => runId !== latestRunId,
      onProgress: (progress) => {
        const now = performance.now();
        if (now - lastProgress < PROGRESS_EVERY_MS) return;
        lastProgress = now;
        scope.postMessage({ type: 'progress', runId, progress });
      },
    });
    if (runId !== latestRunId) return;
    const posted = toPost(result);
    scope.postMessage({ type: 'done', runId, result: posted, ms: performance.now() - started }, postedBuffers(posted));
    warmUpSolverSoon();
    rehearseSoon(runId, checked.value);
  } catch (error) {
    if (error instanceof PlanCancelledError) return;
    scope.postMessage({ type: 'failed', runId, message: error instanceof Error ? error.message : String(error) });
  }
}
