/**
 * Hard constraints, applied before any cost is compared: a pin is obeyed (R10), state stays where
 * its data is (R4), regulated and confidential data stay in the data centre (R5), an external
 * system is not ours to move (R8), and work longer than the function cap, or needing more memory than
 * the provider's functions have, is never serverless (R9).
 * Each returns the rule and a clause that completes the component's name ("Orders DB holds state: …")
 * with the figure that decided it, or null when allowed.
 */
import { functionSecondsOf, type Tariff } from '../cost/tariff';
import type { Component, Placement } from '../model/design';
import { PLACEMENT_PHRASES } from '../model/labels';
import type { Reason } from '../model/plan';
import { findPlaceRulesOut } from './place-rules';

export { isStateful } from './place-rules';

export function findRuleOut(c: Component, placement: Placement, tariff: Tariff): Reason | null {
  if (c.pin) {
    return placement === c.pin.placement
      ? null
      : { rule: 'R10', text: `is pinned to run ${PLACEMENT_PHRASES[c.pin.placement]}` };
  }
  return findRulesOut(c, placement, tariff)[0] ?? null;
}

/**
 * Every rule (R8, R4, R5, R9) that keeps a component from `placement`, pin or no pin, in the order
 * findRuleOut reports the first: a pin that overrides two of them says both (a regulated store
 * pinned to functions read only "against R4").
 */
export function findRulesOut(c: Component, placement: Placement, tariff: Tariff): Reason[] {
  const out = findPlaceRulesOut(c, placement);
  if (placement !== 'serverless') return out;
  const env = tariff.env;
  const memory = tariff.book.behaviour.functions.memoryMb.max.value;
  if (c.demand.memoryMb > memory) {
    out.push({
      rule: 'R9',
      text: `needs ${c.demand.memoryMb} MB, more than the ${memory} MB ${tariff.book.behaviour.products.functions} gives an instance`,
    });
  }
  // A function runs as long as the CPU its memory buys on this provider lets it (functionSecondsOf).
  const seconds = functionSecondsOf(c.demand, tariff);
  if (seconds > env.functions.maxDurationSeconds) {
    out.push({
      rule: 'R9',
      text: `runs ${formatSeconds(seconds)} s a request at ${c.demand.memoryMb} MB, beyond the ${env.functions.maxDurationSeconds} s a function invocation may last`,
    });
  }
  return out;
}

function formatSeconds(s: number): string {
  return Number.isInteger(s) ? String(s) : s.toFixed(s >= 100 ? 0 : 1);
}
