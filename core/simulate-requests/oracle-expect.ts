/**
 * Issue 11's tolerances for the engine against the per-request simulator, as one check: mean and
 * p95 within 10 %; drops within 10 % (or, when few drop, within 0.1 % of all requests); SLO-violation
 * minutes within 10 % or 10 minutes — or within three standard deviations of the simulator's own
 * count, whichever is wider: each minute of a simulation violates or not by chance, so its count of
 * k violating minutes out of n is itself binomial, σ ≈ √(k(1 − k/n)); where the minutes sit near the
 * SLO (a p95 within a few per cent of it) that noise alone exceeds 10 minutes; against the mean of
 * `runs` seeds, √runs times less. Returns the misses, one line each, so a test shows them all.
 */
import type { ComparedFigures } from './compare-engine';

export function findMisses(engine: ComparedFigures, requests: ComparedFigures, minutes: number, runs = 1): string[] {
  const misses: string[] = [];
  const relative = (name: string, a: number, b: number, tolerance: number, floor = 0) => {
    if (Math.abs(a - b) > Math.max(tolerance * Math.abs(b), floor)) {
      misses.push(`${name}: engine ${a.toFixed(2)}, simulator ${b.toFixed(2)}`);
    }
  };
  relative('mean latency ms', engine.meanLatencyMs, requests.meanLatencyMs, 0.1);
  relative('p95 latency ms', engine.p95LatencyMs, requests.p95LatencyMs, 0.1);
  relative('dropped requests', engine.droppedRequests, requests.droppedRequests, 0.1, 1e-3 * requests.requests);
  const k = requests.sloViolationMinutes;
  const noise = 3 * Math.sqrt((k * Math.max(0, 1 - k / minutes)) / runs);
  relative('violation minutes', engine.sloViolationMinutes, k, 0.1, Math.max(10, noise));
  return misses;
}

/** The simulator's figures averaged over several seeds' runs (the engine computes expectations). */
export function averageFigures(runs: readonly ComparedFigures[]): ComparedFigures {
  const mean = (key: keyof ComparedFigures) => runs.reduce((sum, r) => sum + (r[key] ?? 0), 0) / runs.length;
  const first = runs[0];
  if (!first) throw new Error('averageFigures: no runs');
  const out: ComparedFigures = { ...first };
  for (const key of Object.keys(first) as (keyof ComparedFigures)[]) out[key] = mean(key);
  return out;
}
