'use client';
/**
 * The share page's plan: the one stored on the server (app/s/[token]/plan, computed once by a plan
 * worker), never re-simulated in this browser. While the server computes it the page says so and
 * asks again (fetch-stored-plan.ts); if the server's job failed, the page falls back to planning in
 * this browser (`source: 'browser'`) and says why.
 */
import { useEffect, useState } from 'react';
import { usePlanStore } from '@/components/editor/editor-context';
import { fetchStoredPlan } from './fetch-stored-plan';

export type StoredPlanState =
  { source: 'server'; status: 'queued' | 'running' | 'done' } | { source: 'browser'; reason: string };

export function useStoredPlan(planPath: string): StoredPlanState {
  const planStore = usePlanStore();
  const [state, setState] = useState<StoredPlanState>({ source: 'server', status: 'queued' });
  useEffect(() => {
    const controller = new AbortController();
    planStore.setState({ running: true, progress: null, error: null });
    fetchStoredPlan(planPath, controller.signal, (status) => setState({ source: 'server', status }))
      .then((answer) => {
        if (!answer.ok) return setState({ source: 'browser', reason: answer.reason });
        planStore.setState({ result: answer.result, running: false, progress: null, error: null, lastRunMs: null });
        setState({ source: 'server', status: 'done' });
      })
      .catch((error: unknown) => {
        if (controller.signal.aborted) return;
        setState({ source: 'browser', reason: error instanceof Error ? error.message : String(error) });
      });
    return () => controller.abort();
  }, [planPath, planStore]);
  return state;
}
