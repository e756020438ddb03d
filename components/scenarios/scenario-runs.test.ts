/**
 * The comparison's plans, made one after the other in one plan worker (scenario-runs.ts): each side is
 * given its whole plan — every component's placement — whichever plan the worker posted before it,
 * though the worker posts only what changed since its last plan (plan-protocol.ts).
 */
import { describe, expect, it } from 'vitest';
import { buildPlan, createRunMemo } from '@/core/plan';
import { validateDesign, type Design, type Plan } from '@/core/model';
import { cloudBursting, hybridBackend } from '@/core/examples';
import {
  createResultSender,
  postedBuffers,
  type PlanRequest,
  type PlanResponse,
} from '@/components/editor/plan-protocol';
import { createScenarioRuns, type SidePlan } from './scenario-runs';

function valid(input: unknown): Design {
  const checked = validateDesign(input);
  if (!checked.ok) throw new Error('invalid example');
  return checked.value;
}

const shop = valid(cloudBursting);
/** The shop with its cart's CPU time 25 → 250 ms, nothing else edited. */
const slowerCart: Design = {
  ...shop,
  components: shop.components.map((c) => (c.id === 'cart' ? { ...c, demand: { ...c.demand, cpuMs: 250 } } : c)),
};

const bytes = (x: unknown) => JSON.stringify(x);

/**
 * Compares `designs` as the page does, against a stand-in for the plan worker that plans as it does
 * (one run memo, one result sender for every run, postMessage's clone and transfer): the sides' plans.
 */
function compare(designs: readonly Design[]): Plan[] {
  const memo = createRunMemo();
  const send = createResultSender();
  const sides: SidePlan[] = designs.map(() => ({ state: 'waiting' }));
  const requests: PlanRequest[] = [];
  let finished = false;
  const runs = createScenarioRuns(designs, {
    post: (request) => requests.push(request),
    set: (side, plan) => (sides[side] = plan),
    finish: () => (finished = true),
  });
  runs.start();
  for (let request = requests.shift(); request; request = requests.shift()) {
    if (request.type !== 'run') throw new Error(`unexpected ${request.type}`);
    const posted = send(buildPlan(valid(request.design), { memo }));
    const done: PlanResponse = { type: 'done', runId: request.runId, result: posted, ms: 1 };
    runs.onMessage(structuredClone(done, { transfer: postedBuffers(posted) }));
  }
  expect(finished).toBe(true);
  return sides.map((s) => {
    if (s.state !== 'done') throw new Error(`a side not planned: ${JSON.stringify(s)}`);
    return s.plan;
  });
}

describe('the plans of two scenarios made in one plan worker', () => {
  it('a design compared with itself: both plans whole, every component placed', () => {
    for (const design of [shop, valid(hybridBackend)]) {
      const [before, after] = compare([design, design]);
      const whole = bytes(buildPlan(design).plan);
      expect(after?.placements.map((e) => e.componentId)).toEqual(design.components.map((c) => c.id));
      expect(bytes(before)).toBe(whole);
      expect(bytes(after)).toBe(whole);
    }
  });

  it('two revisions a CPU time apart, in either order: each side is the plan of its own design', () => {
    const shopPlan = bytes(buildPlan(shop).plan);
    const slowerPlan = bytes(buildPlan(slowerCart).plan);
    const [a, b] = compare([shop, slowerCart]);
    expect(bytes(a)).toBe(shopPlan);
    expect(bytes(b)).toBe(slowerPlan);
    const [c, d] = compare([slowerCart, shop]);
    expect(bytes(c)).toBe(slowerPlan);
    expect(bytes(d)).toBe(shopPlan);
  });
});
