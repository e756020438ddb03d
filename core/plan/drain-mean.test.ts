/**
 * A queue left from before draining on a pool so large that Erlang C reads 0 (found by fuzzing
 * random designs, H40): the walk of the queue weighs its wait by C at a rate in proportion to C, so
 * its mean was 0 ÷ 0, the option's mean latency NaN — shown as 0 next to a p50 of seconds, and a
 * reason reading "(NaN hours on average)". Its limit (the walk's mean, reach ÷ λ) read 1,757 s on
 * elastic VMs against the per-request simulator's 1,743 (`npm run simulate`, 3 days).
 */
import { describe, expect, it } from 'vitest';
import { drainingQueueDesign } from '../testing/design-fixture';
import { planDesign } from './plan-design';

describe('a queue draining where Erlang C reads 0', () => {
  it('keeps a mean latency for every option: positive where its median is, and no NaN in the reasons', () => {
    const r = planDesign(drainingQueueDesign());
    if (!r.ok) throw new Error(JSON.stringify(r.problems));
    const { plan } = r.value;
    for (const placement of plan.placements)
      for (const o of placement.options) {
        expect(Number.isFinite(o.meanLatencyMs)).toBe(true);
        // The messages' waits are long and skewed: their mean is not below their median.
        const p50 = o.p50LatencyMs ?? 0;
        if (p50 > 0) expect(o.meanLatencyMs).toBeGreaterThanOrEqual(p50);
      }
    const texts = plan.placements.flatMap((p) => p.reasons.map((x) => x.text));
    expect(texts.filter((t) => t.includes('NaN'))).toEqual([]);
  });
});
