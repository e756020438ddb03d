import { jStat } from 'jstat';
import { describe, expect, it } from 'vitest';
import { CloudStepsBuilder } from '../simulate/cloud-steps';
import { stepLoadsOf } from '../simulate/step-loads';
import { addedByRouted, routedMinutes, sideDelays } from './call-delay-parts';

const L = 22;

/** Shares by delay, for comparing with closed forms. */
const byDelay = (parts: readonly { share: number; delayMs: number }[]) =>
  Object.fromEntries(parts.map((p) => [p.delayMs, Number(p.share.toFixed(12))]));

/** A burst's steps: `routed[i]` the share sent to the cloud in step i of `total` (1 req/s, 60 s steps). */
function stepsOf(total: number, routed: Record<number, number>) {
  const b = new CloudStepsBuilder();
  for (const [i, share] of Object.entries(routed)) b.add(Number(i), 60, 60, 1, 1, share, share);
  return b.finish(new Float32Array(total).fill(1), null, total, 60);
}

describe('the delays calls across the link add, side by side', () => {
  it('two calls to a callee answering a quarter in the cloud: the binomial, from the data centre', () => {
    const d = sideDelays({ sides: 'dc' }, [{ calls: 2, cloudShare: 0.25 }], L);
    expect(byDelay(d.dc)).toEqual({ 0: 0.5625, [L]: 0.375, [2 * L]: 0.0625 });
    expect(d.meanDc).toBeCloseTo(2 * 0.25 * L, 12);
    expect(d.cloud).toEqual([]);
  });

  it('from the cloud a call crosses when the callee answers in the data centre', () => {
    const d = sideDelays({ sides: 'cloud' }, [{ calls: 2, cloudShare: 0.25 }], L);
    expect(byDelay(d.cloud)).toEqual({ 0: 0.0625, [L]: 0.375, [2 * L]: 0.5625 });
  });

  it('0.2 calls a request: one call in five requests', () => {
    const d = sideDelays({ sides: 'dc' }, [{ calls: 0.2, cloudShare: 1 }], L);
    expect(byDelay(d.dc)).toEqual({ 0: 0.8, [L]: 0.2 });
  });

  it('two callees cross independently: their counts add', () => {
    const d = sideDelays(
      { sides: 'dc' },
      [
        { calls: 1, cloudShare: 0.5 },
        { calls: 1, cloudShare: 1 },
      ],
      L,
    );
    expect(byDelay(d.dc)).toEqual({ [L]: 0.5, [2 * L]: 0.5 });
  });

  it('a callee in the data centre adds nothing to a data-centre caller', () => {
    expect(sideDelays({ sides: 'dc' }, [{ calls: 3, cloudShare: 0 }], L).dc).toEqual([]);
  });

  it('ten thousand calls: at most 64 delays, the mean exact', () => {
    const d = sideDelays({ sides: 'dc' }, [{ calls: 10_000, cloudShare: 0.5 }], L);
    expect(d.dc.length).toBeLessThanOrEqual(64);
    expect(d.dc.reduce((s, p) => s + p.share, 0)).toBeCloseTo(1, 12);
    expect(d.meanDc / (5000 * L)).toBeCloseTo(1, 9);
    // The median's delay: 5,000 calls, within one group's width (about 14σ / 64 of 50 calls).
    let acc = 0;
    const median = d.dc.find((p) => (acc += p.share) >= 0.5)?.delayMs ?? 0;
    expect(Math.abs(median / L - 5000)).toBeLessThan(15);
  });

  it("a wide binomial read from the normal keeps the exact binomial's quantiles (2,000 calls, half crossing)", () => {
    const n = 2000;
    const d = sideDelays({ sides: 'dc' }, [{ calls: n, cloudShare: 0.5 }], 1);
    // The exact binomial's quantiles from its masses (log-gamma), counted apart.
    const exact = (q: number) => {
      let acc = 0;
      for (let k = 0; k <= n; k++) {
        acc += Math.exp(jStat.gammaln(n + 1) - jStat.gammaln(k + 1) - jStat.gammaln(n - k + 1) - n * Math.LN2);
        if (acc >= q) return k;
      }
      return n;
    };
    const read = (q: number) => {
      let acc = 0;
      return d.dc.find((p) => (acc += p.share) >= q)?.delayMs ?? Number.NaN;
    };
    // Within one group's width (14 standard deviations of 22 calls over 64 groups: about 5 calls).
    for (const q of [0.5, 0.95, 0.99]) expect(Math.abs(read(q) - exact(q))).toBeLessThan(6);
    expect(d.meanDc).toBeCloseTo(n / 2, 6);
  });

  it('a thousand callees of ten thousand calls each: still at most 64 delays, the mean exact', () => {
    const callees = Array.from({ length: 1000 }, (_, i) => ({ calls: 10_000, cloudShare: (i % 10) / 10 }));
    const d = sideDelays({ sides: 'dc' }, callees, 1);
    expect(d.dc.length).toBeLessThanOrEqual(64);
    const expected = callees.reduce((m, c) => m + c.calls * c.cloudShare, 0);
    expect(d.meanDc / expected).toBeCloseTo(1, 9);
  });

  it("a burst callee's calls cross together in its busy steps, not spread over the month", () => {
    // It sends all its calls to the cloud in 10 of 100 steps and none in the rest: a data-centre
    // caller's two calls both cross in a tenth of its requests (at a month's 10 % each, independently,
    // 1 % would pay both and 18 % one).
    const routed: Record<number, number> = {};
    for (let i = 40; i < 50; i++) routed[i] = 1;
    const steps = stepsOf(100, routed);
    const d = sideDelays({ sides: 'dc' }, [{ calls: 2, cloudShare: 0.1, steps }], L);
    expect(byDelay(d.dc)).toEqual({ 0: 0.9, [2 * L]: 0.1 });
    expect(d.meanDc).toBeCloseTo(2 * 0.1 * L, 12);
  });

  it("a burst caller's cloud side serves in the steps its callee bursts, and does not cross there", () => {
    // Both send half their requests to the cloud in the same 10 of 100 steps. The caller's cloud side
    // (5 % of its requests) calls a callee that answers half in the cloud: one call, crossing half the
    // time; its data-centre side crosses half the time in those steps and never in the rest.
    const routed: Record<number, number> = {};
    for (let i = 40; i < 50; i++) routed[i] = 0.5;
    const steps = stepsOf(100, routed);
    const d = sideDelays({ sides: 'both', steps }, [{ calls: 1, cloudShare: 0.05, steps }], L);
    expect(byDelay(d.cloud)).toEqual({ 0: 0.5, [L]: 0.5 });
    // Data-centre side: 95 % of requests, 5 of those (in the busy steps) crossing half the time.
    expect(d.dc.find((p) => p.delayMs === L)?.share).toBeCloseTo((10 * 0.5 * 0.5) / 95, 12);
    // A cloud side that met the callee's month-long share (5 %) would cross 95 % of the time.
    const spread = sideDelays({ sides: 'both', steps }, [{ calls: 1, cloudShare: 0.05 }], L);
    expect(spread.meanCloud).toBeCloseTo(0.95 * L, 12);
    expect(d.meanCloud).toBeCloseTo(0.5 * L, 12);
  });
});

