/**
 * The three totals of a plan: the recommendation (chosen options' own bills, each crossing
 * connection's egress and queue messages once, and staged storage from the wiring), all-static (every component reserved in the data centre), and all-elastic
 * (every component on its better elastic option, VM or functions, by the same SLO-then-cost rule).
 * The two baselines use figures without link latency: nothing crosses when everything is on one side.
 */
import type { Design, Placement } from '../model/design';
import type { Plan, WiringElement } from '../model/plan';
import { pickBest } from '../recommend/choose-placement';
import { isQueue, type OptionResult, priceConnection } from '../recommend/assess-options';
import type { ComponentFacts } from '../recommend/place-all';
import { roundFigure } from '../model/round';

type Totals = Plan['totals'];

export function sumTotals(
  design: Design,
  facts: ReadonlyMap<string, ComponentFacts>,
  results: ReadonlyMap<string, OptionResult[]>,
  chosen: ReadonlyMap<string, Placement>,
  wiring: readonly WiringElement[],
  horizonMinutes: number,
): Totals {
  const rec = { cost: 0, violation: 0, dropped: 0 };
  const stat = { cost: 0, violation: 0, dropped: 0 };
  const elastic = { cost: 0, violation: 0, dropped: 0 };
  for (const id of design.components.map((c) => c.id)) {
    const options = results.get(id) ?? [];
    const pick = options.find((o) => o.placement === chosen.get(id));
    if (pick) add(rec, pick.ownCost, pick);
    const s = options.find((o) => o.placement === 'static');
    if (s) add(stat, s.ownCost, { figures: s.isolated });
    const candidates = options
      .filter((o) => o.placement === 'elastic-vm' || o.placement === 'serverless')
      .map((o) => ({ ...o, figures: o.isolated, monthlyCost: o.ownCost }));
    const best = pickBest(candidates, horizonMinutes)?.best;
    if (best) add(elastic, best.monthlyCost, best);
  }
  for (const w of wiring) rec.cost += w.monthlyCost ?? 0;
  // Each crossing connection's egress and queue messages, counted once.
  for (const conn of design.connections) {
    const caller = chosen.get(conn.from);
    const callee = chosen.get(conn.to);
    const share = results.get(conn.from)?.find((o) => o.placement === caller)?.cloudShare ?? 0;
    const from = facts.get(conn.from)?.component;
    const to = facts.get(conn.to)?.component;
    if (caller && callee && from && to && from.kind !== 'external' && to.kind !== 'external') {
      rec.cost += priceConnection(
        conn,
        caller,
        share,
        callee,
        facts.get(conn.from)?.requestsPerMonth ?? 0,
        design.environments,
        isQueue(from, to),
      );
    }
  }
  return { recommended: finish(rec), allStatic: finish(stat), allElastic: finish(elastic) };
}

function add(
  acc: { cost: number; violation: number; dropped: number },
  cost: number,
  o: Pick<OptionResult, 'figures'>,
): void {
  acc.cost += cost;
  acc.violation += o.figures.sloViolationMinutes;
  acc.dropped += o.figures.droppedRequests;
}

function finish(acc: { cost: number; violation: number; dropped: number }) {
  return {
    monthlyCost: roundFigure(acc.cost, 2),
    sloViolationMinutes: Math.round(acc.violation),
    droppedRequests: Math.round(acc.dropped),
  };
}
