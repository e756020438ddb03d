/**
 * OptionStats.shiftParts: a burst's requests delayed in parts, each side by its own calls across the
 * link. Its percentiles must be those of the delayed mixture, found here independently by bisection
 * on the mixture's survival; shifted whole by the larger delay, a burst whose cloud served 6 % read
 * every request that much later.
 */
import { describe, expect, it } from 'vitest';
import { makeContext, makeLoad } from '../testing/load-fixture';
import { OptionStats } from './option-stats';
import { simulateStatic } from './simulate-static';

/** One core of 20 ms at 5 requests a second: ρ 0.1, an M/M/1 response Exp(μ − λ) to the bit. */
const steps = 24 * 60;
const load = makeLoad(() => 5, steps, { cpuMs: 20, durationMs: 20, functionDurationMs: 20, sloMs: 80 });
const rate = 1 / 20 - 5 / 1000; // per ms

/** The q-quantile of (1 − s)·Exp(rate) + s·(d + Exp(rate)), by bisection on its survival. */
function mixtureQuantile(q: number, s: number, d: number): number {
  const survival = (t: number) => (1 - s) * Math.exp(-rate * t) + s * (t <= d ? 1 : Math.exp(-rate * (t - d)));
  let lo = 0;
  let hi = 10_000;
  for (let i = 0; i < 200; i++) {
    const mid = (lo + hi) / 2;
    if (survival(mid) > 1 - q) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}

describe('a run delayed in parts', () => {
  const stats = simulateStatic(load, makeContext(steps), 1).stats;
  const base = stats.finish();

  it('has the percentiles of the delayed mixture', () => {
    for (const [s, d] of [
      [0.06, 60],
      [0.3, 60],
      [0.5, 10],
    ] as const) {
      const { figures, tailOffsetMs } = stats.shiftParts(base, s * d, [
        { share: 1 - s, delayMs: 0 },
        { share: s, delayMs: d },
      ]);
      for (const [q, got] of [
        [0.5, figures.p50LatencyMs],
        [0.95, figures.p95LatencyMs],
        [0.99, figures.p99LatencyMs],
      ] as const)
        expect(got).toBeCloseTo(mixtureQuantile(q, s, d), 1);
      expect(tailOffsetMs).toBeCloseTo(figures.p95LatencyMs - base.p95LatencyMs, 9);
      expect(figures.meanLatencyMs).toBeCloseTo(base.meanLatencyMs + s * d, 9);
    }
  });

  it('a few requests delayed move the median hardly at all, where a whole shift moved it by the delay', () => {
    const { figures } = stats.shiftParts(base, 3.6, [
      { share: 0.94, delayMs: 0 },
      { share: 0.06, delayMs: 60 },
    ]);
    expect(figures.p50LatencyMs - base.p50LatencyMs).toBeLessThan(3);
    expect(stats.shift(base, 3.6, 60).p50LatencyMs - base.p50LatencyMs).toBeCloseTo(60, 9);
    // And its minutes over the 80 ms target are counted against the p95's own shift: fewer.
    expect(figures.sloViolationMinutes).toBeLessThan(stats.shift(base, 3.6, 60).sloViolationMinutes);
  });

  it('asked again (a kept run in a later plan), answers the same from what it kept', () => {
    const near = { share: 0.8, delayMs: 5 };
    const parts = [near, { share: 0.2, delayMs: 40 }];
    const once = stats.shiftParts(base, 12, parts);
    const again = stats.shiftParts(base, 12, parts);
    expect(again).toEqual(once);
    // Another mean offset, the same percentiles; another split, other percentiles.
    expect(stats.shiftParts(base, 7, parts).figures.p95LatencyMs).toBe(once.figures.p95LatencyMs);
    expect(stats.shiftParts(base, 12, [near, { share: 0.2, delayMs: 80 }]).figures.p95LatencyMs).toBeGreaterThan(
      once.figures.p95LatencyMs,
    );
  });

  it('is shift() when every request pays the same delay', () => {
    const same = stats.shiftParts(base, 20, [
      { share: 0.7, delayMs: 20 },
      { share: 0.3, delayMs: 20 },
    ]);
    expect(same.figures).toEqual(stats.shift(base, 20, 20));
    expect(same.tailOffsetMs).toBe(20);
  });
});

describe("a burst side's own latency budget (largestSideDelay)", () => {
  const stats = simulateStatic(load, makeContext(steps), 1).stats;
  const base = stats.finish();
  const allowed = 30;
  const uniform = stats.largestShift(allowed);
  const minutesAt = (s: number, side: 'dc' | 'cloud', d: number) =>
    stats.shiftParts(
      base,
      0,
      side === 'cloud'
        ? [
            { share: 1 - s, delayMs: 0 },
            { share: s, delayMs: d },
          ]
        : [
            { share: 1 - s, delayMs: d },
            { share: s, delayMs: 0 },
          ],
    ).figures.sloViolationMinutes;

  it('is where the delayed mixture’s p95 has moved by the uniform budget, and no further', () => {
    expect(uniform).toBeGreaterThan(0);
    for (const [s, side] of [
      [0.06, 'cloud'],
      [0.3, 'cloud'],
      [0.3, 'dc'],
      [0.8, 'dc'],
    ] as const) {
      const d = stats.largestSideDelay(allowed, s, side);
      const x = side === 'cloud' ? s : 1 - s;
      // More than every request could take.
      expect(d).toBeGreaterThan(uniform);
      // The mixture of Exp(rate) and d + Exp(rate), solved apart from the engine: its p95 moved by the uniform budget.
      expect(mixtureQuantile(0.95, x, d) - base.p95LatencyMs).toBeCloseTo(uniform, 1);
      // Within it by what the assessment counts (shiftParts); a hundredth of a ms more is over.
      expect(minutesAt(s, side, d)).toBeLessThanOrEqual(allowed);
      expect(minutesAt(s, side, d + 0.5)).toBeGreaterThan(allowed);
    }
  });

  it('grows as the side serves fewer requests, and is unbounded for a side so small its delay cannot reach the p95', () => {
    const small = stats.largestSideDelay(allowed, 0.06, 'cloud');
    const large = stats.largestSideDelay(allowed, 0.3, 'cloud');
    expect(small).toBeGreaterThan(large);
    // The data centre's side of a burst whose cloud serves 30 % is 70 % of its requests.
    expect(stats.largestSideDelay(allowed, 0.3, 'dc')).toBeLessThan(large);
    // With 300 minutes allowed, delay 1 % of the requests past everything: the p95 is that of the
    // other 99 % (their 95.96th percentile), which still fits; at 30 minutes it does not.
    expect(stats.largestSideDelay(300, 0.01, 'cloud')).toBe(Infinity);
    expect(stats.largestSideDelay(allowed, 0.01, 'cloud')).toBeLessThan(Infinity);
    expect(minutesAt(0.01, 'cloud', 1e6)).toBeGreaterThan(allowed);
    expect(
      stats.shiftParts(base, 0, [
        { share: 0.99, delayMs: 0 },
        { share: 0.01, delayMs: 1e6 },
      ]).figures.sloViolationMinutes,
    ).toBeLessThanOrEqual(300);
    // A side with no requests takes any delay; the whole of them, the uniform budget.
    expect(stats.largestSideDelay(allowed, 0, 'cloud')).toBe(Infinity);
    expect(stats.largestSideDelay(allowed, 0, 'dc')).toBe(uniform);
  });
});

describe("a burst's queued requests on the side that served them", () => {
  it("a cloud pool's messages that waited are the cloud side's: its calls across the link delay them", () => {
    // 1,000 messages served by a burst's cloud pool after 10–20 s in its queue, and nothing else: with
    // the cloud side's requests 10⁷ ms later and the base's not at all, every percentile moves. (They
    // were recorded as the base's, so the cloud's calls across the link missed them: H38.)
    const stats = new OptionStats(60, Number.POSITIVE_INFINITY, 1, 1 / 20, 30_000);
    const cloud = OptionStats.collectorFor(stats, true);
    cloud.left({
      served: 1000,
      firstWait: 10,
      lastWait: 20,
      expired: 0,
      minutes: 1,
      mate: 0,
      mateP95: 0,
      windowArrived: 1000,
      windowExpired: 0,
      windowMinutes: 1,
      arrivedFrom: 0,
      arrivedTo: 60,
      walkDrift: 0,
      walkVariance: 0,
      walkRate: 0,
      walkLimit: 0,
    });
    expect(stats.finish().served).toBe(1000);
    const [p50, p95, p99] = stats.quantilesDelayedBy([{ share: 1, delayMs: 0 }], [{ share: 1, delayMs: 1e7 }]);
    for (const p of [p50, p95, p99]) expect(p).toBeGreaterThan(1e7);
    // And the base's delay does not reach them.
    const [b50] = stats.quantilesDelayedBy([{ share: 1, delayMs: 1e7 }], [{ share: 1, delayMs: 0 }]);
    expect(b50).toBeLessThan(1e5);
  });
});
