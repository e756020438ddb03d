/**
 * Posting plans from a worker that keeps its runs (plan-protocol.ts): copies are transferred, so the
 * kept runs still hold their series; and only the placements and series that changed since the last
 * plan posted travel, the page rebuilding the rest from what it took in before.
 */
import { describe, expect, it } from 'vitest';
import { buildPlan, createRunMemo } from '@/core/plan';
import { validateDesign, type Design } from '@/core/model';
import { EXAMPLE_DESIGNS } from '@/core/examples';
import { createResultReceiver, createResultSender, postedBuffers } from './plan-protocol';

function example(index: number): Design {
  const checked = validateDesign((EXAMPLE_DESIGNS[index] as (typeof EXAMPLE_DESIGNS)[number]).design);
  if (!checked.ok) throw new Error('invalid example');
  return checked.value;
}

const bytes = (x: unknown) =>
  JSON.stringify(x, (_k, v: unknown) => (v instanceof Float32Array || v instanceof Float64Array ? Array.from(v) : v));

/** A worker's sender and a page's receiver, with postMessage's clone and transfer between them. */
function channel() {
  const memo = createRunMemo();
  const send = createResultSender();
  const receive = createResultReceiver();
  return (d: Design) => {
    const posted = send(buildPlan(d, { memo }));
    return { posted, received: receive(structuredClone(posted, { transfer: postedBuffers(posted) })) };
  };
}

/** The design with its first leaf's CPU time multiplied by `factor`, and that leaf. */
function withLeafCpu(design: Design, factor: number): { edited: Design; leaf: string } {
  const leaf = design.components.find((c) => !design.connections.some((k) => k.from === c.id));
  if (!leaf) throw new Error('no leaf');
  const components = design.components.map((c) =>
    c.id === leaf.id ? { ...c, demand: { ...c.demand, cpuMs: c.demand.cpuMs * factor } } : c,
  );
  return { edited: { ...design, components }, leaf: leaf.id };
}

describe('posting a plan from a worker that keeps its runs', () => {
  it('transfers copies: the runs kept for the next plan still hold their chart series', () => {
    const design = example(0);
    const memo = createRunMemo();
    const first = buildPlan(design, { memo });
    const posted = createResultSender()(first);
    const buffers = postedBuffers(posted);
    expect(buffers.length).toBeGreaterThan(0);
    // What postMessage does to a transfer list: the posted buffers are detached.
    const received = createResultReceiver()(structuredClone(posted, { transfer: buffers }));
    expect(buffers.every((b) => b.byteLength === 0)).toBe(true);
    expect(bytes(received)).toBe(bytes(buildPlan(design)));
    // The next plan reuses the kept runs, and their series are whole.
    const second = buildPlan(design, { memo });
    expect(memo.reused).toBeGreaterThan(0);
    expect(bytes(second)).toBe(bytes(received));
  });

  it("puts each component's series in one buffer of its own, so the transfer list has one a component", () => {
    const design = example(2);
    const posted = createResultSender()(buildPlan(design));
    const buffers = postedBuffers(posted);
    const components = Object.values(posted.series.changed);
    expect(buffers.length).toBe(components.length);
    const owners = new Map<ArrayBuffer, number>();
    components.forEach((options, k) => {
      for (const s of Object.values(options))
        for (const a of [s.demand, s.capacity, s.latencyMs, s.dropped, s.sloMinutes]) {
          expect(owners.get(a.buffer as ArrayBuffer) ?? k).toBe(k);
          owners.set(a.buffer as ArrayBuffer, k);
        }
    });
    expect(owners.size).toBe(components.length);
  });

  it('sends only the series that changed; the page rebuilds every plan whole, stale ones included', () => {
    const design = example(2);
    const post = channel();
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
    const { edited, leaf } = withLeafCpu(renamed, 2);
    const third = post(edited);
    const changed = Object.keys(third.posted.series.changed);
    expect(changed).toContain(leaf);
    expect(changed.length).toBeLessThan(ids.length);
    expect(bytes(third.received)).toBe(bytes(buildPlan(edited)));
  });

  it('sends only the placements that changed; the page keeps the others, the same objects', () => {
    const design = example(2);
    const post = channel();
    const first = post(design);
    const ids = first.posted.placements.order;
    expect(ids).toEqual(design.components.map((c) => c.id));
    expect(first.posted.placements.changed.map((e) => e.componentId)).toEqual(ids);

    // The same design again: nothing travels, and the page's plan is whole, entry for entry the same objects.
    const again = post(design);
    expect(again.posted.placements.changed).toEqual([]);
    expect(bytes(again.received)).toBe(bytes(first.received));
    again.received.plan.placements.forEach((e, i) => expect(e).toBe(first.received.plan.placements[i]));

    // A leaf's CPU time: its entry travels (its cost moved), not every entry; the page's plan is the
    // plan of the edited design byte for byte, and an entry that stayed is the object it held.
    const { edited, leaf } = withLeafCpu(design, 3);
    const third = post(edited);
    const travelled = third.posted.placements.changed.map((e) => e.componentId);
    expect(travelled).toContain(leaf);
    expect(travelled.length).toBeLessThan(ids.length);
    expect(bytes(third.received)).toBe(bytes(buildPlan(edited)));
    third.received.plan.placements.forEach((e, i) => {
      if (!travelled.includes(e.componentId)) expect(e).toBe(again.received.plan.placements[i]);
      else expect(e).not.toBe(again.received.plan.placements[i]);
    });
  });

  it('one worker, different designs one after another (a comparison): each plan rebuilt whole', () => {
    const shop = example(0);
    const other = example(2);
    const post = channel();
    for (const d of [shop, other, other, shop]) {
      const { posted, received } = post(d);
      // What travels is not a plan: only the receiver makes it one.
      expect(posted.plan.placements).toBeNull();
      expect(received.plan.placements.map((e) => e.componentId)).toEqual(d.components.map((c) => c.id));
      expect(bytes(received)).toBe(bytes(buildPlan(d)));
    }
  });

  it('a page asked to keep series or placements it never received says so', () => {
    const plan = { placements: null } as never;
    const series = { pointMinutes: 60, order: ['a'], changed: {} };
    const noPlacements = { order: [], changed: [] };
    expect(() => createResultReceiver()({ plan, placements: noPlacements, series })).toThrow(
      /series of a, never posted/,
    );
    const none = { pointMinutes: 60, order: [], changed: {} };
    expect(() => createResultReceiver()({ plan, placements: { order: ['b'], changed: [] }, series: none })).toThrow(
      /placement of b, never posted/,
    );
  });
});
