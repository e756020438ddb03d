/**
 * The plan as exported: the plan store's latest result for the design as it is now. Moving nodes
 * does not re-run the engine (layout cannot change a placement), so the stored plan may carry the
 * hash of the design before the move; it is re-hashed over the design being exported, so that a
 * plan's `design.sha256` always matches the design file exported beside it. A run under way is
 * waited for; a design the engine refused has no plan to export.
 */
import { hashDesign, type Design, type Plan } from '@/core/model';
import type { PlanResult } from '@/core/plan';
import type { PlanState, PlanStore } from '@/components/editor/plan-store';

export function planForDesign(result: PlanResult, design: Design): Plan {
  return { ...result.plan, design: { name: design.name, sha256: hashDesign(design) } };
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
