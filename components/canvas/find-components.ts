/**
 * Choosing a component from a list by typing (the canvas search, the connect dialog). The matches: names that start with what was typed first, then names (or ids) that
 * contain it, in the design's order, at most eight. Case does not matter.
 */
import type { Component } from '@/core/model';

export const MAX_MATCHES = 8;

export function matchComponents(components: readonly Component[], query: string): Component[] {
  const q = query.trim().toLowerCase();
  if (!q) return [];
  const starts: Component[] = [];
  const contains: Component[] = [];
  for (const c of components) {
    const name = c.name.toLowerCase();
    if (name.startsWith(q)) starts.push(c);
    else if (name.includes(q) || c.id.toLowerCase().includes(q)) contains.push(c);
  }
  return [...starts, ...contains].slice(0, MAX_MATCHES);
}

/** The option an arrow key moves to in a list of `count` (wrapping round at both ends). */
export function stepActive(active: number, count: number, key: 'ArrowDown' | 'ArrowUp'): number {
  if (count === 0) return 0;
  const at = Math.min(Math.max(0, active), count - 1);
  return (at + (key === 'ArrowDown' ? 1 : count - 1)) % count;
}
