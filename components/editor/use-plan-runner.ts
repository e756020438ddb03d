'use client';
/**
 * Keeps the open design's plan current: watches the editor store's document and asks the plan worker
 * for a fresh plan — at once after a quiet spell, after the last of a quick burst of edits otherwise;
 * the answer goes to the plan store.
 * The engine never runs on this thread. Only the newest run's answers are kept: a newer edit cancels
 * the run under way. Moving nodes (layout only) does not re-simulate. Use once, in the editor page,
 * inside <EditorProvider>. Nothing starts until `ready` (the canvas drawn once, use-first-draw.ts).
 */
import { useEffect } from 'react';
import { changesPlan, describeProblems } from '@/core/edit';
import type { Design } from '@/core/model';
import type { PlanResult } from '@/core/plan';
import { useEditorStore, usePlanStore } from './editor-context';
import {
  createResultReceiver,
  isCompareResponse,
  type CompareResponse,
  type PlanRequest,
  type PlanResponse,
} from './plan-protocol';
import { markValid } from './known-valid';
import type { ShardPortMessage } from './shard-protocol';
import { NO_COMPARISON, type ComparisonState } from './plan-store';
import { createStallWatch, STALL_TICKS } from './stall-watch';

/**
 * Edits closer together than this (ms) are planned once, after the last; an edit after a quiet spell
 * is planned at once. Short: the inspector already coalesces typing.
 */
export const PLAN_DEBOUNCE_MS = 60;
/** Runs whose designs wait for the worker's word on their validity (older ones are forgotten). */
const ASKED_KEPT = 8;

