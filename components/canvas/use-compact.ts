'use client';
/**
 * Semantic zoom: below this zoom, text on nodes and edge labels is too small to read, so nodes draw
 * only their icon, name and placement colour, and edge labels are left out. A 500-component design
 * fitted to the screen then draws a third of the DOM it would otherwise.
 */
import { useStore } from '@xyflow/react';

export const COMPACT_BELOW_ZOOM = 0.35;

export function useCompact(): boolean {
  return useStore((s) => s.transform[2] < COMPACT_BELOW_ZOOM);
}
