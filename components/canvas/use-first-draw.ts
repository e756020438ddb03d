'use client';
/**
 * Whether the canvas has drawn the design's nodes once: React Flow has measured them all (or the design
 * has none), or a second has passed, as a canvas out of view never measures them. Once true, it stays
 * true. The editor starts its plan workers only then: on a two-core machine, two workers loading the
 * engine and simulating from the first render took the CPU the main thread needs to draw a
 * 500-component design (e2e/plan-after-draw.spec.ts: before, they started with no node yet in the page).
 */
import { useNodesInitialized } from '@xyflow/react';
import { useEffect, useState } from 'react';
import { useEditor } from '@/components/editor/editor-context';

/** How long a canvas may take to measure its nodes before the editor stops waiting for it (ms). */
export const FIRST_DRAW_WAIT_MS = 1000;

export function useFirstDraw(): boolean {
  const measured = useNodesInitialized();
  const empty = useEditor((s) => s.design.components.length === 0);
  const [waited, setWaited] = useState(false);
  const [drawn, setDrawn] = useState(false);
  useEffect(() => {
    const timer = setTimeout(() => setWaited(true), FIRST_DRAW_WAIT_MS);
    return () => clearTimeout(timer);
  }, []);
  // Latched (React's "storing information from previous renders"): a node added later is unmeasured
  // for a moment, and the workers must not stop for it.
  if (!drawn && (measured || empty || waited)) setDrawn(true);
  return drawn || measured || empty || waited;
}
