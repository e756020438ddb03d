/**
 * Incremental re-planning (run-memo.ts): a plan made with the runs of earlier plans equals a plan
 * made from nothing, byte for byte, whatever the edit; and it simulates again only what the edit
 * changed — nothing for a rename or a price, the edited component and its callees for a load edit;
 * also after the plan worker's made-up edits and their undos, whole or cut short in the decision.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EXAMPLE_DESIGNS } from '../examples/index';
import type { Design, DesignInput } from '../model/design';
import { validateDesign } from '../model/validate';
import type { RunCache } from '../recommend/run-placement';
import { designArbOf } from '../testing/design-arbitrary';
import { priceDesign } from '../cost/tariff';
import type { ComponentLoad } from '../simulate/component-load';
import { PlanCancelledError, buildPlan, contextOf, type PlanResult } from './build-plan';
import { rehearsalEdit } from './rehearsal';
import { createRunMemo } from './run-memo';
import { createDemandMemo, requestOf, streamDemand, type DemandItem } from '../simulate/propagate-demand';

function validated(input: DesignInput): Design {
  const checked = validateDesign(input);
  if (!checked.ok) throw new Error(`invalid design: ${JSON.stringify(checked.problems)}`);
  return checked.value;
}

const example = (key: string): Design => {
  const found = EXAMPLE_DESIGNS.find((e) => e.key === key);
  if (!found) throw new Error(`no example ${key}`);
  return validated(found.design);
};

/** The plan and its chart series as one string (typed arrays as lists), for byte-for-byte equality. */
function bytesOf(result: PlanResult): string {
  return JSON.stringify(result, (_key, value: unknown) =>
    value instanceof Float32Array || value instanceof Float64Array ? Array.from(value) : value,
  );
}

/** A memo that counts the runs it had to simulate. */
function countingMemo(): { memo: RunCache; simulated: () => number } {
  const memo = createRunMemo();
  let simulated = 0;
  const set = memo.runs.set.bind(memo.runs);
  memo.runs.set = (key, value) => {
    simulated++;
    return set(key, value);
  };
  return {
    memo,
    simulated: () => {
      const n = simulated;
      simulated = 0;
      return n;
    },
  };
}

/** Plans `design` with the memo and from nothing, expects them equal, returns the runs simulated. */
function replan(design: Design, counting: ReturnType<typeof countingMemo>): number {
  const incremental = buildPlan(design, { memo: counting.memo });
  const simulated = counting.simulated();
  expect(bytesOf(incremental)).toBe(bytesOf(buildPlan(design)));
  return simulated;
}

const withComponent = (design: Design, id: string, edit: (c: Design['components'][number]) => object): Design => ({
  ...design,
  components: design.components.map((c) => (c.id === id ? { ...c, ...edit(c) } : c)),
});

/** The leaf whose CPU time the canvas benchmark edits: a component that calls nothing. */
function leafOf(design: Design): Design['components'][number] {
  const leaf = design.components.find((c) => !design.connections.some((k) => k.from === c.id));
  if (!leaf) throw new Error('no leaf');
  return leaf;
}

/** `id` and every component downstream of it. */
function withCallees(design: Design, id: string): Set<string> {
  const found = new Set<string>([id]);
  for (let grew = true; grew;) {
    grew = false;
    for (const k of design.connections)
      if (found.has(k.from) && !found.has(k.to)) {
        found.add(k.to);
        grew = true;
      }
  }
  return found;
}

