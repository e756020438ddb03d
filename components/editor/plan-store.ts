/**
 * The latest simulation of the open design: written by the plan runner (Web Worker), read by the
 * canvas (placement colours, wiring, timeline) and the results panels. Not part of undo history.
 */
import { createStore } from 'zustand/vanilla';
import type { PlanProgress, PlanResult } from '@/core/plan';

export interface PlanState {
  /** The last finished plan, kept on screen while a newer run is under way. */
  result: PlanResult | null;
  /** Set while a run is under way. */
  progress: PlanProgress | null;
  running: boolean;
  /** Why the last run could not finish (invalid design, engine error), in plain words. */
  error: string | null;
  /** Milliseconds the last run took, end to end (debounce excluded). */
  lastRunMs: number | null;
  /** Chart point shown by the timeline scrubber; null = no replay (colour by placement). */
  timeIndex: number | null;
  setTimeIndex: (index: number | null) => void;
}

export function createPlanStore() {
  return createStore<PlanState>()((set) => ({
    result: null,
    progress: null,
    running: false,
    error: null,
    lastRunMs: null,
    timeIndex: null,
    setTimeIndex: (timeIndex) => set({ timeIndex }),
  }));
}

export type PlanStore = ReturnType<typeof createPlanStore>;
