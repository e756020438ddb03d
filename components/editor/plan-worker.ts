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
  rehearsalEdit,
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
 * The first edits after a design opens run the engine's code cold: V8 compiles it lazily and
 * optimises a function only once it has run a while. On the 500-component canvas design a leaf edit
 * took 300–550 ms for each of its first five edits and 130–190 ms from the tenth on (Chromium, a new
 * value each time, 2026-12-07). Two rehearsals warm it while the worker is idle, their results dropped,
 * each cancelled by a new run at its next slice or between the decision's stages (decidePlanSteps):
 * - once the first plan is posted, the same design is planned once more from the memo, without the
 *   joint choice's last answer (core/recommend/solve-jointly.ts), so that the decision and the solver
 *   run (nothing is simulated again, nothing in the memo changes);
 * - while the author looks about to edit (the page says so, `editing`: one component or connection
 *   selected, or focus in the inspector's fields, and no pointer held down), made-up edits
 *   (core/plan/rehearsal.ts: one leaf changed), each followed by the design itself again, up to
 *   REHEARSAL_ROUNDS rounds in a worker's life. Through the same memo as the author's edits, as an edit
 *   and its undo: the memo holds the design's runs again after each round, and a plan made from it is
 *   the one made from nothing (run-memo.test.ts). Not whenever the worker was idle: the rounds then took
 *   the cores a canvas drag needs (editor frames 120–135 in 3 s against 153–168 without, bench:canvas's
 *   drag, 2026-12-07).
 */
const REHEARSAL = -2;
const REHEARSAL_ROUNDS = 6;
let hasRehearsedFirst = false;
let roundsDone = 0;
let isRehearsing = false;
/** Whether the author looks about to edit (the page's `editing`). */
let isEditing = false;
/** The last plan posted, which a rehearsal follows. */
let lastPosted: { runId: number; design: Design } | null = null;

function rehearseSoon(): void {
  setTimeout(() => void rehearse(), 0);
}

async function rehearse(): Promise<void> {
  const last = lastPosted;
  if (isRehearsing || !last) return;
  const isIdle = () => latestRunId === last.runId || latestRunId === REHEARSAL;
  isRehearsing = true;
  let cutShort = false;
  try {
    if (!hasRehearsedFirst && isIdle()) {
      hasRehearsedFirst = true;
      latestRunId = REHEARSAL;
      const { solved: _solved, ...runsOnly } = memo;
      await buildPlanSharded(last.design, shards, {
        sliceMs: SLICE_MS,
        memo: runsOnly,
        isCancelled: () => latestRunId !== REHEARSAL,
      });
    }
    const options = { sliceMs: SLICE_MS, memo, isCancelled: () => latestRunId !== REHEARSAL || !isEditing };
    while (roundsDone < REHEARSAL_ROUNDS && isEditing && isIdle()) {
      const edited = rehearsalEdit(last.design, roundsDone);
      if (!edited) return;
      latestRunId = REHEARSAL;
      await buildPlanSharded(edited, shards, options);
      await buildPlanSharded(last.design, shards, options);
      roundsDone++;
    }
  } catch (error) {
    // Cancelled (or failed): only a rehearsal; a run reports its own failures.
    cutShort = error instanceof PlanCancelledError;
  } finally {
    isRehearsing = false;
    // Idle again after the plan it followed, unless a run came meanwhile.
    const wasOurs = latestRunId === REHEARSAL;
    if (wasOurs) latestRunId = last.runId;
    // Cut short while still ours, it was `editing` that ended (a press in a field ends it until the
    // release); about to edit again, or with a plan posted meanwhile, the rounds go on.
    if (isEditing && ((cutShort && wasOurs) || lastPosted !== last)) rehearseSoon();
  }
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
    case 'editing':
      isEditing = message.on;
      if (isEditing) rehearseSoon();
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
    lastPosted = { runId, design: checked.value };
    rehearseSoon();
  } catch (error) {
    if (error instanceof PlanCancelledError) return;
    scope.postMessage({ type: 'failed', runId, message: error instanceof Error ? error.message : String(error) });
  }
}
