/**
 * Asks the server for the stored plan of what a share link shows (app/s/[token]/plan, computed once by
 * a plan worker) until it is done: each ask waits on the server up to 15 s (`wait=1`), and one that
 * found the job still waiting is repeated a second later. The share page and a shared comparison read
 * their plans this way and never run the engine, unless the server's job failed.
 */
import type { Plan } from '@/core/model';
import type { PlanResult } from '@/core/plan';
import { decodeSeries, type EncodedSeries } from './series-codec';

interface PlanAnswer {
  status: 'queued' | 'running' | 'done' | 'failed';
  error: string | null;
  plan?: Plan;
  series?: EncodedSeries;
}

export type StoredPlanAnswer = { ok: true; result: PlanResult } | { ok: false; reason: string };

/** Pause between asks that found the job still waiting (the server already held each ask a while). */
const RETRY_MS = 1_000;

/**
 * The plan at `planPath` (`/s/<token>/plan?revision=<n>`), or why the server has none. `onWaiting`
 * hears the job's state while it is queued or running. Throws only when `signal` aborts it or the
 * server cannot be reached (then the reason is the caller's to show).
 */
export async function fetchStoredPlan(
  planPath: string,
  signal: AbortSignal,
  onWaiting: (status: 'queued' | 'running') => void = () => undefined,
): Promise<StoredPlanAnswer> {
  for (;;) {
    const res = await fetch(`${planPath}&wait=1`, { signal });
    if (!res.ok)
      return { ok: false, reason: res.status === 429 ? await res.text() : `the server answered ${res.status}` };
    const answer = (await res.json()) as PlanAnswer;
    if (answer.status === 'done' && answer.plan && answer.series)
      return { ok: true, result: { plan: answer.plan, series: decodeSeries(answer.series) } };
    if (answer.status === 'failed') return { ok: false, reason: answer.error ?? 'the server could not compute it' };
    onWaiting(answer.status === 'running' ? 'running' : 'queued');
    await new Promise((resolve) => setTimeout(resolve, RETRY_MS));
  }
}
