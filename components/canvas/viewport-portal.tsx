'use client';
/**
 * React Flow's ViewportPortal, found once. React Flow's own finds its target with a querySelector over
 * the whole canvas inside a store selector, i.e. on every store update: every frame of a node's drag
 * (13 ms of a 3 s drag on the 500-component design, CPU profile, 2026-12-04). This one remembers the
 * element per canvas and looks again only if it has left the page.
 */
import { useStore, type ReactFlowState } from '@xyflow/react';
import type { ReactNode } from 'react';
import { createPortal } from 'react-dom';

const targets = new WeakMap<HTMLElement, HTMLElement>();

function targetOf(s: ReactFlowState): HTMLElement | null {
  const root = s.domNode;
  if (!root) return null;
  const known = targets.get(root);
  if (known?.isConnected) return known;
  const found = root.querySelector<HTMLElement>('.react-flow__viewport-portal');
  if (found) targets.set(root, found);
  return found;
}

/** Renders its children inside React Flow's viewport: they pan and zoom with the design. */
export function ViewportPortal({ children }: { children: ReactNode }) {
  const target = useStore(targetOf);
  return target ? createPortal(children, target) : null;
}