export function usePlanRunner(ready: boolean): void {
  const editorStore = useEditorStore();
  const planStore = usePlanStore();

  useEffect(() => {
    if (!ready) return;
    let worker: Worker;
    let shardWorker: Worker | null = null;
    /**
     * Whether the author looks about to edit: one component or connection selected (its form in the
     * inspector) or focus in a field whose edits re-plan (an element marked `data-edits-replan`), and no
     * pointer held down. The plan worker warms its code with made-up edits only then (plan-worker.ts,
     * its rehearsals): never while a drag or a pan needs the cores, and not while the author only looks.
     */
    let editing = false;
    let pointerDown = false;
    let atField = false;
    const isEditTarget = (target: EventTarget | null) =>
      target instanceof Element && target.closest('[data-edits-replan]') !== null;
    const oneSelected = () => {
      const { components, connections } = editorStore.getState().selection;
      return components.length + connections.length === 1;
    };
    const tellEditing = () => worker.postMessage({ type: 'editing', on: editing } satisfies PlanRequest);
    const updateEditing = () => {
      const on = !pointerDown && (atField || oneSelected());
      if (on === editing) return;
      editing = on;
      tellEditing();
    };
    const onFocusIn = (event: FocusEvent) => {
      atField = isEditTarget(event.target);
      updateEditing();
    };
    const onFocusOut = (event: FocusEvent) => {
      atField = isEditTarget(event.relatedTarget);
      updateEditing();
    };
    const onPointer = (event: PointerEvent) => {
      pointerDown = event.type === 'pointerdown';
      updateEditing();
    };
    /** Starts the plan worker and, with a second core, its second thread; both replace any before. */
    const spawn = () => {
      const planWorker = new Worker(new URL('./plan-worker.ts', import.meta.url), {
        type: 'module',
        name: 'tidemark-plan',
      });
      worker = planWorker;
      planWorker.onmessage = onMessage;
      planWorker.onerror = onError;
      if (editing) tellEditing();
      // With a second core, a second thread simulates half of each plan (plan-shard-worker.ts); the two
      // workers talk over a channel of their own.
      if ((navigator.hardwareConcurrency ?? 1) > 1) {
        const shard = new Worker(new URL('./plan-shard-worker.ts', import.meta.url), {
          type: 'module',
          name: 'tidemark-plan-part',
        });
        shardWorker = shard;
        const channel = new MessageChannel();
        const toShard: ShardPortMessage = { type: 'shard-port', port: channel.port2 };
        shard.postMessage(toShard, [channel.port2]);
        const toPlan: ShardPortMessage = { type: 'shard-port', port: channel.port1 };
        planWorker.postMessage(toPlan, [channel.port1]);
        // If it stops, the plan worker simulates its parts itself.
        shard.onerror = (event) => {
          event.preventDefault();
          if (shardWorker !== shard) return;
          post({ type: 'shard-lost' });
          shard.terminate();
          shardWorker = null;
        };
      }
    };
    let runId = 0;
    let startedAt = 0;
    let timer: ReturnType<typeof setTimeout> | null = null;

    /** Says when the workers owe an answer and have been silent too long (stall-watch.ts). */
    const watch = createStallWatch();
    const post = (request: PlanRequest) => {
      watch.heard();
      worker.postMessage(request);
    };
    // The worker posts only what changed since its last plan: a restarted worker starts a new receiver.
    let receive = createResultReceiver();
    /** The designs of the latest runs, until the worker says whether each passed validation. */
    const asked = new Map<number, Design>();

    const start = () => {
      timer = null;
      runId += 1;
      startedAt = performance.now();
      planStore.setState({ running: true, progress: null });
      const design = editorStore.getState().design;
      asked.set(runId, design);
      // A cancelled run may never be validated: keep only the last few.
      asked.delete(runId - ASKED_KEPT);
      post({ type: 'run', runId, design });
    };

    let compareId = 0;
    const setComparison = (patch: Partial<ComparisonState>) =>
      planStore.setState((s) => ({ comparison: { ...s.comparison, ...patch } }));
    planStore.setState({
      canCompare: true,
      compare: () => {
        compareId += 1;
        const design = editorStore.getState().design;
        setComparison({ open: true, running: true, progress: null, error: null, design });
        post({ type: 'compare', compareId, design });
      },
      cancelCompare: () => {
        if (!planStore.getState().comparison.running) return;
        post({ type: 'cancel-compare', compareId });
        compareId += 1; // a late answer to the cancelled comparison is dropped
        setComparison({ running: false, progress: null });
      },
    });

    const onMessage = (event: MessageEvent<PlanResponse>) => {
      const message = event.data;
      watch.heard();
      if (message.type === 'alive') return;
      if (isCompareResponse(message)) {
        if (message.compareId === compareId) setComparison(comparisonUpdate(message));
        return;
      }
      if (message.type === 'shard-lost') {
        shardWorker?.terminate();
        shardWorker = null;
        return;
      }
      if (message.type === 'checked') {
        // Valid whether or not the run is still current: a fact about that document.
        const design = asked.get(message.runId);
        if (design) markValid(design);
        asked.delete(message.runId);
        return;
      }
      if (message.type !== 'progress') asked.delete(message.runId);
      // Every plan posted is taken in, shown or stale: the worker sends only what changed.
      let result: PlanResult | null = null;
      if (message.type === 'done') {
        try {
          result = receive(message.result);
        } catch (error) {
          planStore.setState({ progress: null, running: false, error: `The simulation failed: ${String(error)}` });
          return;
        }
      }
      if (message.runId !== runId || timer !== null) return; // stale: a newer run is due or under way
      if (message.type === 'progress') {
        planStore.setState({ progress: message.progress });
      } else if (message.type === 'done') {
        if (!result) return;
        const points = Object.values(result.series.components)[0]?.static.demand.length ?? 0;
        const { timeIndex } = planStore.getState();
        planStore.setState({
          result,
          progress: null,
          running: false,
          error: null,
          lastRunMs: Math.round(performance.now() - startedAt),
          timeIndex: timeIndex !== null && timeIndex >= points ? null : timeIndex,
        });
      } else {
        const error =
          'problems' in message ? describeProblems(message.problems) : `The simulation failed: ${message.message}`;
        planStore.setState({ progress: null, running: false, error, lastRunMs: null });
      }
    };
    const onError = (event: ErrorEvent) => {
      event.preventDefault();
      const error = `The simulation worker stopped: ${event.message || 'unknown error'}`;
      planStore.setState({ progress: null, running: false, error });
      if (planStore.getState().comparison.running) setComparison({ running: false, progress: null, error });
    };

    /**
     * A plan or comparison under way and not a word from the workers for STALL_TICKS seconds: they are
     * ended and fresh ones started (their kept runs lost), the run is given up, and the page says so.
     * The design and the last plan shown stay as they are; the next edit plans on the new workers.
     */
    const onStall = () => {
      worker.terminate();
      shardWorker?.terminate();
      shardWorker = null;
      receive = createResultReceiver();
      asked.clear();
      runId += 1; // nothing of the ended run can come back, but keep the numbering strictly new
      spawn();
      // Said of the results only when there are some: a design whose first plan stalls has none.
      const shown = planStore.getState().result
        ? 'The results shown are from the last plan that finished'
        : 'No plan of this design has finished yet';
      const error = `Planning stopped answering for ${STALL_TICKS} s and was stopped. ${shown}; edit the design to plan it again.`;
      if (planStore.getState().running) planStore.setState({ progress: null, running: false, error, lastRunMs: null });
      if (planStore.getState().comparison.running) {
        compareId += 1;
        setComparison({ running: false, progress: null, error });
      }
    };
    const stallTimer = setInterval(() => {
      const state = planStore.getState();
      const owed = (state.running && timer === null) || state.comparison.running;
      if (watch.tick(owed)) onStall();
    }, 1000);

    const unsubscribe = editorStore.subscribe((state, prev) => {
      if (!changesPlan(prev.design, state.design)) return;
      if (timer !== null) clearTimeout(timer);
      else post({ type: 'cancel', runId }); // stop wasted work now
      // The first edit after a pause runs at once (the inspector commits on Enter or leaving a field,
      // so one edit is one change); edits that follow within the pause wait for it to end.
      if (timer === null && performance.now() - startedAt >= PLAN_DEBOUNCE_MS) return start();
      planStore.setState({ running: true, progress: null });
      timer = setTimeout(start, PLAN_DEBOUNCE_MS);
    });

    spawn();
    start();
    const unsubscribeSelection = editorStore.subscribe((state, prev) => {
      if (state.selection !== prev.selection) updateEditing();
    });
    // Captured: the canvas stops some pointer events from bubbling.
    const pointerTypes = ['pointerdown', 'pointerup', 'pointercancel'] as const;
    for (const type of pointerTypes) document.addEventListener(type, onPointer, true);
    document.addEventListener('focusin', onFocusIn);
    document.addEventListener('focusout', onFocusOut);
    updateEditing();
    return () => {
      unsubscribe();
      unsubscribeSelection();
      for (const type of pointerTypes) document.removeEventListener(type, onPointer, true);
      document.removeEventListener('focusin', onFocusIn);
      document.removeEventListener('focusout', onFocusOut);
      clearInterval(stallTimer);
      if (timer !== null) clearTimeout(timer);
      worker.terminate();
      shardWorker?.terminate();
      planStore.setState({
        running: false,
        progress: null,
        comparison: NO_COMPARISON,
        canCompare: false,
        compare: () => undefined,
        cancelCompare: () => undefined,
      });
    };
  }, [editorStore, planStore, ready]);
}

/** The comparison state after a worker message about the current comparison. */
export function comparisonUpdate(message: CompareResponse): Partial<ComparisonState> {
  switch (message.type) {
    case 'compare-progress':
      return { progress: message.progress };
    case 'compared':
      return { running: false, progress: null, error: null, result: message.comparison, ms: message.ms };
    case 'compare-failed':
      return {
        running: false,
        progress: null,
        error:
          'problems' in message
            ? describeProblems(message.problems, 8, 'it cannot be compared')
            : `The comparison failed: ${message.message}`,
      };
  }
}
