/**
 * The plan as exported: the plan store's latest result for the design as it is now. Moving nodes
 * does not re-run the engine (layout cannot change a placement), so the stored plan may carry the
 * hash of the design before the move; it is re-hashed over the design being exported, so that a
 * plan's `design.sha256` always matches the design file exported beside it. A run under way is
 * waited for; a design the engine refused has no plan to export.
 *
 * "What would change this?" answers go with it (`tippingPoints` and `ranges` of the components
 * searched, as `npm run plan -- --insight` writes them) while they are current: asked for a design
 * that plans as the open one, and starting from the placement this plan gives. Components never
 * searched, or searched before an edit that changes the plan, carry neither — in the plan schema's
 * words, absent means not searched. Export does not search itself: a search re-plans the design
 * dozens of times (seconds to minutes), and an export is the plan the editor shows.
 */
import { changesPlan } from '@/core/edit';
import { hashDesign, type Design, type Plan } from '@/core/model';
import type { PlanResult } from '@/core/plan';
import type { ComponentInsight, PlanState, PlanStore } from '@/components/editor/plan-store';

/**
 * `design`: the document as exported (validated, defaults filled in); `open`: the editor's own
 * document, which the answers' designs are compared with.
 */
export function planForDesign(
  result: PlanResult,
  design: Design,
  insights: Readonly<Record<string, ComponentInsight>> = {},
  open: Design = design,
): Plan {
  const placements = result.plan.placements.map((p) => {
    const kept = insights[p.componentId];
    if (!kept || changesPlan(kept.design, open) || kept.answer.placement !== p.placement) return p;
    const { tippingPoints, ranges } = kept.answer;
    return { ...p, tippingPoints, ...(ranges ? { ranges } : {}) };
  });
  return { ...result.plan, placements, design: { name: design.name, sha256: hashDesign(design) } };
}

const settled = (s: PlanState) => !s.running && (s.result !== null || s.error !== null);

/** The finished plan of the current design: waits for a run under way (up to `timeoutMs`). */
export function currentPlan(planStore: PlanStore, timeoutMs = 60_000): Promise<PlanResult> {
  return new Promise((resolve, reject) => {
    const finish = (s: PlanState) => {
      clearTimeout(timer);
      unsubscribe();
      if (s.error !== null || s.result === null) reject(new Error(s.error ?? 'There is no plan yet.'));
      else resolve(s.result);
    };
    const timer = setTimeout(() => {
      unsubscribe();
      reject(new Error('The simulation is still running; try the export again when it has finished.'));
    }, timeoutMs);
    const unsubscribe = planStore.subscribe((s) => {
      if (settled(s)) finish(s);
    });
    const now = planStore.getState();
    if (settled(now)) finish(now);
  });
}
