/**
 * Which side of the data-centre/cloud link a placement runs on. Burst runs on both: its base in the
 * data centre and its overflow in the cloud, so every neighbour is across the link from one part.
 */
import type { Component, Placement } from '../model/design';

export type Side = 'data-centre' | 'cloud' | 'both';

export function sideOf(placement: Placement): Side {
  return placement === 'static' ? 'data-centre' : placement === 'burst' ? 'both' : 'cloud';
}

/** An external system is not placed by us; calls to or from it never count as crossing our link. */
export function isExternal(c: Component): boolean {
  return c.kind === 'external';
}

/**
 * Share of the caller's requests whose call to the callee crosses the link, and whether the crossing
 * traffic leaves from the cloud. `cloudShare` is the share of the caller's requests served in the
 * cloud (1 for cloud placements, 0 for static, the overflow share for burst).
 */
export function computeCrossing(caller: Side, callee: Side, cloudShare: number): { share: number; fromCloud: number } {
  const calleeInCloud = callee === 'cloud';
  if (caller === 'data-centre') return calleeInCloud ? { share: 1, fromCloud: 0 } : { share: 0, fromCloud: 0 };
  if (caller === 'cloud') return calleeInCloud ? { share: 0, fromCloud: 0 } : { share: 1, fromCloud: 1 };
  return calleeInCloud ? { share: 1 - cloudShare, fromCloud: 0 } : { share: cloudShare, fromCloud: cloudShare };
}

/** Whether a connection between two placements crosses the link at all (wiring is inserted on it). */
export function isCrossing(a: Placement, b: Placement): boolean {
  const sa = sideOf(a);
  const sb = sideOf(b);
  return sa === 'both' || sb === 'both' || sa !== sb;
}
