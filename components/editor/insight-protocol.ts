/**
 * Messages between the selected component's "What would change this?" panel and the insight worker
 * (insight-worker.ts), a worker of its own so that a search of a few seconds never holds up a re-plan.
 * One request at a time per panel: a new one (another component, an edited design) replaces the
 * worker rather than queueing behind it.
 */
import type { Placement, PlacementRanges, Problem, TippingPointEntry } from '@/core/model';

/** Panel → worker: the open design (unsaved edits included, unvalidated) and the component to search. */
export interface InsightRequest {
  type: 'insight';
  id: number;
  design: unknown;
  componentId: string;
}

/** Worker → panel. */
export type InsightResponse =
  | {
      type: 'insight-done';
      id: number;
      componentId: string;
      /** Its recommended placement in the plan the search started from. */
      placement: Placement;
      tippingPoints: TippingPointEntry[];
      ranges: PlacementRanges | null;
      /** Re-plans the search made, and how long it took. */
      replans: number;
      ms: number;
    }
  | { type: 'insight-failed'; id: number; problems: Problem[] }
  | { type: 'insight-failed'; id: number; message: string };
