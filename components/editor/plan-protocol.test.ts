/**
 * Posting plans from a worker that keeps its runs (plan-protocol.ts): copies are transferred, so the
 * kept runs still hold their series; and only the series that changed since the last plan posted
 * travel, the page rebuilding the rest from what it took in before.
 */
import { describe, expect, it } from 'vitest';
import { buildPlan, createRunMemo } from '@/core/plan';
import { validateDesign, type Design } from '@/core/model';
import { EXAMPLE_DESIGNS } from '@/core/examples';
import { createSeriesReceiver, createSeriesSender, postedBuffers } from './plan-protocol';

function example(index: number): Design {
  const checked = validateDesign((EXAMPLE_DESIGNS[index] as (typeof EXAMPLE_DESIGNS)[number]).design);
  if (!checked.ok) throw new Error('invalid example');
  return checked.value;
}

const bytes = (x: unknown) =>
  JSON.stringify(x, (_k, v: unknown) => (v instanceof Float32Array || v instanceof Float64Array ? Array.from(v) : v));

describe('posting a plan from a worker that keeps its runs', () => {
  it('transfers copies: the runs kept for the next plan still hold their chart series', () => {
    const design = example(0);
    const memo = createRunMemo();
    const first = buildPlan(design, { memo });
    const posted = createSeriesSender()(first);
    const buffers = postedBuffers(posted);
    expect(buffers.length).toBeGreaterThan(0);
    // What postMessage does to a transfer list: the posted buffers are detached.
    const received = createSeriesReceiver()(structuredClone(posted, { transfer: buffers }));
    expect(buffers.every((b) => b.byteLength === 0)).toBe(true);
    expect(bytes(received)).toBe(bytes(buildPlan(design)));
    // The next plan reuses the kept runs, and their series are whole.
    const second = buildPlan(design, { memo });
    expect(memo.reused).toBeGreaterThan(0);
    expect(bytes(second)).toBe(bytes(received));
  });

  it('sends only the series that changed; the page rebuilds every plan whole, stale ones included', () => {
    const design = example(2);
    const memo = createRunMemo();
    const send = createSeriesSender();
    const receive = createSeriesReceiver();
    const post = (d: Design) => {
      const posted = send(buildPlan(d, { memo }));
      return { posted, received: receive(structuredClone(posted, { transfer: postedBuffers(posted) })) };
    };
    const ids = design.components.map((c) => c.id);
    const first = post(design);
    expect(Object.keys(first.posted.series.changed)).toEqual(first.posted.series.order);
    expect(bytes(first.received)).toBe(bytes(buildPlan(design)));

    // A rename changes no series: none travels, and the page still has them all, in order.
    const renamed: Design = { ...design, components: design.components.map((c, i) => (i ? c : { ...c, name: 'X' })) };
    const second = post(renamed);
    expect(Object.keys(second.posted.series.changed)).toEqual([]);
    expect(bytes(second.received)).toBe(bytes(buildPlan(renamed)));

    // A leaf's CPU time: its series travel, not all of them.
    const leaf = design.components.find((c) => !design.connections.some((k) => k.from === c.id));
    if (!leaf) throw new Error('no leaf');
    const edited: Design = {
      ...renamed,
      components: renamed.components.map((c) =>
        c.id === leaf.id ? { ...c, demand: { ...c.demand, cpuMs: c.demand.cpuMs * 2 } } : c,
      ),
    };
    const third = post(edited);
    const changed = Object.keys(third.posted.series.changed);
    expect(changed).toContain(leaf.id);
    expect(changed.length).toBeLessThan(ids.length);
    expect(bytes(third.received)).toBe(bytes(buildPlan(edited)));
  });

  it('a page asked to keep series it never received says so', () => {
    const posted = { plan: {} as never, series: { pointMinutes: 60, order: ['a'], changed: {} } };
    expect(() => createSeriesReceiver()(posted)).toThrow(/never posted/);
  });
});
