import { describe, expect, it } from 'vitest';
import { CloudStepsBuilder } from './cloud-steps';
import { ResponseDist } from './response-dist';

/** The t at which a survival function falls to `target`, by bisection (an oracle that shares no code). */
function solve(survival: (t: number) => number, target: number): number {
  let lo = 0;
  let hi = 1e6;
  for (let i = 0; i < 200; i++) {
    const mid = (lo + hi) / 2;
    if (survival(mid) > target) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}

describe('ResponseDist delayed in parts', () => {
  // Exponential service of mean 10 ms: 70 % of requests delayed by 0, 30 % by 25 ms.
  const nu = 0.1;
  const parts = [
    { share: 0.7, delayMs: 0 },
    { share: 0.3, delayMs: 25 },
  ];
  const survival = (t: number) =>
    parts.reduce((s, p) => s + p.share * (t > p.delayMs ? Math.exp(-nu * (t - p.delayMs)) : 1), 0);

  it('reads the mixture’s own quantiles, made new or in a scratch that held more before', () => {
    const service = new ResponseDist().reset(nu).add(1, 0, 0);
    const made = service.delayedBy(parts);
    // A scratch grown by a larger distribution, then reset: nothing of it may remain.
    const scratch = new ResponseDist(2).reset(nu);
    for (let k = 0; k < 40; k++) scratch.add(1, 100 + k, 0.01);
    scratch.reset(nu).addDelayed(service, parts);
    for (const q of [0.5, 0.95, 0.99]) {
      const expected = solve(survival, 1 - q);
      expect(made.quantile(q)).toBeCloseTo(expected, 6);
      expect(scratch.quantile(q)).toBeCloseTo(expected, 6);
    }
    expect(scratch.size).toBe(2);
  });

  it('joins two sides, each delayed by its own parts, as joined() of each delayedBy()', () => {
    const base = new ResponseDist().reset(nu).add(3, 0, 0).add(1, 5, 0.05);
    const cloud = new ResponseDist().reset(nu).add(2, 40, 0);
    const cloudParts = [{ share: 1, delayMs: 12 }];
    const joined = ResponseDist.joined(base.delayedBy(parts), cloud.delayedBy(cloudParts));
    const scratch = new ResponseDist(1).reset(nu).addDelayed(base, parts).addDelayed(cloud, cloudParts);
    expect(scratch.size).toBe(joined.size);
    expect(scratch.total()).toBeCloseTo(6, 12);
    for (const q of [0.5, 0.95, 0.99]) expect(scratch.quantile(q)).toBe(joined.quantile(q));
  });
});

describe('CloudStepsBuilder reused', () => {
  const fill = (b: CloudStepsBuilder, steps: number[]) => {
    for (const i of steps) b.add(i, 60, 60, 10, 4, 5, 2);
    return b.finish(new Float32Array(200).fill(10), null, 200, 60);
  };

  it('gathers after reset() what a new builder gathers', () => {
    const reused = new CloudStepsBuilder();
    // More steps than its first arrays hold, so that it has grown before the reset.
    fill(
      reused,
      Array.from({ length: 150 }, (_, i) => i),
    );
    const again = fill(reused.reset(), [4, 9, 11]);
    const fresh = fill(new CloudStepsBuilder(), [4, 9, 11]);
    expect([...again.step]).toEqual([4, 9, 11]);
    expect(again).toEqual(fresh);
  });
});
