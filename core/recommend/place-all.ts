/**
 * Chooses every component's placement. The options were simulated once; what a component's choice
 * still depends on is its neighbours (link latency of crossing sync calls, egress and queue costs on
 * crossing connections). The first pass goes callees first, seeing only the callees already placed;
 * later passes revisit every component with all neighbours placed, so that data pulls its processing
 * along (R6) — until no placement changes, at most MAX_PASSES times.
 */
import type { Component, Design, Pattern, Placement } from '../model/design';
import type { SeriesShape } from '../simulate/series-stats';
import { type Neighbour, type OptionResult, assessOptions } from './assess-options';
import { type Choice, choosePlacement } from './choose-placement';
import type { PlacementRun } from './run-placement';

const MAX_PASSES = 4;

export interface ComponentFacts {
  component: Component;
  runs: PlacementRun[];
  pattern: Pattern;
  shape: SeriesShape;
  requestsPerMonth: number;
}

export interface Placed {
  chosen: Map<string, Placement>;
  results: Map<string, OptionResult[]>;
  choices: Map<string, Choice>;
}

export function placeAll(
  design: Design,
  facts: ReadonlyMap<string, ComponentFacts>,
  calleesFirst: readonly string[],
  horizonMinutes: number,
): Placed {
  const links = new Map<string, { connection: Design['connections'][number]; other: string; isCallee: boolean }[]>();
  for (const connection of design.connections) {
    links.set(connection.from, [
      ...(links.get(connection.from) ?? []),
      { connection, other: connection.to, isCallee: true },
    ]);
    links.set(connection.to, [
      ...(links.get(connection.to) ?? []),
      { connection, other: connection.from, isCallee: false },
    ]);
  }
  const placed: Placed = { chosen: new Map(), results: new Map(), choices: new Map() };
  const cloudShare = new Map<string, number>();
  for (let pass = 0; pass < MAX_PASSES; pass++) {
    let changed = false;
    for (const id of calleesFirst) {
      const f = facts.get(id);
      if (!f) continue;
      const neighbours: Neighbour[] = [];
      for (const l of links.get(id) ?? []) {
        const other = facts.get(l.other);
        const placement = placed.chosen.get(l.other);
        if (!other || !placement) continue;
        const callerRequests = l.isCallee ? f.requestsPerMonth : other.requestsPerMonth;
        neighbours.push({
          connection: l.connection,
          component: other.component,
          placement,
          cloudShare: cloudShare.get(l.other) ?? 0,
          isCallee: l.isCallee,
          callerRequests,
        });
      }
      const options = assessOptions(f.component, f.runs, neighbours, design.environments);
      const choice = choosePlacement(f.component, options, f.pattern, f.shape, design.environments, horizonMinutes);
      if (placed.chosen.get(id) !== choice.placement) changed = true;
      placed.chosen.set(id, choice.placement);
      placed.results.set(id, options);
      placed.choices.set(id, choice);
      cloudShare.set(id, options.find((o) => o.placement === choice.placement)?.cloudShare ?? 0);
    }
    if (!changed && pass > 0) break;
  }
  return placed;
}
