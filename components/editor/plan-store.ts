/**
 * The latest simulation of the open design: written by the plan runner (Web Worker), read by the
 * canvas (placement colours, wiring, timeline) and the results panels. Not part of undo history.
 */
import { createStore } from 'zustand/vanilla';
import type { Design } from '@/core/model';
import type { PlanProgress, PlanResult } from '@/core/plan';
import type { InsightResponse } from './insight-protocol';
import type { ComparisonView } from './plan-protocol';

/** A component's "What would change this?" answer, with the design it was asked for. */
export interface ComponentInsight {
  design: Design;
  answer: Extract<InsightResponse, { type: 'insight-done' }>;
}

/** The open design planned on every provider (issue 14), asked for by the user, made in the plan worker. */
export interface ComparisonState {
  /** Whether the comparison dialog is shown. */
  open: boolean;
  running: boolean;
  progress: PlanProgress | null;
  result: ComparisonView | null;
  /** Why the last comparison could not finish, in plain words. */
  error: string | null;
  /** Milliseconds the last comparison took, end to end. */
  ms: number | null;
  /** The design as it was compared: the dialog says when the open design has changed since. */
  design: Design | null;
}

export const NO_COMPARISON: ComparisonState = {
  open: false,
  running: false,
  progress: null,
  result: null,
  error: null,
  ms: null,
  design: null,
};

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
  comparison: ComparisonState;
  /** Whether a plan worker is there to compare with (the editor; not the read-only share page). */
  canCompare: boolean;
  /** Opens the comparison and compares the open design on every provider; set by the plan runner. */
  compare: () => void;
  /** Stops a comparison under way (the dialog stays, with what it had). */
  cancelCompare: () => void;
  closeComparison: () => void;
  /**
   * The latest "What would change this?" answer of each component searched, kept while the editor is
   * open: shown again when the component is selected again, and exported with the plan while its
   * design still plans as the open one (plan-export.ts).
   */
  insights: Readonly<Record<string, ComponentInsight>>;
  recordInsight: (componentId: string, insight: ComponentInsight) => void;
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
    comparison: NO_COMPARISON,
    canCompare: false,
    // Until the plan runner starts its worker there is nothing to compare with.
    compare: () => undefined,
    cancelCompare: () => undefined,
    closeComparison: () => set((s) => ({ comparison: { ...s.comparison, open: false } })),
    insights: {},
    recordInsight: (componentId, insight) => set((s) => ({ insights: { ...s.insights, [componentId]: insight } })),
  }));
}

export type PlanStore = ReturnType<typeof createPlanStore>;