describe('re-planning with the runs of earlier plans', () => {
  it('the hybrid backend: each edit re-simulates only what it changed, and the plan is the full plan', () => {
    const counting = countingMemo();
    const design = example('hybrid-backend');
    const first = replan(design, counting);
    expect(first).toBeGreaterThanOrEqual(3 * design.components.length);
    // Renamed and moved: nothing to simulate.
    const renamed = withComponent(design, 'erp', () => ({ name: 'ERP (renamed)' }));
    const moved: Design = {
      ...renamed,
      layout: Object.fromEntries(design.components.map((c, i) => [c.id, { x: i * 40, y: 7 }])),
    };
    expect(replan(moved, counting)).toBe(0);
    // A price: billed again, not simulated again.
    const pricier: Design = {
      ...moved,
      environments: {
        ...moved.environments,
        static: { ...moved.environments.static, coreMonthlyCost: 31 },
        vm: { ...moved.environments.vm, hourlyPrice: 0.2 },
        functions: { ...moved.environments.functions, gbSecondPrice: 0.00002 },
      },
    };
    expect(replan(pricier, counting)).toBe(0);
    // A leaf's CPU time: that component alone (its four options, a tuned VM run or two at most).
    const leaf = design.components.find((c) => !design.connections.some((k) => k.from === c.id));
    if (!leaf) throw new Error('no leaf');
    const slower = withComponent(pricier, leaf.id, (c) => ({ demand: { ...c.demand, cpuMs: c.demand.cpuMs * 2 } }));
    const leafRuns = replan(slower, counting);
    expect(leafRuns).toBeGreaterThanOrEqual(3);
    expect(leafRuns).toBeLessThan(first / 2);
    // Back to the first design: its runs were let go after the edit, so they are simulated again.
    expect(replan(design, counting)).toBeGreaterThan(0);
  });

  it('the examples: a workload edit at an entry re-simulates the entry and its callees, nothing else', () => {
    for (const { key } of EXAMPLE_DESIGNS) {
      const counting = countingMemo();
      const design = example(key);
      replan(design, counting);
      const entry = design.components.find((c) => c.workload !== undefined);
      if (!entry?.workload) throw new Error(`${key}: no entry`);
      const callees = withCallees(design, entry.id);
      const busier = withComponent(design, entry.id, (c) => ({
        workload: {
          ...c.workload,
          baseRps: (c.workload?.baseRps ?? 1) * 1.5,
          peakRps: (c.workload?.peakRps ?? 1) * 1.5,
        },
      }));
      const runs = replan(busier, counting);
      expect(runs).toBeGreaterThan(0);
      // At most the four options and the tuned VM runs of each component whose load changed.
      expect(runs).toBeLessThanOrEqual(12 * callees.size);
      if (callees.size < design.components.length) expect(runs).toBeLessThan(4 * design.components.length);
    }
  });

  it('random designs and random edits: the plan with the memo is the plan from nothing', () => {
    fc.assert(
      fc.property(
        designArbOf(5),
        fc.array(
          fc.tuple(
            fc.nat(),
            fc.constantFrom(
              'cpu',
              'peak',
              'hour',
              'name',
              'slo',
              'price',
              'drop',
              'data',
              'state',
              'calls',
              'mode',
              'seed',
            ),
          ),
          {
            minLength: 1,
            maxLength: 4,
          },
        ),
        (input, edits) => {
          const checked = validateDesign(input);
          if (!checked.ok || checked.value.components.length === 0) return;
          const counting = countingMemo();
          let design = checked.value;
          replan(design, counting);
          for (const [n, kind] of edits) {
            const target = design.components[n % design.components.length];
            if (!target) continue;
            if (kind === 'cpu')
              design = withComponent(design, target.id, (c) => ({
                demand: { ...c.demand, cpuMs: c.demand.cpuMs + 7 },
              }));
            else if (kind === 'peak' && target.workload)
              design = withComponent(design, target.id, (c) => ({
                workload: { ...c.workload, peakRps: (c.workload?.peakRps ?? 0) + 10 },
              }));
            // A planned peak moved: the callees' planned peaks (kept with their series) move with it.
            else if (kind === 'hour' && target.workload)
              design = withComponent(design, target.id, (c) => ({
                workload: { ...c.workload, peakStartHour: (c.workload?.peakStartHour ?? 1) + 1 + (n % 5) },
              }));
            else if (kind === 'name') design = withComponent(design, target.id, () => ({ name: `${target.name} 2` }));
            else if (kind === 'slo') design = withComponent(design, target.id, () => ({ latencySloMs: 150 }));
            else if (kind === 'price')
              design = {
                ...design,
                environments: {
                  ...design.environments,
                  static: { ...design.environments.static, coreMonthlyCost: 20 + (n % 50) },
                },
              };
            else if (kind === 'data') design = withComponent(design, target.id, (c) => ({ dataGb: c.dataGb + 5 }));
            else if (kind === 'state')
              design = withComponent(design, target.id, (c) => ({ stateful: !c.stateful, dataClass: 'regulated' }));
            else if (kind === 'drop' && design.connections.length > 0)
              design = { ...design, connections: design.connections.slice(1) };
            else if ((kind === 'calls' || kind === 'mode') && design.connections.length > 0) {
              const at = n % design.connections.length;
              design = {
                ...design,
                connections: design.connections.map((k, i) =>
                  i !== at
                    ? k
                    : kind === 'calls'
                      ? { ...k, callsPerRequest: k.callsPerRequest + 0.5 }
                      : { ...k, mode: k.mode === 'async' ? 'sync' : 'async' },
                ),
              };
            } else if (kind === 'seed')
              design = { ...design, simulation: { ...design.simulation, seed: design.simulation.seed + 1 } };
            replan(validated(design), counting);
          }
        },
      ),
      { numRuns: 30, seed: 11 },
    );
  });
});

