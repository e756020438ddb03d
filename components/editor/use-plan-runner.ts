'use client';
/**
 * Keeps the open design's plan current: watches the editor store's document, waits for a pause in
 * the edits (debounce), and asks the plan worker for a fresh plan; the answer goes to the plan store.
 * The engine never runs on this thread. Only the newest run's answers are kept: a newer edit cancels
 * the run under way. Moving nodes (layout only) does not re-simulate. Use once, in the editor page,
 * inside <EditorProvider>.
 */
import { useEffect } from 'react';
import { changesPlan, describeProblems } from '@/core/edit';
import { useEditorStore, usePlanStore } from './editor-context';
import type { PlanRequest, PlanResponse } from './plan-protocol';

/** Quiet time after the last edit before a run starts (ms). Short: the inspector already coalesces typing. */
export const PLAN_DEBOUNCE_MS = 60;

export function usePlanRunner(): void {
  const editorStore = useEditorStore();
  const planStore = usePlanStore();

  useEffect(() => {
    const worker = new Worker(new URL('./plan-worker.ts', import.meta.url), { type: 'module', name: 'tidemark-plan' });
    let runId = 0;
    let startedAt = 0;
    let timer: ReturnType<typeof setTimeout> | null = null;

    const post = (request: PlanRequest) => worker.postMessage(request);

    const start = () => {
      timer = null;
      runId += 1;
      startedAt = performance.now();
      planStore.setState({ running: true, progress: null });
      post({ type: 'run', runId, design: editorStore.getState().design });
    };

    worker.onmessage = (event: MessageEvent<PlanResponse>) => {
      const message = event.data;
      if (message.runId !== runId || timer !== null) return; // stale: a newer run is due or under way
      if (message.type === 'progress') {
        planStore.setState({ progress: message.progress });
      } else if (message.type === 'done') {
        const points = Object.values(message.result.series.components)[0]?.static.demand.length ?? 0;
        const { timeIndex } = planStore.getState();
        planStore.setState({
          result: message.result,
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
      planStore.setState({
        progress: null,
        running: false,
        error: `The simulation worker stopped: ${event.message || 'unknown error'}`,
      });
    };

    const unsubscribe = editorStore.subscribe((state, prev) => {
      if (!changesPlan(prev.design, state.design)) return;
      if (timer !== null) clearTimeout(timer);
      else post({ type: 'cancel', runId }); // stop wasted work now; the next run starts after the pause
      planStore.setState({ running: true, progress: null });
      timer = setTimeout(start, PLAN_DEBOUNCE_MS);
    });

    start();
    return () => {
      unsubscribe();
      if (timer !== null) clearTimeout(timer);
      worker.terminate();
      planStore.setState({ running: false, progress: null });
    };
  }, [editorStore, planStore]);
}
