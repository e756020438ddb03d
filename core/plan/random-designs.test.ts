/**
 * Properties every plan must have, over random designs nobody wrote (core/testing/random-design.ts): a
 * plan is the same every time; an edit re-planned with the kept runs is the fresh plan of the edited
 * design, byte for byte; every cost adds up to the cent; every figure is a finite, ordered number;
 * pins and the hard rules hold; reasons quote their option's figures; and a design broken in one
 * field is refused with that field's path, never with a throw. Seeds are fixed: a failure names its
 * seed, and `randomDesign(seed)` gives the design back.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { registerHighs } from '../cli/register-highs';
import type { DesignInput } from '../model';
import { planSchema, type Plan } from '../model/plan';
import { validateDesign } from '../model/validate';
import { buildPlan } from './build-plan';
import { planDesign } from './plan-design';
import { Draw, PLACEMENT_NAMES, randomDesign, randomEdit } from '../testing/random-design';
import { createRunMemo } from './run-memo';

beforeAll(async () => {
  await registerHighs();
});

const SEEDS = Array.from({ length: 24 }, (_, k) => 1001 + k);
const cents = (x: number) => Math.round(x * 100);

function planOf(input: DesignInput, memo?: ReturnType<typeof createRunMemo>): Plan {
  const checked = validateDesign(structuredClone(input));
  if (!checked.ok) throw new Error(`not valid: ${JSON.stringify(checked.problems)}`);
  return buildPlan(checked.value, memo ? { memo } : {}).plan;
}

/** What is wrong with `plan` of `input`, as readable lines (none when it keeps every property). */
function faultsOf(plan: Plan, input: DesignInput): string[] {
  const faults: string[] = [];
  const fault = (text: string) => faults.push(text);
  const parsed = planSchema.safeParse(plan);
  if (!parsed.success) fault(`schema: ${JSON.stringify(parsed.error.issues.slice(0, 2))}`);
  const horizon = plan.assumptions.simulation.days * 1440;
  let total = 0;
  plan.placements.forEach((p, i) => {
    const c = input.components[i];
    if (!c || p.componentId !== c.id) return fault(`order: ${p.componentId} at ${i}`);
    const offered = p.options.map((o) => o.placement).sort();
    if (offered.join() !== [...PLACEMENT_NAMES].sort().join()) fault(`${c.id}: options ${offered.join()}`);
    const chosen = p.options.find((o) => o.placement === p.placement);
    if (!chosen) return fault(`${c.id}: no option for ${p.placement}`);
    if (c.pin && p.placement !== c.pin.placement) fault(`${c.id}: pinned ${c.pin.placement}, placed ${p.placement}`);
    if (!c.pin && !chosen.feasible && p.options.some((o) => o.feasible))
      fault(`${c.id}: ${p.placement} infeasible though another is feasible`);
    for (const o of p.options) {
      const tag = `${c.id}/${o.placement}`;
      const figures: [string, number | undefined][] = [
        ['monthlyCost', o.monthlyCost],
        ['meanLatencyMs', o.meanLatencyMs],
        ['p50LatencyMs', o.p50LatencyMs],
        ['p95LatencyMs', o.p95LatencyMs],
        ['p99LatencyMs', o.p99LatencyMs],
        ['sloViolationMinutes', o.sloViolationMinutes],
        ['droppedRequests', o.droppedRequests],
        ['coldStartShare', o.coldStartShare],
        ['meanInstances', o.meanInstances],
      ];
      for (const [name, v] of figures)
        if (v !== undefined && !(Number.isFinite(v) && v >= 0)) fault(`${tag}: ${name} ${v}`);
      if (o.p50LatencyMs !== undefined && o.p50LatencyMs > o.p95LatencyMs + 1e-9)
        fault(`${tag}: p50 ${o.p50LatencyMs} > p95 ${o.p95LatencyMs}`);
      if (o.p99LatencyMs !== undefined && o.p95LatencyMs > o.p99LatencyMs + 1e-9)
        fault(`${tag}: p95 ${o.p95LatencyMs} > p99 ${o.p99LatencyMs}`);
      if (o.meanLatencyMs === 0 && (o.p50LatencyMs ?? 0) > 0) fault(`${tag}: mean 0 with p50 ${o.p50LatencyMs}`);
      if (o.sloViolationMinutes > horizon + 1e-6) fault(`${tag}: ${o.sloViolationMinutes} SLO minutes in ${horizon}`);
      if (c.latencySloMs === undefined && o.sloViolationMinutes > 0 && o.droppedRequests === 0)
        fault(`${tag}: ${o.sloViolationMinutes} SLO minutes with no target and no drop`);
      if (o.coldStartShare !== undefined && o.coldStartShare > 1) fault(`${tag}: cold-start share ${o.coldStartShare}`);
      const lines = o.costLines.reduce((a, l) => a + cents(l.monthlyCost), 0);
      if (cents(o.monthlyCost) !== lines) fault(`${tag}: ${o.monthlyCost} against lines adding to ${lines / 100}`);
      for (const l of o.costLines)
        if (Math.abs(l.quantity * l.unitPrice - l.monthlyCost) > 0.005 + 1e-6)
          fault(`${tag}: line ${l.item} ${l.quantity} × ${l.unitPrice} ≠ ${l.monthlyCost}`);
      if (p.demand) {
        const requests = (p.demand.requestsPerMonth * horizon) / (730 * 60);
        if (o.droppedRequests > requests * 1.0001 + 1) fault(`${tag}: ${o.droppedRequests} dropped of ${requests}`);
      }
    }
    if (p.demand && p.demand.peakRps + 1e-9 < p.demand.meanRps)
      fault(`${c.id}: peak ${p.demand.peakRps} < mean ${p.demand.meanRps}`);
    // R5 and R4 (placement-rules.md): regulated or confidential data and state stay on premises.
    const cloudOnly = p.placement === 'elastic-vm' || p.placement === 'serverless';
    if (!c.pin && cloudOnly && (c.dataClass === 'regulated' || c.dataClass === 'confidential'))
      fault(`${c.id}: ${c.dataClass} data placed ${p.placement}`);
    if (!c.pin && c.stateful && p.placement !== 'static' && !['storage', 'queue', 'database'].includes(c.kind))
      fault(`${c.id}: stateful, placed ${p.placement}`);
    for (const r of p.reasons) {
      if (/NaN|Infinity|undefined/.test(r.text)) fault(`${c.id}: reason "${r.text}"`);
      const cost = /runs .*? at \$([0-9,]+\.[0-9]{2}) a month/.exec(r.text);
      if (cost && Math.abs(Number(cost[1]?.replace(/,/g, '')) - chosen.monthlyCost) > 0.005)
        fault(`${c.id}: reason quotes $${cost[1]}, the option costs ${chosen.monthlyCost}`);
    }
    for (const o of p.options) if (/NaN|Infinity|undefined/.test(o.note ?? '')) fault(`${c.id}: note "${o.note}"`);
    total += cents(chosen.monthlyCost);
  });
  for (const w of plan.wiring) {
    const lines = w.costLines.reduce((a, l) => a + cents(l.monthlyCost), 0);
    if (cents(w.monthlyCost) !== lines) fault(`wiring ${w.kind}: ${w.monthlyCost} against ${lines / 100}`);
    total += cents(w.monthlyCost);
  }
  const recommended = plan.totals.recommended;
  if (total !== cents(recommended.monthlyCost)) fault(`total ${recommended.monthlyCost} against parts ${total / 100}`);
  for (const [name, t] of Object.entries(plan.totals))
    for (const k of ['monthlyCost', 'sloViolationMinutes', 'droppedRequests'] as const) {
      const v = (t as Partial<Record<typeof k, number>> | null)?.[k];
      if (v !== undefined && !(Number.isFinite(v) && v >= 0)) fault(`totals.${name}.${k} ${v}`);
    }
  return faults;
}