describe('the decision kept across plans (option-memo.ts)', () => {
  const decision = (design: Design, patch: Partial<Design['environments']['decision']>): Design => ({
    ...design,
    environments: { ...design.environments, decision: { ...design.environments.decision, ...patch } },
  });

  it('edits of every kind it keys apart: each re-plan is the full plan, also from a copied design', () => {
    for (const { key } of EXAMPLE_DESIGNS) {
      const counting = countingMemo();
      const design = example(key);
      replan(design, counting);
      const leaf = leafOf(design);
      const entry = design.components.find((c) => c.workload !== undefined);
      if (!entry) throw new Error(`${key}: no entry`);
      const first = design.connections[0];
      if (!first) throw new Error(`${key}: no connection`);
      const edits: ((d: Design) => Design)[] = [
        (d) => withComponent(d, leaf.id, (c) => ({ demand: { ...c.demand, cpuMs: c.demand.cpuMs * 2 } })),
        (d) => withComponent(d, leaf.id, () => ({ name: `${leaf.name} (renamed)` })),
        (d) => ({
          ...d,
          environments: {
            ...d.environments,
            vm: { ...d.environments.vm, hourlyPrice: 0.2 },
            link: { ...d.environments.link, latencyMs: d.environments.link.latencyMs + 3 },
          },
        }),
        (d) => decision(d, { simplicityMargin: d.environments.decision.simplicityMargin + 0.15 }),
        (d) => decision(d, { sloMinuteShare: d.environments.decision.sloMinuteShare * 3 }),
        (d) =>
          withComponent(d, entry.id, (c) => ({
            workload: c.workload && { ...c.workload, peakRps: (c.workload.peakRps ?? 1) * 3 },
          })),
        (d) => ({
          ...d,
          connections: d.connections.map((k) => (k.id === first.id ? { ...k, payloadKb: k.payloadKb * 40 } : k)),
        }),
        (d) => ({ ...d, connections: d.connections.filter((k) => k.id !== first.id) }),
        // As the plan worker receives a design: every object a copy (structured clone), nothing edited.
        (d) => structuredClone(d),
        (d) => withComponent(d, leaf.id, (c) => ({ demand: { ...c.demand, cpuMs: c.demand.cpuMs / 2 } })),
        () => structuredClone(design),
      ];
      let edited = design;
      for (const edit of edits) {
        edited = validated(edit(edited));
        replan(edited, counting);
      }
    }
  });

  it('a leaf edit keeps the other components’ entries and makes the leaf’s again', () => {
    const design = example('hybrid-backend');
    const memo = createRunMemo();
    const before = buildPlan(design, { memo }).plan;
    const leaf = leafOf(design);
    const slower = withComponent(structuredClone(design), leaf.id, (c) => ({
      demand: { ...c.demand, cpuMs: c.demand.cpuMs * 2 },
    }));
    const after = buildPlan(validated(slower), { memo }).plan;
    const callers = new Set(design.connections.filter((k) => k.to === leaf.id).map((k) => k.from));
    for (const [i, entry] of after.placements.entries()) {
      const id = entry.componentId;
      if (id === leaf.id) expect(entry).not.toBe(before.placements[i]);
      else if (!callers.has(id)) expect(entry).toBe(before.placements[i]);
    }
  });
});

