'use client';
/**
 * Keeps the open design's plan current: watches the editor store's document and asks the plan worker
 * for a fresh plan — at once after a quiet spell, after the last of a quick burst of edits otherwise;
 * the answer goes to the plan store.
 * The engine never runs on this thread. Only the newest run's answers are kept: a newer edit cancels
 * the run under way. Moving nodes (layout only) does not re-simulate. Use once, in the editor page,
 * inside <EditorProvider>.
 */
import { useEffect } from 'react';
import { changesPlan, describeProblems } from '@/core/edit';
import type { Design } from '@/core/model';
import type { PlanResult } from '@/core/plan';
import { useEditorStore, usePlanStore } from './editor-context';
import {
  createResultReceiver,
  isCompareResponse,
  type CompareResponse,
  type PlanRequest,
  type PlanResponse,
} from './plan-protocol';
import { markValid } from './known-valid';
import type { ShardPortMessage } from './shard-protocol';
import { NO_COMPARISON, type ComparisonState } from './plan-store';

/**
 * Edits closer together than this (ms) are planned once, after the last; an edit after a quiet spell
 * is planned at once. Short: the inspector already coalesces typing.
 */
export const PLAN_DEBOUNCE_MS = 60;
/** Runs whose designs wait for the worker's word on their validity (older ones are forgotten). */
const ASKED_KEPT = 8;

export function usePlanRunner(): void {
  const editorStore = useEditorStore();
  const planStore = usePlanStore();

  useEffect(() => {
    const worker = new Worker(new URL('./plan-worker.ts', import.meta.url), { type: 'module', name: 'tidemark-plan' });
    // With a second core, a second thread simulates half of each plan (plan-shard-worker.ts); the two
    // workers talk over a channel of their own.
    let shardWorker: Worker | null = null;
    if ((navigator.hardwareConcurrency ?? 1) > 1) {
      shardWorker = new Worker(new URL('./plan-shard-worker.ts', import.meta.url), {
        type: 'module',
        name: 'tidemark-plan-part',
      });
      const channel = new MessageChannel();
      const toShard: ShardPortMessage = { type: 'shard-port', port: channel.port2 };
      shardWorker.postMessage(toShard, [channel.port2]);
      const toPlan: ShardPortMessage = { type: 'shard-port', port: channel.port1 };
      worker.postMessage(toPlan, [channel.port1]);
      // If it stops, the plan worker simulates its parts itself.
      shardWorker.onerror = (event) => {
        event.preventDefault();
        post({ type: 'shard-lost' });
        shardWorker?.terminate();
        shardWorker = null;
      };
    }
    let runId = 0;
    let startedAt = 0;
    let timer: ReturnType<typeof setTimeout> | null = null;

    const post = (request: PlanRequest) => worker.postMessage(request);
    const receive = createResultReceiver();
    /** The designs of the latest runs, until the worker says whether each passed validation. */
    const asked = new Map<number, Design>();

    const start = () => {
      timer = null;
      runId += 1;
      startedAt = performance.now();
      planStore.setState({ running: true, progress: null });
      const design = editorStore.getState().design;
      asked.set(runId, design);
      // A cancelled run may never be validated: keep only the last few.
      asked.delete(runId - ASKED_KEPT);
      post({ type: 'run', runId, design });
    };

    let compareId = 0;
    const setComparison = (patch: Partial<ComparisonState>) =>
      planStore.setState((s) => ({ comparison: { ...s.comparison, ...patch } }));
    planStore.setState({
      canCompare: true,
      compare: () => {
        compareId += 1;
        const design = editorStore.getState().design;
        setComparison({ open: true, running: true, progress: null, error: null, design });
        post({ type: 'compare', compareId, design });
      },
      cancelCompare: () => {
        if (!planStore.getState().comparison.running) return;
        post({ type: 'cancel-compare', compareId });
        compareId += 1; // a late answer to the cancelled comparison is dropped
        setComparison({ running: false, progress: null });
      },
    });

    worker.onmessage = (event: MessageEvent<PlanResponse>) => {
      const message = event.data;
      if (isCompareResponse(message)) {
        if (message.compareId === compareId) setComparison(comparisonUpdate(message));
        return;
      }
      if (message.type === 'shard-lost') {
        shardWorker?.terminate();
        shardWorker = null;
        return;
      }
      if (message.type === 'checked') {
        // Valid whether or not the run is still current: a fact about that document.
        const design = asked.get(message.runId);
        if (design) markValid(design);
        asked.delete(message.runId);
        return;
      }
      if (message.type !== 'progress') asked.delete(message.runId);
      // Every plan posted is taken in, shown or stale: the worker sends only what changed.
      let result: PlanResult | null = null;
      if (message.type === 'done') {
        try {
          result = receive(message.result);
        } catch (error) {
          planStore.setState({ progress: null, running: false, error: `The simulation failed: ${String(error)}` });
          return;
        }
      }
      if (message.runId !== runId || timer !== null) return; // stale: a newer run is due or under way
      if (message.type === 'progress') {
        planStore.setState({ progress: message.progress });
      } else if (message.type === 'done') {
        if (!result) return;
        const points = Object.values(result.series.components)[0]?.static.demand.length ?? 0;
        const { timeIndex } = planStore.getState();
        planStore.setState({
          result,
          progress: null,
          running: false,
          error: null,
          lastRunMs: Math.round(performance.now() - startedAt),
          timeIndex: timeIndex !== null && timeIndex >= points ? null : timeIndex,
        });
      } else {
        const error =
          'problems' in message ? describeProblems(message.problems) : `The simulation failed: ${message.message}`;
        planStore.setState({ progress: null, running: false, error, lastRunMs: null });
      }
    };
    worker.onerror = (event) => {
      event.preventDefault();
      const error = `The simulation worker stopped: ${event.message || 'unknown error'}`;
      planStore.setState({ progress: null, running: false, error });
      if (planStore.getState().comparison.running) setComparison({ running: false, progress: null, error });
    };

    const unsubscribe = editorStore.subscribe((state, prev) => {
      if (!changesPlan(prev.design, state.design)) return;
      if (timer !== null) clearTimeout(timer);
      else post({ type: 'cancel', runId }); // stop wasted work now
      // The first edit after a pause runs at once (the inspector commits on Enter or leaving a field,
      // so one edit is one change); edits that follow within the pause wait for it to end.
      if (timer === null && performance.now() - startedAt >= PLAN_DEBOUNCE_MS) return start();
      planStore.setState({ running: true, progress: null });
      timer = setTimeout(start, PLAN_DEBOUNCE_MS);
    });

    start();
    return () => {
      unsubscribe();
      if (timer !== null) clearTimeout(timer);
      worker.terminate();
      shardWorker?.terminate();
      planStore.setState({
        running: false,
        progress: null,
        comparison: NO_COMPARISON,
        canCompare: false,
        compare: () => undefined,
        cancelCompare: () => undefined,
      });
    };
  }, [editorStore, planStore]);
}

/** The comparison state after a worker message about the current comparison. */
export function comparisonUpdate(message: CompareResponse): Partial<ComparisonState> {
  switch (message.type) {
    case 'compare-progress':
      return { progress: message.progress };
    case 'compared':
      return { running: false, progress: null, error: null, result: message.comparison, ms: message.ms };
    case 'compare-failed':
      return {
        running: false,
        progress: null,
        error:
          'problems' in message
            ? describeProblems(message.problems, 8, 'it cannot be compared')
            : `The comparison failed: ${message.message}`,
      };
  }
}
