/**
 * What would change the decision (issue 16): for each component, the inputs that would flip its
 * recommended placement and where — its own base and peak load, its CPU time per request, its SLO,
 * and the three key prices (a data-centre core-month, a VM hour, a function GB-second). Each input is
 * searched on its own, every other input unchanged, within ×1/RANGE … ×RANGE of today's value:
 * first the end of the range (nothing reported when the placement there is today's), then bisection
 * on the logarithm of the input down to a bracket of BRACKET, over the real engine (what-if.ts:
 * re-planned in full, only the changed part re-simulated). A price is one search for every component
 * at once: each re-plan narrows the bracket of every component whose flip it falls inside. The
 * bisection runs on a cheap screen — for a workload the component alone simulated again (what it
 * calls left at today's demand), for any other input each component's best response to today's
 * placements in the joint problem — and only the end of the range and the two probes are re-planned
 * in full; where they disagree with the screen, the bisection is made again on full re-plans.
 *
 * A reported point is checked before it is reported: with the input at flipsAt × (1 ± PROBE) — just
 * beyond it in its direction — the placement is `to`, and just before it, it is not. The search
 * assumes the placement changes once on the way to the end of the range (a monotone input); a flip
 * that comes back before the end is not found.
 */
import { PATTERN_FIELDS } from '../model/design-fields';
import type { Component, Design, Placement } from '../model/design';
import { findRuleOut } from '../recommend/hard-constraints';
import type { Plan } from '../model/plan';
import { readParameter } from './set-parameter';
import { WhatIf } from './what-if';

/** How far the search looks: from today's value ÷ RANGE to × RANGE. */
export const RANGE = 10;
/** How close the bisection brackets a flip (ratio of its ends) before it is checked. */
export const BRACKET = 1.01;
/** "Just before" and "just beyond" a tipping point: flipsAt × (1 ∓ PROBE). */
export const PROBE = 0.01;

export type Direction = 'above' | 'below';

export interface TippingPoint {
  parameter: string;
  value: number;
  flipsAt: number;
  to: Placement;
  direction: Direction;
}

/** The prices searched, as paths into the design (the resolved value is today's). */
export const PRICE_PARAMETERS = [
  'environments.static.coreMonthlyCost',
  'environments.vm.hourlyPrice',
  'environments.functions.gbSecondPrice',
] as const;

/** The most each searched input may be (the design schema's bounds). */
const MAXIMA = {
  baseRps: 1e7,
  peakRps: 1e8,
  cpuMs: 3_600_000,
  latencySloMs: 3_600_000,
  coreMonthlyCost: 1e6,
  hourlyPrice: 1e4,
  gbSecondPrice: 1,
} as const;

interface Parameter {
  path: string;
  value: number;
  /** The searched interval, within the schema's bounds and the workload's own rules (base ≤ peak). */
  low: number;
  high: number;
  /** What the design allows it to be: probes just past the range stay inside. */
  floor: number;
  ceiling: number;
  /** Components whose flips this input reports. */
  ids: readonly string[];
}

export interface TippingOptions {
  /** Search only these components' own inputs and flips (default: all). */
  componentIds?: readonly string[];
  /** Search the prices (default true). */
  prices?: boolean;
}

export interface TippingResult {
  plan: Plan;
  /** Re-plans made and components simulated again for them. */
  replans: number;
  resimulated: number;
}

/** The plan of `design` with every placement's tipping points (see the module comment). */
export function findTippingPoints(design: Design, options: TippingOptions = {}): TippingResult {
  const whatIf = new WhatIf(design);
  const plan = withTippingPoints(whatIf.basePlan(), searchTippingPoints(whatIf, options));
  return { plan, replans: whatIf.replans, resimulated: whatIf.resimulated };
}

/** The plan with `tippingPoints` on every placement searched (empty where nothing flips within the range). */
export function withTippingPoints(plan: Plan, points: ReadonlyMap<string, TippingPoint[]>): Plan {
  return {
    ...plan,
    placements: plan.placements.map((p) => {
      const found = points.get(p.componentId);
      return found ? { ...p, tippingPoints: found } : p;
    }),
  };
}

