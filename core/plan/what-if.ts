/**
 * Re-planning a design with one input changed, reusing what the change leaves alone — the engine
 * under tipping points (tipping-points.ts) and cost ranges (cost-ranges.ts), which ask the same
 * question hundreds of times. A re-plan (factsWith, assignmentWith) decides again in full
 * (chooseJointly, as decidePlan makes it, each unchanged component's candidate kept); what is reused
 * is the simulation:
 * - a price (`environments.…`) changes no load: every run is billed again from the first
 *   simulation (a run cache per component, run-placement.ts), and only runs whose inputs a price
 *   does change (a burst's base, a function's duration) are simulated again, as comparing providers
 *   does;
 * - a component's workload (and the seed, for the components whose load is random) changes its own
 *   demand and that of every component downstream of it: only those are simulated again;
 * - its CPU time or SLO changes only its own runs.
 * Everything else keeps the facts of the first simulation, so a re-plan here chooses exactly what
 * buildPlan would choose for the changed design (the tests hold it to that). The screens
 * (screenWith, screenLocallyWith) are cheaper approximations that narrow a search, never a result.
 */
import { type PricedDesign, priceDesign } from '../cost/tariff';
import type { Component, Design, Placement } from '../model/design';
import { type ComponentFacts, toleranceOf } from '../recommend/assess-assignment';
import { buildJointProblem, type Candidate } from '../recommend/build-joint-problem';
import { candidatesOf, chooseJointly } from '../recommend/choose-jointly';
import { evaluateChoice, isBetter } from '../recommend/joint-problem';
import type { RunCache } from '../recommend/run-placement';
import type { SimulationContext } from '../simulate/component-load';
import { type DemandItem, requestOf, streamDemand } from '../simulate/propagate-demand';
import { type SeriesShape, describeSeries } from '../simulate/series-stats';
import { countSteps } from '../workload/generate-workload';
import { contextOf, simulateComponent } from './build-plan';
import type { Plan } from '../model/plan';
import { decidePlan } from './decide-plan';
import { parsePath, setParameter } from './set-parameter';

/** A design's facts after a change: what decidePlan and chooseJointly read. */
export interface ChangedFacts {
  design: PricedDesign;
  facts: Map<string, ComponentFacts>;
}

interface Stored {
  item: DemandItem;
  shape: SeriesShape;
  cache: RunCache;
}

export class WhatIf {
  readonly design: Design;
  readonly priced: PricedDesign;
  readonly horizonMinutes: number;
  readonly facts: Map<string, ComponentFacts>;
  /** Re-plans made, and components simulated again for them (four runs each, less what a cache held). */
  replans = 0;
  resimulated = 0;
  /** Approximate re-plans made to narrow a search (screenWith, screenLocallyWith). */
  screens = 0;
  private readonly stored = new Map<string, Stored>();
  private readonly candidates = new WeakMap<ComponentFacts, Candidate>();
  private readonly ctx: SimulationContext;
  private readonly downstream: Map<string, string[]>;
  private readonly upstream: Map<string, string[]>;

  constructor(design: Design, seriesPoints = 24) {
    this.design = design;
    this.priced = priceDesign(design);
    this.ctx = contextOf(this.priced, seriesPoints);
    this.horizonMinutes = countSteps(design.simulation) * design.simulation.stepMinutes;
    this.facts = new Map();
    const byId = new Map(design.components.map((c) => [c.id, c]));
    for (const item of streamDemand(this.priced)) {
      const component = byId.get(item.id);
      if (!component) continue;
      const shape = describeSeries(item.load.total, item.load.peakRps);
      const cache: RunCache = { runs: new Map(), reused: 0 };
      this.stored.set(item.id, { item, shape, cache });
      this.facts.set(item.id, simulateComponent(component, item, shape, this.ctx, this.priced.tariff, cache));
    }
    this.downstream = new Map(design.components.map((c) => [c.id, [] as string[]]));
    this.upstream = new Map(design.components.map((c) => [c.id, [] as string[]]));
    for (const k of design.connections) {
      this.downstream.get(k.from)?.push(k.to);
      this.upstream.get(k.to)?.push(k.from);
    }
  }

  /** The plan of the unchanged design, as buildPlan makes it (without chart series). */
  basePlan(): Plan {
    return decidePlan(this.priced, this.facts, this.horizonMinutes);
  }

  /** The recommended placement of every component with the unchanged design. */
  baseAssignment(): Map<string, Placement> {
    return this.decide({ design: this.priced, facts: this.facts });
  }

  /** Every component's recommended placement with `parameter` set to `value`. */
  assignmentWith(parameter: string, value: number): Map<string, Placement> {
    return this.decide(this.factsWith(parameter, value));
  }

  decide(changed: ChangedFacts): Map<string, Placement> {
    const tol = toleranceOf(changed.design.environments, this.horizonMinutes);
    // Candidates are kept by facts: a price change makes new facts for every component, and no
    // parameter searched here changes the tolerance, so a kept candidate is always the one toCandidate
    // would make again.
    return chooseJointly(changed.design, changed.facts, tol, this.candidates).assignment;
  }

  /**
   * A cheaper, approximate re-plan for a component's own input: only that component is simulated
   * again, the components downstream keep today's demand. For screening a search, never for a result.
   */
  screenWith(parameter: string, value: number): Map<string, Placement> {
    this.screens++;
    return this.decide(this.changedFacts(parameter, value, true));
  }