describe('CloudStepsBuilder', () => {
  it('sums a step split in stretches, and the totals of every step', () => {
    const b = new CloudStepsBuilder();
    // Step 3 of 60 s at 10 req/s (4 sync): 20 s sending 5 a second to the cloud (2 sync), 40 s none.
    b.add(3, 60, 20, 10, 4, 5, 2);
    b.add(3, 60, 40, 10, 4, 0, 0);
    b.add(7, 60, 60, 10, 4, 10, 4);
    const s = b.finish(new Float32Array(10).fill(10), new Float32Array(10).fill(6), 10, 60);
    expect([...s.step]).toEqual([3, 7]);
    expect([...s.share]).toEqual([Math.fround(100 / 600), 1]);
    expect([...s.syncShare]).toEqual([Math.fround(40 / 240), 1]);
    expect(s.totalRequests).toBe(6000);
    expect(s.totalSync).toBe(2400);
  });
});

describe('the minutes in which calls to a burst callee reach the p95', () => {
  // Four calls a request; 60 s steps.
  const calls = 4;

  it("without the caller's reading, a step's minutes count where more than 5 % of requests cross", () => {
    // Step 3: 1 % of calls cross (read as 11/1024), 4.2 % of requests make one — not counted. Step 5:
    // half of them, so a request's four calls cross together often enough that the p95 pays all four
    // (P(K ≤ 3) = 15/16 < 95 %). Step 7: 2 % (read as 21/1024), 8 % of requests make one, almost none two.
    const steps = stepsOf(10, { 3: 0.01, 5: 0.5, 7: 0.02 });
    expect(routedMinutes([{ calls, steps }], null, L)).toEqual([
      { delayMs: 4 * L, minutes: 1, perMinute: Number.NaN },
      { delayMs: L, minutes: 1, perMinute: Number.NaN },
    ]);
  });

  it('calls to two callees make one minute: each under 5 %, together over', () => {
    const a = stepsOf(10, { 2: 0.03 });
    const b = stepsOf(10, { 2: 0.03 });
    expect(routedMinutes([{ calls: 1, steps: a }], null, L)).toEqual([]);
    expect(
      routedMinutes(
        [
          { calls: 1, steps: a },
          { calls: 1, steps: b },
        ],
        null,
        L,
      ),
    ).toEqual([{ delayMs: L, minutes: 1, perMinute: Number.NaN }]);
  });

  it("minutes in hours the caller has no requests are not the caller's; the others are at their hour's load", () => {
    // 120 one-minute steps: hours 0 and 1; the callee routes in both, the caller has requests in the second only.
    const steps = stepsOf(120, { 10: 0.5, 70: 0.5 });
    const demand = { requests: Float32Array.from([0, 3600]), stepSeconds: 60 };
    expect(routedMinutes([{ calls, steps }], demand, L)).toEqual([{ delayMs: 4 * L, minutes: 1, perMinute: 60 }]);
  });

  it("with the caller's steps, each routed minute is at its own step's load, not its hour's", () => {
    // One hour of one-minute steps: 10 requests a second, 100 in a five-minute peak (steps 30–34).
    const rps = Float32Array.from({ length: 60 }, (_, i) => (i >= 30 && i < 35 ? 100 : 10));
    const hour = Float32Array.from([rps.reduce((a, b) => a + b, 0) * 60]);
    const loads = stepLoadsOf(rps, 60, 60);
    const steps = stepsOf(60, { 12: 0.5, 31: 0.5, 32: 0.5 });
    const routed = routedMinutes([{ calls, steps }], { requests: hour, stepSeconds: 60, steps: loads }, L);
    expect(routed.map((r) => r.minutes)).toEqual([1, 2]);
    // Coded 0.27 % apart (step-loads.ts).
    expect(Math.abs((routed[0]?.perMinute ?? 0) / 600 - 1)).toBeLessThan(0.002);
    expect(Math.abs((routed[1]?.perMinute ?? 0) / 6000 - 1)).toBeLessThan(0.002);
    // Read by the hour, all three at its mean (1,050 a minute).
    expect(routedMinutes([{ calls, steps }], { requests: hour, stepSeconds: 60 }, L)).toEqual([
      { delayMs: 4 * L, minutes: 3, perMinute: 1050 },
    ]);
  });

  it('what they add to the p95 is read by the caller where it says, under 5 % too', () => {
    // Step 3: 1 % of the calls cross (4.2 % of the requests make one); step 5: half.
    const steps = stepsOf(10, { 3: 0.01, 5: 0.5 });
    const seen: number[] = [];
    const routed = routedMinutes([{ calls, steps }], null, L, (parts) => {
      const mean = parts.reduce((m, p) => m + p.share * p.delayMs, 0);
      seen.push(mean);
      return mean > L ? 7 : 3;
    });
    expect(routed).toEqual([
      { delayMs: 7, minutes: 1, perMinute: Number.NaN },
      { delayMs: 3, minutes: 1, perMinute: Number.NaN },
    ]);
    // The distributions of the steps' delays: four calls, each crossing with 11/1024, then a half.
    expect(seen[0]).toBeCloseTo((4 * 11 * L) / 1024, 9);
    expect(seen[1]).toBeCloseTo(2 * L, 9);
  });

  it('routed minutes add what their delay adds to the chance of a minute at their load', () => {
    // A caller whose quiet minutes (10 a minute) miss often and whose busy ones (1,000) never at 20
    // ms but always at 80.
    const chance = (perMinute: number, d: number) => (perMinute < 100 ? 0.3 + d / 1000 : d >= 80 ? 1 : 0);
    expect(addedByRouted([{ delayMs: 80, minutes: 10, perMinute: 1000 }], chance)).toBe(10);
    expect(addedByRouted([{ delayMs: 20, minutes: 10, perMinute: 1000 }], chance)).toBe(0);
    // Quiet minutes add only what 20 ms adds to their own chance: 2 %.
    expect(addedByRouted([{ delayMs: 20, minutes: 10, perMinute: 10 }], chance)).toBeCloseTo(0.2, 12);
    expect(
      addedByRouted(
        [
          { delayMs: 80, minutes: 3, perMinute: 1000 },
          { delayMs: 20, minutes: 10, perMinute: 1000 },
        ],
        chance,
      ),
    ).toBe(3);
    expect(addedByRouted([], chance)).toBe(0);
  });
});
