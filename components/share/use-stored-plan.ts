'use client';
/**
 * The share page's plan: the one stored on the server (app/s/[token]/plan, computed once by a plan
 * worker), never re-simulated in this browser. While the server computes it the page says so and
 * asks again (each ask waits on the server up to 15 s); if the server's job failed, the page falls
 * back to planning in this browser (`source: 'browser'`) and says why.
 */
import { useEffect, useState } from 'react';
import type { Plan } from '@/core/model';
import { usePlanStore } from '@/components/editor/editor-context';
import { decodeSeries, type EncodedSeries } from './series-codec';

export type StoredPlanState =
  { source: 'server'; status: 'queued' | 'running' | 'done' } | { source: 'browser'; reason: string };

interface PlanAnswer {
  status: 'queued' | 'running' | 'done' | 'failed';
  error: string | null;
  plan?: Plan;
  series?: EncodedSeries;
}

/** Pause between asks that found the job still waiting (the server already held each ask a while). */
const RETRY_MS = 1_000;

export function useStoredPlan(planPath: string): StoredPlanState {
  const planStore = usePlanStore();
  const [state, setState] = useState<StoredPlanState>({ source: 'server', status: 'queued' });
  useEffect(() => {
    const controller = new AbortController();
    const ask = async (): Promise<void> => {
      planStore.setState({ running: true, progress: null, error: null });
      for (;;) {
        const res = await fetch(`${planPath}&wait=1`, { signal: controller.signal });
        if (!res.ok) throw new Error(res.status === 429 ? await res.text() : `the server answered ${res.status}`);
        const answer = (await res.json()) as PlanAnswer;
        if (answer.status === 'done' && answer.plan && answer.series) {
          const result = { plan: answer.plan, series: decodeSeries(answer.series) };
          planStore.setState({ result, running: false, progress: null, error: null, lastRunMs: null });
          setState({ source: 'server', status: 'done' });
          return;
        }
        if (answer.status === 'failed') {
          setState({ source: 'browser', reason: answer.error ?? 'the server could not compute it' });
          return;
        }
        setState({ source: 'server', status: answer.status === 'running' ? 'running' : 'queued' });
        await new Promise((resolve) => setTimeout(resolve, RETRY_MS));
      }
    };
    ask().catch((error: unknown) => {
      if (controller.signal.aborted) return;
      setState({ source: 'browser', reason: error instanceof Error ? error.message : String(error) });
    });
    return () => controller.abort();
  }, [planPath, planStore]);
  return state;
}
