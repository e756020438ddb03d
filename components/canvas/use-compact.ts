'use client';
/**
 * Semantic zoom: below this zoom, text on nodes and edge labels is too small to read, so nodes draw
 * only their name (cut short), placement and colour, without icon or shadow, and edge labels are
 * left out. A 500-component design fitted to the screen then draws a third of the DOM it would
 * otherwise.
 *
 * The canvas reads the zoom once (useZoomCompact) and hands the answer down by context: a store
 * subscription in every node and edge ran 1,300 selectors on each frame of a drag on a 500-component
 * design, for an answer that changes only when the zoom crosses the line.
 */
import { useStore } from '@xyflow/react';
import { createContext, useContext } from 'react';

export const COMPACT_BELOW_ZOOM = 0.35;

export const CompactContext = createContext(false);

/** Whether the canvas is zoomed out past the line; read once, by the canvas (inside React Flow's provider). */
export function useZoomCompact(): boolean {
  return useStore((s) => s.transform[2] < COMPACT_BELOW_ZOOM);
}

/** The canvas's answer, for its nodes, edges and wiring chips. */
export function useCompact(): boolean {
  return useContext(CompactContext);
}
