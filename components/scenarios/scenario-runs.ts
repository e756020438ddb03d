/**
 * The comparison's side of its plan worker (components/editor/plan-worker.ts), apart from the Worker
 * itself so that a test can drive it: the worker plans side 0, then each next side once the one before
 * has ended (its run memo then simulates the components two revisions share once), and each side is
 * given its whole plan, or why there is none. The worker posts a plan's placement entries and chart
 * series only where they differ from those of the plan it posted before — for the second side, the
 * first side's (plan-protocol.ts) — so every plan it posts is taken in by one receiver, in order, which
 * rebuilds it whole: a side's plan is the same whichever plan the worker posted before it.
 */
import { describeProblems } from '@/core/edit';
import type { Design, Plan } from '@/core/model';
import type { PlanProgress } from '@/core/plan';
import {
  createResultReceiver,
  type PlanRequest,
  type PlanResponse,
  type PostedResult,
} from '@/components/editor/plan-protocol';

export type SidePlan =
  | { state: 'waiting' }
  | { state: 'running'; progress: PlanProgress | null }
  | { state: 'done'; plan: Plan }
  | { state: 'failed'; message: string };

export interface ScenarioRunsIo {
  /** To the worker. */
  post(request: PlanRequest): void;
  /** Side `side` (0 before, 1 after) is now this. */
  set(side: number, plan: SidePlan): void;
  /** Every side has ended: the worker may go. */
  finish(): void;
}

export function createScenarioRuns(
  designs: readonly Design[],
  io: ScenarioRunsIo,
): { start(): void; onMessage(message: PlanResponse): void } {
  // One worker, one receiver: a worker started again would need a new one.
  const receive = createResultReceiver();
  const received = (posted: PostedResult): SidePlan => {
    try {
      return { state: 'done', plan: receive(posted).plan };
    } catch (error) {
      // The worker left out what it never posted (never expected).
      return {
        state: 'failed',
        message: `The simulation failed: ${error instanceof Error ? error.message : String(error)}`,
      };
    }
  };
  // Run i plans side i; when it ends, the next side starts (the first is shown running from the start).
  const start = (i: number) => {
    const design = designs[i];
    if (design === undefined) return io.finish();
    io.post({ type: 'run', runId: i, design });
  };
  const onMessage = (m: PlanResponse) => {
    if (!('runId' in m)) return;
    if (m.type === 'checked') return;
    if (m.type === 'progress') return io.set(m.runId, { state: 'running', progress: m.progress });
    if (m.type === 'done') io.set(m.runId, received(m.result));
    else
      io.set(m.runId, {
        state: 'failed',
        message:
          'problems' in m
            ? describeProblems(m.problems, 8, 'it cannot be planned')
            : `The simulation failed: ${m.message}`,
      });
    if (m.runId + 1 < designs.length) io.set(m.runId + 1, { state: 'running', progress: null });
    start(m.runId + 1);
  };
  return { start: () => start(0), onMessage };
}
