import { describe, expect, it } from 'vitest';
import { moveComponents, NODE_SIZE, positionsOf, type Point } from '@/core/edit';
import { EXAMPLE_DESIGNS } from '@/core/examples';
import { designSchema, type Design, type Placement, type WiringElement } from '@/core/model';
import { buildPlan } from '@/core/plan';
import { laneLayout } from './lanes';
import { createWiringGrouper, type WiringGroup } from './wiring-groups';
import {
  createWiringPlacer,
  createWiringReceiver,
  createWiringRequester,
  type WiringInput,
  type WiringResponse,
} from './wiring-protocol';

/** The page, the worker and the messages between them (copied, as postMessage copies them). */
function workerPath() {
  const request = createWiringRequester();
  const placer = createWiringPlacer();
  const receive = createWiringReceiver();
  const responses: WiringResponse[] = [];
  return {
    responses,
    groups(input: WiringInput): WiringGroup[] {
      placer.take(structuredClone(request(input)));
      const response = structuredClone(placer.place());
      if (!response) throw new Error('no response');
      responses.push(response);
      return receive(response);
    },
  };
}

const examples = EXAMPLE_DESIGNS.map((e) => {
  const design = designSchema.parse(e.design);
  return [e.key, design, buildPlan(design).plan] as const;
});

/** A move of the example's first component 200 px right (a layout-only edit, as a drag makes). */
const moved = (d: Design): Design => {
  const first = d.components[0]?.id as string;
  const at = positionsOf(d).get(first) as Point;
  return moveComponents(d, { [first]: { x: at.x + 200, y: at.y } });
};

describe('the wiring worker path', () => {
  it.each(examples)(
    '%s: yields exactly what groupWiring yields, through a new plan, a move, the lanes view and back',
    (_key, design, plan) => {
      const direct = createWiringGrouper();
      const path = workerPath();
      const placements = new Map<string, Placement>(plan.placements.map((p) => [p.componentId, p.placement]));
      const lanes = laneLayout(
        design.components.map((c) => c.id),
        positionsOf(design),
        placements,
        NODE_SIZE,
      ).positions;
      const after = moved(design);
      const steps: WiringInput[] = [
        { design, wiring: plan.wiring, override: null },
        // A re-plan brings the same wiring as new objects; a rename brings a new design object; the last
        // plan drops an element (its group goes, or shrinks).
        { design: { ...design, name: 'Renamed' }, wiring: structuredClone(plan.wiring), override: null },
        { design: after, wiring: plan.wiring, override: null },
        { design: after, wiring: plan.wiring, override: lanes },
        { design: after, wiring: plan.wiring, override: null },
        { design, wiring: plan.wiring.slice(1), override: null },
      ];
      expect(plan.wiring.length).toBeGreaterThan(0);
      for (const [k, step] of steps.entries()) {
        const want = direct(step.design, step.wiring, step.override);
        if (k === 0) expect(want.length).toBeGreaterThan(0);
        expect(path.groups(step), `step ${k}`).toEqual(want);
      }
    },
  );

  it('sends only what changed, and keeps the objects of the groups that did not', () => {
    const [, design, plan] = examples.find(([key]) => key === 'cloud-bursting') ?? examples[0]!;
    const request = createWiringRequester();
    const first = request({ design, wiring: plan.wiring, override: null });
    expect(Object.keys(first.design ?? {}).sort()).toEqual(Object.keys(design).sort());
    expect(first.wiring).toBe(plan.wiring);
    expect(first.override).toBeNull();
    const after = moved(design);
    const move = request({ design: after, wiring: plan.wiring, override: null });
    expect(move.design).toEqual({ layout: after.layout });
    expect(move).not.toHaveProperty('wiring');
    expect(move).not.toHaveProperty('override');
    const replanned: WiringElement[] = structuredClone(plan.wiring);
    expect(request({ design: after, wiring: replanned, override: null })).toEqual({ id: 3, wiring: replanned });

    const path = workerPath();
    const before = path.groups({ design, wiring: plan.wiring, override: null });
    // The same wiring as new objects (a re-plan that changed figures only): nothing travels back.
    const again = path.groups({ design, wiring: structuredClone(plan.wiring), override: null });
    expect(path.responses[1]?.changed).toEqual([]);
    again.forEach((g, i) => expect(g).toBe(before[i]));
    // A move: the groups it displaced travel, the others keep their objects.
    const shifted = path.groups({ design: after, wiring: plan.wiring, override: null });
    const travelled = new Set(path.responses[2]?.changed.map((g) => g.id));
    expect(travelled.size).toBeGreaterThan(0);
    shifted.forEach((g, i) => {
      if (travelled.has(g.id)) expect(g.position).not.toEqual(before[i]?.position);
      else expect(g).toBe(before[i]);
    });
  });

  it('takes a burst of requests in and answers once, for the latest', () => {
    const [, design, plan] = examples[0]!;
    const request = createWiringRequester();
    const placer = createWiringPlacer();
    placer.take(structuredClone(request({ design, wiring: plan.wiring, override: null })));
    placer.take(structuredClone(request({ design: moved(design), wiring: plan.wiring, override: null })));
    const response = placer.place();
    expect(response?.id).toBe(2);
    expect(createWiringReceiver()(response!)).toEqual(createWiringGrouper()(moved(design), plan.wiring));
  });
});
