/**
 * Messages between the selected component's "What would change this?" panel and the insight worker
 * (insight-worker.ts), a worker of its own so that a search of a few seconds never holds up a re-plan.
 * One request at a time per panel: a new one (another component, an edited design) replaces the
 * worker rather than queueing behind it.
 */
import type { Placement, PlacementRanges, Problem, TippingPointEntry, TotalsRange } from '@/core/model';

/**
 * Panel → worker: the open design (unsaved edits included, unvalidated) and the component to search;
 * no component: the whole design's cost range over seeds alone (the Decision tab's total).
 */
export interface InsightRequest {
  type: 'insight';
  id: number;
  design: unknown;
  componentId: string | null;
}

/** Worker → panel. */
export type InsightResponse =
  | {
      type: 'insight-done';
      id: number;
      componentId: string | null;
      /** Its recommended placement in the plan the search started from (a component's search). */
      placement: Placement | null;
      tippingPoints: TippingPointEntry[];
      ranges: PlacementRanges | null;
      /** The recommended total over the seeds, and how many components another seed would place elsewhere. */
      total: TotalsRange | null;
      moved: number;
      /** Re-plans the search made, and how long it took. */
      replans: number;
      ms: number;
    }
  | { type: 'insight-failed'; id: number; problems: Problem[] }
  | { type: 'insight-failed'; id: number; message: string };
