import { describe, expect, it } from 'vitest';
import { buildPlan, createRunMemo } from '@/core/plan';
import { validateDesign } from '@/core/model';
import { EXAMPLE_DESIGNS } from '@/core/examples';
import { seriesBuffers, withOwnSeries } from './plan-protocol';

describe('posting a plan from a worker that keeps its runs', () => {
  it('transfers copies: the runs kept for the next plan still hold their chart series', () => {
    const checked = validateDesign((EXAMPLE_DESIGNS[0] as (typeof EXAMPLE_DESIGNS)[number]).design);
    if (!checked.ok) throw new Error('invalid example');
    const memo = createRunMemo();
    const first = buildPlan(checked.value, { memo });
    const posted = withOwnSeries(first);
    const buffers = seriesBuffers(posted);
    expect(buffers.length).toBeGreaterThan(0);
    // What postMessage does to a transfer list: the posted buffers are detached.
    const received = structuredClone(posted, { transfer: buffers });
    expect(buffers.every((b) => b.byteLength === 0)).toBe(true);
    const [id, options] = Object.entries(first.series.components)[0] ?? [];
    if (!id || !options) throw new Error('no series');
    expect(options.static.demand.length).toBeGreaterThan(0);
    expect(Array.from(received.series.components[id]?.static.demand ?? [])).toEqual(Array.from(options.static.demand));
    // The next plan reuses the kept runs, and their series are whole.
    const second = buildPlan(checked.value, { memo });
    expect(memo.reused).toBeGreaterThan(0);
    expect(Array.from(second.series.components[id]?.static.demand ?? [])).toEqual(Array.from(options.static.demand));
  });
});