/** Every component's tipping points, by component id, over a WhatIf of the design. */
export function searchTippingPoints(whatIf: WhatIf, options: TippingOptions = {}): Map<string, TippingPoint[]> {
  const design = whatIf.design;
  const wanted = new Set(options.componentIds ?? design.components.map((c) => c.id));
  // Pinned, external, stateful and regulated components never leave the data centre whatever the
  // numbers (hard-constraints.ts: burst, the most permitted move, is ruled out for no numeric reason).
  const isMovable = (c: Component) => !c.pin && findRuleOut(c, 'burst', whatIf.priced.tariff) === null;
  const open = design.components.filter((c) => wanted.has(c.id) && isMovable(c)).map((c) => c.id);
  const current = whatIf.baseAssignment();
  const out = new Map<string, TippingPoint[]>(
    design.components.filter((c) => wanted.has(c.id)).map((c) => [c.id, [] as TippingPoint[]]),
  );
  const movable = new Set(open);
  const parameters = design.components.flatMap((c, i) => (movable.has(c.id) ? ownParameters(design, i) : []));
  if (options.prices ?? true) parameters.push(...priceParameters(whatIf, open));
  for (const parameter of parameters) {
    for (const direction of ['below', 'above'] as const) {
      for (const point of searchDirection(whatIf, parameter, direction, current)) {
        out.get(point.id)?.push(point.point);
      }
    }
  }
  return out;
}

/** A component's own inputs: its workload's base and peak, its CPU time, its SLO. */
function ownParameters(design: Design, i: number): Parameter[] {
  const c = design.components[i];
  if (!c) return [];
  const at = (field: string) => `components[${i}].${field}`;
  const out: Parameter[] = [];
  const add = (path: string, value: number | undefined, bounds: [number, number]) => {
    const [floor, ceiling] = bounds;
    if (value === undefined || value <= 0) return;
    const low = Math.max(value / RANGE, floor);
    const high = Math.min(value * RANGE, ceiling);
    if (high > low) out.push({ path, value, low, high, floor, ceiling, ids: [c.id] });
  };
  const w = c.workload;
  if (w && !w.trace) {
    const usesPeak = (PATTERN_FIELDS[w.pattern] as readonly string[]).includes('peakRps');
    const peak = usesPeak ? w.peakRps : undefined;
    const b = w.baseRps;
    add(at('workload.baseRps'), b, [0, Math.min(peak ?? Infinity, MAXIMA.baseRps)]);
    if (peak !== undefined) add(at('workload.peakRps'), peak, [b, MAXIMA.peakRps]);
  }
  add(at('demand.cpuMs'), c.demand.cpuMs, [0, MAXIMA.cpuMs]);
  add(at('latencySloMs'), c.latencySloMs, [0, MAXIMA.latencySloMs]);
  return out;
}

function priceParameters(whatIf: WhatIf, ids: readonly string[]): Parameter[] {
  return PRICE_PARAMETERS.flatMap((path): Parameter[] => {
    const value = readParameter(whatIf.priced, path);
    const ceiling = MAXIMA[path.slice(path.lastIndexOf('.') + 1) as keyof typeof MAXIMA];
    if (value === undefined || value <= 0 || ids.length === 0) return [];
    return [{ path, value, low: value / RANGE, high: Math.min(value * RANGE, ceiling), floor: 0, ceiling, ids }];
  });
}

interface Bracket {
  id: string;
  /** Today's placement holds at `near`; another holds at `far`. */
  near: number;
  far: number;
}