/** A design as JSON, any field writable: what a broken one is made from. */
interface Loose {
  components: ({ demand: Record<string, unknown> } & Record<string, unknown>)[];
  connections?: unknown[];
  simulation: Record<string, unknown>;
  [field: string]: unknown;
}
/** Breaks one field of a design; the path a refusal must name. */
const BREAKERS: [string, (d: Loose, first: Loose['components'][number]) => void][] = [
  ['components[0].demand.cpuMs', (_, c) => void (c.demand.cpuMs = -1)],
  ['components[0].workload', (_, c) => void (c.workload = { pattern: 'periodic', baseRps: 10, peakRps: 5 })],
  ['components[0].pin', (_, c) => void (c.pin = { placement: 'mainframe' })],
  ['components[0].demand.memoryMb', (_, c) => void (c.demand.memoryMb = 20000)],
  ['components[0].latencySloMs', (_, c) => void (c.latencySloMs = 0)],
  ['connections[0]', (d) => void (d.connections = [{ id: 'self', from: 'c0', to: 'c0' }])],
  ['simulation.days', (d) => void (d.simulation.days = 91)],
  ['pricing.region', (d) => void (d.pricing = { provider: 'aws', region: 'mars-1' })],
  ['environments.vm', (d) => void (d.environments = { vm: { minInstances: 5, maxInstances: 2 } })],
];

describe('plans of random designs', () => {
  const valid = SEEDS.map((seed) => ({ seed, design: randomDesign(seed) })).filter(
    ({ design }) => validateDesign(structuredClone(design)).ok,
  );

  it('draws mostly valid designs, of every size', () => {
    expect(valid.length).toBeGreaterThanOrEqual(SEEDS.length - 4);
    const sizes = new Set(valid.map(({ design }) => design.components.length));
    expect(sizes.size).toBeGreaterThanOrEqual(5);
  });

  it.each(valid.map(({ seed }) => seed))(
    'seed %i: the same plan twice, keeping every property; an edit re-planned equals its fresh plan',
    (seed) => {
      const design = randomDesign(seed);
      const plan = planOf(design);
      expect(faultsOf(plan, design)).toEqual([]);
      expect(JSON.stringify(planOf(design))).toBe(JSON.stringify(plan));
      const memo = createRunMemo();
      planOf(design, memo);
      const draw = new Draw(seed * 7919);
      for (let k = 0; k < 2; k++) {
        const edited = randomEdit(design, draw);
        if (!validateDesign(structuredClone(edited)).ok) continue;
        const replanned = planOf(edited, memo);
        expect(JSON.stringify(replanned)).toBe(JSON.stringify(planOf(edited)));
        expect(faultsOf(replanned, edited)).toEqual([]);
      }
    },
  );

  it.each(BREAKERS.map(([path], k) => [path, k] as const))(
    'a design with %s broken is refused with that path',
    (path, k) => {
      const { design } = valid[k % valid.length] as { design: DesignInput };
      const broken = structuredClone(design) as unknown as Loose;
      BREAKERS[k]?.[1](broken, broken.components[0] as Loose['components'][number]);
      const result = planDesign(broken);
      expect(result.ok).toBe(false);
      if (result.ok) return;
      expect(result.problems.map((p) => p.path).some((p) => p.startsWith(path))).toBe(true);
    },
  );
});