  /**
   * A cheaper, approximate decision for screening a search over any input: the changed facts (as
   * factsWith), then each component's best state in the joint problem the real decision solves with
   * every other component where `around` places it — one round of best responses, no search.
   */
  screenLocallyWith(parameter: string, value: number, around: ReadonlyMap<string, Placement>): Map<string, Placement> {
    this.screens++;
    const { design, facts } = this.changedFacts(parameter, value, false);
    const tol = toleranceOf(design.environments, this.horizonMinutes);
    const candidates = candidatesOf(design, facts, tol, this.candidates);
    const margin = design.environments.decision.simplicityMargin;
    const { problem, states } = buildJointProblem(candidates, design.connections, design.tariff, margin);
    const choice = states.map((options, v) =>
      Math.max(
        0,
        options.findIndex((o) => o.placement === around.get(candidates[v]?.component.id ?? '')),
      ),
    );
    const out = new Map<string, Placement>();
    states.forEach((options, v) => {
      const trial = [...choice];
      let best = choice[v] as number;
      let bestValue = evaluateChoice(problem, trial);
      options.forEach((_, k) => {
        if (k === best) return;
        trial[v] = k;
        const value = evaluateChoice(problem, trial);
        if (isBetter(value, bestValue)) [best, bestValue] = [k, value];
      });
      const id = candidates[v]?.component.id;
      if (id) out.set(id, options[best]?.placement ?? 'static');
    });
    return out;
  }

  /** The facts of the design with `parameter` set to `value`, simulating again only what it changes. */
  factsWith(parameter: string, value: number): ChangedFacts {
    this.replans++;
    return this.changedFacts(parameter, value, false);
  }

  private changedFacts(parameter: string, value: number, isItselfOnly: boolean): ChangedFacts {
    const design = priceDesign(setParameter(this.design, parameter, value));
    const keys = parsePath(parameter);
    if (keys[0] === 'environments') return { design, facts: this.rebill(design) };
    const component = keys[0] === 'components' ? design.components[keys[1] as number] : undefined;
    const changed = isItselfOnly && component ? new Set([component.id]) : this.changedBy(keys);
    const facts = new Map(this.facts);
    if (changed.size === 0) return { design, facts };
    const byId = new Map(design.components.map((c) => [c.id, c]));
    const resimulate = (component: Component, item: DemandItem, shape: SeriesShape) => {
      facts.set(component.id, simulateComponent(component, item, shape, this.ctx, design.tariff));
      this.resimulated++;
    };
    const stored = component ? this.stored.get(component.id) : undefined;
    if (component && stored && keys[2] !== 'workload') {
      // Its CPU time or SLO: the same demand series, read with its new request.
      resimulate(component, { ...stored.item, load: { ...stored.item.load, ...requestOf(component) } }, stored.shape);
      return { design, facts };
    }
    // A component's demand depends only on its callers': stream the changed ones and their ancestors.
    const needed = this.withUpstream(changed);
    const part = {
      ...design,
      components: design.components.filter((c) => needed.has(c.id)),
      connections: design.connections.filter((k) => needed.has(k.from) && needed.has(k.to)),
    };
    for (const item of streamDemand(part)) {
      const c = byId.get(item.id);
      if (c && changed.has(item.id)) resimulate(c, item, describeSeries(item.load.total, item.load.peakRps));
    }
    return { design, facts };
  }

  /** Components whose load is random (spikes placed at random, noise): those a new seed changes. */
  randomComponents(): Set<string> {
    const own = this.design.components.filter((c) => {
      const w = c.workload;
      if (!w || w.trace) return false;
      const spikes = w.pattern === 'unpredictable' && (w.spikesPerWeek ?? 1) > 0 && (w.peakRps ?? 0) > w.baseRps;
      return spikes || w.noise > 0;
    });
    return this.withDownstream(own.map((c) => c.id));
  }

  /** Every component a change at this path simulates again. */
  private changedBy(keys: readonly (string | number)[]): Set<string> {
    if (keys[0] === 'simulation') return keys[1] === 'seed' ? this.randomComponents() : new Set(this.facts.keys());
    const component = keys[0] === 'components' ? this.design.components[keys[1] as number] : undefined;
    if (!component) throw new Error(`not a component or price parameter: ${keys.join('.')}`);
    return keys[2] === 'workload' ? this.withDownstream([component.id]) : new Set([component.id]);
  }

  private withDownstream(ids: Iterable<string>): Set<string> {
    return reach(ids, this.downstream);
  }

  private withUpstream(ids: Iterable<string>): Set<string> {
    return reach(ids, this.upstream);
  }

  /** Every component's runs billed at the changed prices; runs a price does change are simulated again. */
  private rebill(design: PricedDesign): Map<string, ComponentFacts> {
    const ctx = { ...this.ctx, env: design.environments };
    const facts = new Map<string, ComponentFacts>();
    for (const c of design.components) {
      const s = this.stored.get(c.id);
      if (!s) continue;
      const before = s.cache.runs.size;
      facts.set(c.id, simulateComponent(c, s.item, s.shape, ctx, design.tariff, s.cache));
      if (s.cache.runs.size > before) this.resimulated++;
    }
    return facts;
  }
}

/** Every id reachable from `ids` along `next`, `ids` included. */
function reach(ids: Iterable<string>, next: ReadonlyMap<string, readonly string[]>): Set<string> {
  const seen = new Set<string>(ids);
  const stack = [...seen];
  for (let id = stack.pop(); id !== undefined; id = stack.pop()) {
    for (const n of next.get(id) ?? []) {
      if (!seen.has(n)) {
        seen.add(n);
        stack.push(n);
      }
    }
  }
  return seen;
}