/** The checked tipping points of one input in one direction, for each component it reports on. */
function searchDirection(
  whatIf: WhatIf,
  parameter: Parameter,
  direction: Direction,
  current: ReadonlyMap<string, Placement>,
): { id: string; point: TippingPoint }[] {
  const end = direction === 'above' ? parameter.high : parameter.low;
  if ((direction === 'above' && end <= parameter.value) || (direction === 'below' && end >= parameter.value)) return [];
  const full = memoised((x) => whatIf.assignmentWith(parameter.path, x));
  const atEnd = full(end);
  const flipping = parameter.ids.filter((id) => atEnd.get(id) !== current.get(id));
  if (flipping.length === 0) return [];
  const bracketsOf = (ids: readonly string[]): Bracket[] => ids.map((id) => ({ id, near: parameter.value, far: end }));
  const check = (brackets: Bracket[]) => checkPoints(brackets, parameter, direction, current, full);
  // Bisect on a screen and check the result on full re-plans; where the check fails, the full
  // bisection below finds it. A workload moves the demand of everything downstream: its screen
  // simulates the component alone. Any other input re-simulates little, so its screen saves on the
  // decision instead: each component's best response to today's placements.
  const screen = memoised((x) =>
    parameter.path.includes('.workload.')
      ? whatIf.screenWith(parameter.path, x)
      : whatIf.screenLocallyWith(parameter.path, x, current),
  );
  const screenEnd = screen(end);
  const screened = flipping.filter((id) => screenEnd.get(id) !== current.get(id));
  const found = check(bisect(bracketsOf(screened), screen, current));
  const left = flipping.filter((id) => !found.some((f) => f.id === id));
  found.push(...check(bisect(bracketsOf(left), full, current)));
  return found;
}

type Evaluate = (x: number) => ReadonlyMap<string, Placement>;

function memoised(run: Evaluate): Evaluate {
  const memo = new Map<number, ReadonlyMap<string, Placement>>();
  return (x) => {
    let found = memo.get(x);
    if (!found) {
      found = run(x);
      memo.set(x, found);
    }
    return found;
  };
}

/** Brackets narrowed to BRACKET: bisect the widest; every re-plan narrows each bracket it falls inside. */
function bisect(brackets: Bracket[], at: Evaluate, current: ReadonlyMap<string, Placement>): Bracket[] {
  for (;;) {
    const open = brackets.filter((b) => ratio(b) > BRACKET);
    if (open.length === 0) return brackets;
    const widest = open.reduce((a, b) => (ratio(b) > ratio(a) ? b : a));
    const x = Math.sqrt(widest.near * widest.far);
    const placed = at(x);
    for (const b of brackets) {
      if (!(x > Math.min(b.near, b.far) && x < Math.max(b.near, b.far))) continue;
      if (placed.get(b.id) === current.get(b.id)) b.near = x;
      else b.far = x;
    }
  }
}

/** The tipping points that full re-plans just before and just beyond each bracket confirm. */
function checkPoints(
  brackets: readonly Bracket[],
  parameter: Parameter,
  direction: Direction,
  current: ReadonlyMap<string, Placement>,
  full: Evaluate,
): { id: string; point: TippingPoint }[] {
  const out: { id: string; point: TippingPoint }[] = [];
  const sign = direction === 'above' ? 1 : -1;
  for (const b of brackets) {
    const flipsAt = Number(Math.sqrt(b.near * b.far).toPrecision(4));
    const before = flipsAt * (1 - sign * PROBE);
    const beyond = flipsAt * (1 + sign * PROBE);
    if (!isAllowed(parameter, before) || !isAllowed(parameter, beyond)) continue;
    const to = full(beyond).get(b.id);
    if (to === undefined || to === current.get(b.id) || full(before).get(b.id) === to) continue;
    out.push({ id: b.id, point: { parameter: parameter.path, value: parameter.value, flipsAt, to, direction } });
  }
  return out;
}

const ratio = (b: Bracket) => Math.max(b.near, b.far) / Math.min(b.near, b.far);

/** Inside what the design allows: a probe just past the range's end may not be. */
function isAllowed(parameter: Parameter, x: number): boolean {
  return x > parameter.floor && x <= parameter.ceiling;
}