describe('demand kept across plans', () => {
  /** Every component's demand with the memo, checked against the demand from nothing; how many series were made. */
  function demandOf(design: Design, memo: ReturnType<typeof createDemandMemo>): number {
    let made = 0;
    const set = memo.series.set.bind(memo.series);
    memo.series.set = (key, value) => {
      made++;
      return set(key, value);
    };
    const kept: DemandItem[] = [...streamDemand(design, memo)];
    memo.series.set = set;
    const fresh = new Map<string, string>();
    for (const item of streamDemand(design)) fresh.set(item.id, bytesOf(item as unknown as PlanResult));
    expect(kept.map((item) => item.id)).toEqual([...fresh.keys()]);
    for (const item of kept) expect(bytesOf(item as unknown as PlanResult)).toBe(fresh.get(item.id));
    return made;
  }

  it('an edit makes again only the series it changes: none for a CPU time, the entry and its callees for a load', () => {
    const design = example('hybrid-backend');
    const memo = createDemandMemo();
    expect(demandOf(design, memo)).toBe(design.components.length);
    expect(
      demandOf(
        withComponent(design, design.components[0]?.id ?? '', () => ({ name: 'x' })),
        memo,
      ),
    ).toBe(0);
    for (const c of design.components)
      expect(
        demandOf(
          withComponent(design, c.id, (x) => ({ demand: { ...x.demand, cpuMs: x.demand.cpuMs + 3 } })),
          memo,
        ),
      ).toBe(0);
    const entry = design.components.find((c) => c.workload !== undefined);
    if (!entry?.workload) throw new Error('no entry');
    const callees = withCallees(design, entry.id);
    const busier = withComponent(design, entry.id, (c) => ({
      workload: { ...c.workload, peakRps: (c.workload?.peakRps ?? 1) * 2 },
    }));
    expect(demandOf(busier, memo)).toBe(callees.size);
    // A connection's calls per request: its callee and everything downstream of it.
    const first = design.connections[0];
    if (!first) throw new Error('no connection');
    const more: Design = {
      ...busier,
      connections: busier.connections.map((k) => (k === first ? { ...k, callsPerRequest: k.callsPerRequest * 2 } : k)),
    };
    expect(demandOf(more, memo)).toBeGreaterThan(0);
    expect(demandOf(more, memo)).toBe(0);
  });
});

describe('the run memo key', () => {
  it('tells apart loads that differ only in their planned peaks, and not copies of the same peaks', () => {
    const design = example('hybrid-backend');
    const c = design.components[0];
    if (!c) throw new Error('no component');
    const ctx = contextOf(priceDesign(design), 24);
    const total = new Float32Array([1, 2, 3, 4]);
    const load = (planned?: ComponentLoad['planned']): ComponentLoad => ({
      total,
      async: null,
      ...requestOf(c),
      peakRps: 4,
      planned,
    });
    const memo = createRunMemo();
    const key = (planned?: ComponentLoad['planned']) => memo.fingerprintOf?.(c, load(planned), ctx);
    const peak = { startSeconds: 0, endSeconds: 3600, peakRps: 4 };
    expect(key([peak])).toBe(key([{ ...peak }]));
    expect(key()).toBe(key([]));
    expect(key([peak])).not.toBe(key([]));
    expect(key([peak])).not.toBe(key([{ ...peak, endSeconds: 7200 }]));
    expect(key([peak])).not.toBe(key([{ ...peak, peakRps: 3 }]));
  });
});

describe('the plan worker’s rehearsals through the author’s memo (rehearsal.ts)', () => {
  const design = example('hybrid-backend');
  const leaf = leafOf(design).id;
  const edit = (d: Design): Design => ({
    ...d,
    components: d.components.map((c) => (c.id === leaf ? { ...c, demand: { ...c.demand, cpuMs: 33 } } : c)),
  });

  it('whole rounds (edit, then the design again): the next edit’s plan is the plan from nothing', () => {
    const memo = createRunMemo();
    const first = buildPlan(design, { memo });
    for (let round = 0; round < 3; round++) {
      const rehearsed = buildPlan(rehearsalEdit(design, round) as Design, { memo });
      expect(bytesOf(rehearsed)).not.toBe(bytesOf(first));
      expect(bytesOf(buildPlan(design, { memo }))).toBe(bytesOf(first));
    }
    expect(bytesOf(buildPlan(edit(design), { memo }))).toBe(bytesOf(buildPlan(edit(design))));
  });

  it('a round cut short at any stage of its decision: the next plans are the plans from nothing', () => {
    // The steps of a whole plan, the decision's stages last among them: nine of them between the
    // simulation's end and the wiring (decidePlanSteps), so that a newer run gets in between.
    let steps = 0;
    const phases: string[] = [];
    buildPlan(design, { isCancelled: () => (steps++, false), onProgress: (p) => phases.push(p.phase) });
    expect(phases.slice(-12)).toEqual(['simulate', ...Array<string>(10).fill('placement'), 'wiring']);
    const cuts = [1, 2, 3, 5, 7, 9].map((fromEnd) => steps - fromEnd);
    const edited = bytesOf(buildPlan(edit(design)));
    const whole = bytesOf(buildPlan(design));
    for (const cut of cuts) {
      const memo = createRunMemo();
      buildPlan(design, { memo });
      let k = 0;
      expect(() => buildPlan(rehearsalEdit(design, 0) as Design, { memo, isCancelled: () => k++ >= cut })).toThrow(
        PlanCancelledError,
      );
      expect(bytesOf(buildPlan(edit(design), { memo }))).toBe(edited);
      expect(bytesOf(buildPlan(design, { memo }))).toBe(whole);
    }
  });
});
