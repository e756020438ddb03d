/**
 * The second plan worker sends each component's runs only when they changed since the part it sent
 * before (shard-protocol.ts). Through structuredClone, as over the workers' MessageChannel: what the
 * plan worker rebuilds is the part as simulated, and after an edit the unchanged components' runs
 * are left out of the message; the plan gathered from it is the plan from nothing.
 */
import { describe, expect, it } from 'vitest';
import { EXAMPLE_DESIGNS } from '@/core/examples';
import { validateDesign, type Design } from '@/core/model';
import {
  assignShards,
  buildPlan,
  buildPlanSharded,
  createRunMemo,
  simulateShardAsync,
  type ShardResult,
} from '@/core/plan';
import { createPartReceiver, createPartSender, partBuffers } from './shard-protocol';

function example(key: string): Design {
  const found = EXAMPLE_DESIGNS.find((e) => e.key === key);
  const checked = found && validateDesign(found.design);
  if (!checked?.ok) throw new Error(`no valid example ${key}`);
  return checked.value;
}

const bytes = (x: unknown) =>
  JSON.stringify(x, (_k, v: unknown) => (v instanceof Float32Array || v instanceof Float64Array ? Array.from(v) : v));

describe('parts sent between the plan workers', () => {
  it('unchanged runs are left out after an edit, and the part and the plan come out whole', async () => {
    const design = example('hybrid-backend');
    const memo = createRunMemo();
    const send = createPartSender();
    const receive = createPartReceiver();
    const shard = { index: 1, count: 2 };
    let leftOut = 0;
    let demandLeftOut = 0;
    let facts = 0;
    // Parts the runner answered: an expectation failing inside it would only make buildPlanSharded
    // simulate the part itself, so each plan below checks that the runner got to its end.
    let answered = 0;
    const runner = async (d: Design): Promise<ShardResult> => {
      const part = await simulateShardAsync(d, shard, 720, { memo });
      // Posted as the second worker posts it: the series' copies transferred, one buffer a component.
      const sent = send(part);
      const buffers = partBuffers(sent);
      expect(buffers.length).toBe(Object.keys(sent.series).length);
      const delta = structuredClone(sent, { transfer: buffers });
      expect(buffers.every((b) => b.byteLength === 0)).toBe(true);
      leftOut = delta.facts.filter(([, f]) => f.runs === null).length;
      demandLeftOut = delta.facts.filter(([, f]) => f.demandByHour === null).length;
      facts = delta.facts.length;
      const got = receive(delta);
      // The part as simulated, its runs in the memo untouched by the transfer.
      expect(bytes(got)).toBe(bytes(part));
      answered += 1;
      return got;
    };

    expect(bytes((await buildPlanSharded(design, [runner])).plan)).toBe(bytes(buildPlan(design).plan));
    expect(answered).toBe(1);
    expect(leftOut).toBe(0);
    expect(demandLeftOut).toBe(0);
    const assigned = assignShards(
      design.components.map((c) => c.id),
      2,
    );
    const part = design.components.filter((c) => assigned.get(c.id) === 1);
    expect(part.length).toBeGreaterThan(1);

    // One component of the second part edited: every other of its components is left out.
    const target = part[0]?.id;
    const edited: Design = {
      ...design,
      components: design.components.map((c) =>
        c.id === target ? { ...c, demand: { ...c.demand, cpuMs: c.demand.cpuMs * 3 } } : c,
      ),
    };
    expect(bytes((await buildPlanSharded(edited, [runner])).plan)).toBe(bytes(buildPlan(edited).plan));
    expect(answered).toBe(2);
    expect(leftOut).toBeGreaterThanOrEqual(1);
    expect(leftOut).toBeLessThan(part.length);
    // A CPU time moves no demand: every component's demand by hour is left out too.
    expect(demandLeftOut).toBe(facts);

    // A rename changes no run: all are left out, and the plan still names it anew.
    const renamed: Design = {
      ...edited,
      components: edited.components.map((c) => (c.id === target ? { ...c, name: 'Renamed' } : c)),
    };
    expect(bytes((await buildPlanSharded(renamed, [runner])).plan)).toBe(bytes(buildPlan(renamed).plan));
    expect(answered).toBe(3);
    expect(leftOut).toBe(part.length);

    // Every entry's load doubled: the demand of every component it reaches is sent again.
    const busier: Design = {
      ...renamed,
      components: renamed.components.map((c) =>
        c.workload ? { ...c, workload: { ...c.workload, baseRps: c.workload.baseRps * 2 } } : c,
      ),
    };
    expect(bytes((await buildPlanSharded(busier, [runner])).plan)).toBe(bytes(buildPlan(busier).plan));
    expect(answered).toBe(4);
    expect(demandLeftOut).toBeLessThan(facts);
  });

  it('a receiver asked for runs it never got says so', () => {
    const receive = createPartReceiver();
    expect(() => receive({ facts: [['x', { runs: null } as never]], series: {} })).toThrow(/never sent/);
    expect(() => receive({ facts: [['y', { runs: [], demandByHour: null } as never]], series: {} })).toThrow(
      /demand of y it never sent/,
    );
  });
});
