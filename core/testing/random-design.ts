/**
 * Random designs for the plan's property tests (core/plan/random-designs.test.ts): 1–10 components of every
 * kind and pattern, traces, pins, timeouts, memory sizes, connections of both modes, three
 * providers, commitments, a data centre, margins and link latencies, over 1–3 days. Seeded (the
 * project's own PRNG): a seed is one design, always the same. The ranges reach the corners a
 * hand-written design rarely does (no load, a thousandth of a request a second, a 5 s request, a
 * 1 ms timeout, a payload of 10 MB); H40's fuzzer of 2026-12-06, which found seven faults in an hour,
 * drew them so.
 */
import type { DesignInput } from '../model';
import { createPrng } from '../workload/prng';

type Json = Record<string, unknown>;
type ComponentInput = DesignInput['components'][number];

const KINDS = ['ui', 'service', 'processing', 'batch', 'data-access', 'database', 'storage', 'queue', 'external'];
const PATTERNS = ['static', 'periodic', 'once-in-a-lifetime', 'unpredictable', 'continuously-changing'];
export const PLACEMENT_NAMES = ['static', 'elastic-vm', 'serverless', 'burst'] as const;

/** A seeded source of the draws a random design is made of. */
export class Draw {
  private readonly next: () => number;
  constructor(seed: number) {
    this.next = createPrng(seed);
  }
  unit(): number {
    return this.next();
  }
  pick<T>(xs: readonly T[]): T {
    return xs[Math.floor(this.next() * xs.length)] as T;
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  /** Log-uniform in [lo, hi]: every decade as likely. */
  logUniform(lo: number, hi: number): number {
    return Math.exp(Math.log(lo) + this.next() * (Math.log(hi) - Math.log(lo)));
  }
  /** An integer in [0, n). */
  below(n: number): number {
    return Math.floor(this.next() * n);
  }
}

const r3 = (x: number) => Math.round(x * 1000) / 1000;

/** A workload of a random pattern, its fields within what the schema accepts over `days`. */
export function randomWorkload(draw: Draw, days: number): Json {
  const pattern = draw.pick(PATTERNS);
  const baseRps = draw.chance(0.2) ? draw.pick([0, 0.01, 0.001]) : r3(draw.logUniform(0.01, 500));
  const w: Json = { pattern, baseRps };
  if (pattern !== 'static' && pattern !== 'continuously-changing')
    w.peakRps = r3(baseRps * draw.logUniform(1, 200) + (draw.chance(0.3) ? 0.01 : 0));
  if (pattern === 'periodic') {
    const periodHours = draw.pick([0.25, 1, 6, 24, 168]);
    w.periodHours = periodHours;
    w.peakHours = r3(periodHours * draw.unit());
    const start = r3((periodHours - 0.001) * draw.unit());
    w.peakStartHour = start >= periodHours ? 0 : start;
  }
  if (pattern === 'once-in-a-lifetime') {
    w.peakHours = r3(draw.logUniform(0.05, 30));
    w.peakStartHour = r3(draw.unit() * days * 24 * 0.99);
  }
  if (pattern === 'unpredictable') w.spikesPerWeek = r3(draw.logUniform(0.1, 50));
  if (pattern === 'continuously-changing') w.growthPerMonth = r3(-0.9 + draw.unit() * 3);
  if (draw.chance(0.3)) w.noise = r3(draw.unit());
  if (draw.chance(0.07)) {
    const points = 1 + draw.below(50);
    w.trace = {
      stepMinutes: draw.pick([1, 5, 7, 15, 60]),
      rps: Array.from({ length: points }, () => r3(draw.logUniform(0.01, 100) * (draw.chance(0.2) ? 0 : 1))),
    };
  }
  return w;
}

function randomComponent(draw: Draw, i: number, days: number): ComponentInput {
  const cpuMs = r3(draw.logUniform(0.05, 5000));
  const demand: Json = { cpuMs };
  const c: Json = { id: `c${i}`, name: `Comp ${i}`, kind: draw.pick(KINDS), demand };
  if (draw.chance(0.6) || i === 0) c.workload = randomWorkload(draw, days);
  if (draw.chance(0.3)) demand.memoryMb = draw.pick([128, 256, 1024, 3008, 10240]);
  if (draw.chance(0.3)) demand.durationSeconds = r3(Math.max(0.001, (cpuMs / 1000) * draw.logUniform(0.5, 100)));
  if (draw.chance(0.05)) demand.durationSeconds = draw.pick([901, 1200, 5000]);
  if (draw.chance(0.2)) demand.timeoutMs = r3(draw.logUniform(1, 60000));
  if (draw.chance(0.25)) c.stateful = true;
  if (draw.chance(0.5)) c.dataClass = draw.pick(['public', 'internal', 'confidential', 'regulated']);
  if (draw.chance(0.5)) c.latencySloMs = r3(draw.logUniform(1, 100000));
  if (draw.chance(0.3)) c.dataGb = r3(draw.logUniform(0.01, 5000));
  if (draw.chance(0.15)) {
    const placement = draw.pick(PLACEMENT_NAMES);
    c.pin = placement === 'static' && draw.chance(0.5) ? { placement, cores: 1 + draw.below(20) } : { placement };
  }
  return c as unknown as ComponentInput;
}

/** Design number `seed`: valid for the schema most of the time (a draw may still break a rule it checks). */
export function randomDesign(seed: number): DesignInput {
  const draw = new Draw(seed);
  const days = draw.pick([1, 1, 2, 3]);
  const n = 1 + draw.below(10);
  const components = Array.from({ length: n }, (_, i) => randomComponent(draw, i, days));
  const connections: Json[] = [];
  const seen = new Set<string>();
  const chain = draw.chance(0.2);
  const m = chain ? n - 1 : draw.below(Math.floor(n * 1.5));
  for (let k = 0; k < m; k++) {
    let a = chain ? k : draw.below(n);
    let b = chain ? k + 1 : draw.below(n);
    if (a === b) continue;
    if (a > b) [a, b] = [b, a];
    if (seen.has(`${a}-${b}`)) continue;
    seen.add(`${a}-${b}`);
    const conn: Json = { id: `k${k}`, from: `c${a}`, to: `c${b}`, mode: draw.pick(['sync', 'async']) };
    if (draw.chance(0.8)) conn.callsPerRequest = draw.pick([0, 0.001, 0.1, 0.5, 1, 1, 2, 3.7, 10]);
    if (draw.chance(0.5)) conn.payloadKb = r3(draw.logUniform(0.01, 10000));
    connections.push(conn);
  }
  const design: Json = {
    format: 'tidemark.design',
    version: 1,
    name: `random design ${seed}`,
    simulation: { days, stepMinutes: draw.pick([1, 5, 15, 60]), seed: draw.below(1e6) },
    components,
    connections,
  };
  if (draw.chance(0.3))
    design.pricing = draw.pick([
      { provider: 'aws', region: 'us-east-1', commitment: draw.pick(['none', '1y', '3y']) },
      { provider: 'azure', region: 'eastus' },
      { provider: 'gcp', region: 'us-central1' },
    ]);
  const env: Json = {};
  if (draw.chance(0.2))
    env.vm = {
      minInstances: draw.pick([0, 1, 2]),
      ...(draw.chance(0.5) ? { evaluationSeconds: draw.pick([10, 60, 300]) } : {}),
    };
  if (draw.chance(0.15)) env.static = { coreMonthlyCost: r3(draw.logUniform(1, 200)) };
  else if (draw.chance(0.1))
    env.dataCentre = {
      serverPrice: r3(draw.logUniform(2000, 40000)),
      coresPerServer: draw.pick([8, 16, 32, 64]),
      amortisationYears: draw.pick([3, 4, 5]),
      wattsPerServer: draw.pick([300, 450, 800]),
      pue: draw.pick([1.2, 1.5, 2]),
      kwhPrice: draw.pick([0.08, 0.15, 0.3]),
      spaceMonthlyPerServer: draw.pick([50, 100, 200]),
      opsMonthlyPerServer: draw.pick([100, 150, 400]),
    };
  if (draw.chance(0.15)) env.decision = { simplicityMargin: draw.pick([0, 0.1, 0.5]) };
  if (draw.chance(0.1)) env.link = { latencyMs: draw.pick([0, 1, 100]) };
  if (Object.keys(env).length > 0) design.environments = env;
  return design as unknown as DesignInput;
}

/**
 * One edit a user makes to a design (a copy of it): a CPU time, a workload, a workload removed, a
 * name, a target, a core-month, a connection's mode and calls, whether it keeps state.
 */
export function randomEdit(design: DesignInput, draw: Draw): DesignInput {
  const e = JSON.parse(JSON.stringify(design)) as Json & { components: Json[]; connections: Json[] };
  const i = draw.below(e.components.length);
  const c = e.components[i] as Json & { demand: Json };
  const days = (e.simulation as { days: number }).days;
  switch (draw.below(8)) {
    case 0:
      c.demand.cpuMs = r3((c.demand.cpuMs as number) * draw.logUniform(0.3, 3));
      break;
    case 1:
      c.workload = randomWorkload(draw, days);
      break;
    case 2:
      delete c.workload;
      if (!e.components.some((x) => x.workload)) (e.components[0] as Json).workload = randomWorkload(draw, days);
      break;
    case 3:
      c.name = `Renamed ${i}`;
      break;
    case 4:
      c.latencySloMs = r3(draw.logUniform(1, 10000));
      break;
    case 5:
      e.environments = { ...(e.environments ?? {}), static: { coreMonthlyCost: 20 } };
      break;
    case 6: {
      const k = e.connections.length > 0 ? (e.connections[draw.below(e.connections.length)] as Json) : undefined;
      if (k) {
        k.mode = k.mode === 'sync' ? 'async' : 'sync';
        k.callsPerRequest = draw.pick([0.5, 1, 2]);
      }
      break;
    }
    default:
      c.stateful = !c.stateful;
  }
  return e as unknown as DesignInput;
}
