/**
 * The hard rules that depend on a component alone, not on prices (R8, R4, R5): what keeps it in the
 * data centre. Apart from hard-constraints.ts, which adds R9 (a provider's function limits, from its
 * price book), so that the editor's decision view can tell a pin that overrides them without loading
 * the price books (they were ~190 KB more on the editor's first load, 2026-12-07).
 */
import type { Component, Placement } from '../model/design';
import type { Reason } from '../model/plan';

/** A component that holds state: flagged stateful, or a database by its kind. */
export function isStateful(c: Pick<Component, 'kind' | 'stateful'>): boolean {
  return c.stateful === true || c.kind === 'database';
}

/** R8, R4 and R5, in this order, where they keep a component from `placement`. */
export function findPlaceRulesOut(
  c: Pick<Component, 'kind'> & Partial<Pick<Component, 'stateful' | 'dataClass'>>,
  placement: Placement,
): Reason[] {
  const out: Reason[] = [];
  if (placement === 'static') return out;
  if (c.kind === 'external') {
    out.push({
      rule: 'R8',
      text: 'is an external system: it stays where its owner runs it, and only our side of the call is placed',
    });
  }
  if (isStateful({ kind: c.kind, stateful: c.stateful ?? false })) {
    out.push({
      rule: 'R4',
      text: 'holds state: only stateless components are scaled out or copied, so its state stays in the data centre',
    });
  }
  if (c.dataClass === 'regulated') {
    out.push({ rule: 'R5', text: 'holds regulated data, which stays in the data centre' });
  }
  if (c.dataClass === 'confidential' && placement !== 'burst') {
    out.push({
      rule: 'R5',
      text: 'holds confidential data, which stays in the data centre: only a store-less cloud copy (burst) may help out',
    });
  }
  return out;
}
