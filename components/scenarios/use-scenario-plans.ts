'use client';
/**
 * The plans of the two scenarios being compared. A shared comparison (`stored`: each side's share
 * link's plan path) reads the plans the server stored for its two links (fetch-stored-plan.ts) and
 * runs no engine, unless the server failed one. Otherwise they are made by the engine in the editor's
 * own plan worker (components/editor/plan-worker.ts: validate, then buildPlanAsync) — never on this
 * thread. One
 * worker plans the first design, then the second (scenario-runs.ts): the worker keeps the runs of its
 * earlier plans (core/plan/run-memo.ts), so the components two revisions share are simulated once. The
 * answer for each side is its whole plan, or why there is none.
 */
import { useEffect, useState } from 'react';
import type { Design } from '@/core/model';
import type { PlanResponse } from '@/components/editor/plan-protocol';
import { fetchStoredPlan } from '@/components/share/fetch-stored-plan';
import { createScenarioRuns, type SidePlan } from './scenario-runs';

export interface ScenarioPlans {
  before: SidePlan;
  after: SidePlan;
}

const START: ScenarioPlans = { before: { state: 'running', progress: null }, after: { state: 'waiting' } };
/** Both sides asked of the server at once. */
const FROM_SERVER: ScenarioPlans = {
  before: { state: 'running', progress: null },
  after: { state: 'running', progress: null },
};

export function useScenarioPlans(before: Design, after: Design, stored?: readonly [string, string]): ScenarioPlans {
  const [plans, setPlans] = useState<ScenarioPlans>(stored ? FROM_SERVER : START);
  // Whether this browser plans: always without stored plans, and when the server failed one of them.
  const [inBrowser, setInBrowser] = useState(!stored);
  const [storedBefore, storedAfter] = stored ?? [null, null];
  useEffect(() => {
    if (storedBefore === null || storedAfter === null || inBrowser) return;
    const controller = new AbortController();
    const toBrowser = () => {
      setPlans(START);
      setInBrowser(true);
    };
    const sides = ['before', 'after'] as const;
    Promise.all(
      [storedBefore, storedAfter].map((path, i) =>
        fetchStoredPlan(path, controller.signal).then((answer) => {
          if (answer.ok) setPlans((p) => ({ ...p, [sides[i] as string]: { state: 'done', plan: answer.result.plan } }));
          return answer.ok;
        }),
      ),
    )
      .then((done) => {
        if (done.includes(false)) toBrowser();
      })
      .catch(() => {
        if (!controller.signal.aborted) toBrowser();
      });
    return () => controller.abort();
  }, [storedBefore, storedAfter, inBrowser]);
  useEffect(() => {
    if (!inBrowser) return;
    const worker = new Worker(new URL('../editor/plan-worker.ts', import.meta.url), {
      type: 'module',
      name: 'tidemark-compare',
    });
    const runs = createScenarioRuns([before, after], {
      post: (request) => worker.postMessage(request),
      set: (i, plan) => setPlans((p) => ({ ...p, [i === 0 ? 'before' : 'after']: plan })),
      finish: () => worker.terminate(),
    });
    worker.onmessage = (event: MessageEvent<PlanResponse>) => runs.onMessage(event.data);
    worker.onerror = (event) => {
      event.preventDefault();
      const failed: SidePlan = {
        state: 'failed',
        message: `The simulation worker stopped: ${event.message || 'unknown error'}`,
      };
      setPlans((p) => ({
        before: p.before.state === 'done' ? p.before : failed,
        after: p.after.state === 'done' ? p.after : failed,
      }));
    };
    runs.start();
    return () => worker.terminate();
  }, [before, after, inBrowser]);
  return plans;
}
