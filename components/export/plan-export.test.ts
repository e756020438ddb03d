/**
 * The exported plan carries the "What would change this?" answers that are current (issue: an export
 * after a search had no tippingPoints), and only those: an answer for a design that has been edited
 * since, or one that started from another placement, is left out — absent means not searched.
 */
import { describe, expect, it } from 'vitest';
import { hybridBackend } from '@/core/examples';
import { designSchema, hashDesign, planSchema, type Design } from '@/core/model';
import { buildInsight, buildPlan } from '@/core/plan';
import type { ComponentInsight } from '@/components/editor/plan-store';
import { planForDesign } from './plan-export';

const design = designSchema.parse(hybridBackend);
const result = buildPlan(design);
const id = 'analytics';

/** What the insight worker answers for one component (insight-worker.ts), from the same engine. */
function answerFor(asked: Design): ComponentInsight {
  const entry = buildInsight(asked, { componentIds: [id], seeds: 3 }).plan.placements.find(
    (p) => p.componentId === id,
  )!;
  return {
    design: asked,
    answer: {
      type: 'insight-done',
      id: 1,
      componentId: id,
      placement: entry.placement,
      tippingPoints: entry.tippingPoints ?? [],
      ranges: entry.ranges ?? null,
      total: null,
      moved: 0,
      replans: 1,
      ms: 1,
    },
  };
}

describe('planForDesign', () => {
  const kept = answerFor(design);

  it('exports the tipping points searched for the open design, valid against the plan schema', () => {
    const plan = planForDesign(result, design, { [id]: kept }, design);
    expect(planSchema.safeParse(plan).success).toBe(true);
    const entry = plan.placements.find((p) => p.componentId === id)!;
    // The premise: the search found something to export.
    expect(kept.answer.tippingPoints.length).toBeGreaterThan(0);
    expect(entry.tippingPoints).toEqual(kept.answer.tippingPoints);
    expect(entry.ranges).toEqual(kept.answer.ranges);
    // The components never searched say so by carrying none.
    for (const p of plan.placements.filter((x) => x.componentId !== id)) expect(p.tippingPoints).toBeUndefined();
    expect(plan.design.sha256).toBe(hashDesign(design));
  });

  it('exports no answer without a search: the plan as the engine made it', () => {
    expect(planForDesign(result, design)).toEqual({
      ...result.plan,
      design: { name: design.name, sha256: hashDesign(design) },
    });
  });

  it('leaves out an answer the open design has outgrown, and keeps one a move of nodes left true', () => {
    const edited: Design = { ...design, components: design.components.map((c) => ({ ...c })) };
    const stale = planForDesign(result, edited, { [id]: kept }, edited);
    expect(stale.placements.every((p) => p.tippingPoints === undefined)).toBe(true);
    const moved: Design = { ...design, layout: { ...design.layout, [id]: { x: 999, y: 999 } } };
    const still = planForDesign(result, moved, { [id]: kept }, moved);
    expect(still.placements.find((p) => p.componentId === id)!.tippingPoints).toEqual(kept.answer.tippingPoints);
  });

  it('leaves out an answer that started from another placement than the plan exported', () => {
    const other = { ...kept, answer: { ...kept.answer, placement: 'serverless' as const } };
    const plan = planForDesign(result, design, { [id]: other }, design);
    expect(plan.placements.find((p) => p.componentId === id)!.tippingPoints).toBeUndefined();
  });
});
