'use client';
/**
 * One insight search at a time (insight-worker.ts) for a panel: `search(design, componentId)` starts a
 * worker, a new search replaces it (and the answer it would have given), unmounting stops it. The state
 * remembers the design it was asked for, so the panel can say when an edit has made it out of date.
 * `initial` is an answer kept from before (the panel shown again); `onAnswer` hears each new answer.
 */
import { useEffect, useRef, useState } from 'react';
import type { InsightRequest, InsightResponse } from '@/components/editor/insight-protocol';
import { describeProblems } from '@/core/edit';
import type { Design } from '@/core/model';

export type InsightAnswer = Extract<InsightResponse, { type: 'insight-done' }>;

export type InsightState =
  | { status: 'idle' }
  | { status: 'running'; design: Design }
  | { status: 'done'; design: Design; answer: InsightAnswer }
  | { status: 'failed'; design: Design; error: string };

export function useInsightSearch(
  initial: InsightState = { status: 'idle' },
  onAnswer?: (design: Design, answer: InsightAnswer) => void,
): {
  state: InsightState;
  search: (design: Design, componentId: string | null) => void;
} {
  const [state, setState] = useState<InsightState>(initial);
  const worker = useRef<Worker | null>(null);
  const asked = useRef(0);
  useEffect(
    () => () => {
      worker.current?.terminate();
      worker.current = null;
    },
    [],
  );
  const search = (design: Design, componentId: string | null) => {
    worker.current?.terminate();
    const w = new Worker(new URL('../editor/insight-worker.ts', import.meta.url), {
      type: 'module',
      name: 'tidemark-insight',
    });
    worker.current = w;
    const id = ++asked.current;
    const done = (next: InsightState) => {
      if (id !== asked.current) return;
      setState(next);
      w.terminate();
      if (worker.current === w) worker.current = null;
    };
    w.onmessage = (event: MessageEvent<InsightResponse>) => {
      const m = event.data;
      if (m.id !== id) return;
      if (m.type === 'insight-done') {
        done({ status: 'done', design, answer: m });
        if (id === asked.current) onAnswer?.(design, m);
      } else
        done({
          status: 'failed',
          design,
          error:
            'problems' in m
              ? describeProblems(m.problems, 8, 'it cannot be searched')
              : `The search failed: ${m.message}`,
        });
    };
    w.onerror = (event) => {
      event.preventDefault();
      done({ status: 'failed', design, error: `The search stopped: ${event.message || 'unknown error'}` });
    };
    setState({ status: 'running', design });
    w.postMessage({ type: 'insight', id, design, componentId } satisfies InsightRequest);
  };
  return { state, search };
}
