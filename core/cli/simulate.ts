/**
 * `npm run simulate -- <design.json> --component <id> [--days N] [--seed N]`: one component of a
 * design, request by request (core/simulate-requests: seeded Poisson arrivals, exponential service,
 * FIFO, timeouts, the autoscaler and cold starts), its figures printed next to the engine's for
 * static cores (at the engine's core count), elastic VMs, functions and a burst (on the plan's base) —
 * so anyone can check a plan.
 * Bad input exits with status 2 and a one-line reason (or `path: message` lines for an invalid design).
 * The design goes through the versioned loader, as `npm run plan` reads it.
 */
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { functionMsOf, priceDesign } from '../cost/tariff';
import { formatProblems, loadDesign, parseJson } from '../model';
import { propagateDemand } from '../simulate/propagate-demand';
import { type ComparedFigures, compareEngine } from '../simulate-requests/compare-engine';
import type { CliResult } from './plan';

const USAGE = 'usage: npm run simulate -- <design.json> --component <id> [--days N] [--seed N]';

interface Args {
  file: string;
  component: string;
  days?: number;
  seed: number;
}

function parseArgs(argv: readonly string[]): Args | string {
  const rest: string[] = [];
  const flags: Record<string, string> = {};
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] as string;
    if (!a.startsWith('--')) {
      rest.push(a);
      continue;
    }
    const [name, inline] = a.slice(2).split('=', 2) as [string, string | undefined];
    if (!['component', 'days', 'seed'].includes(name)) return `--${name}: unknown option (${USAGE})`;
    const value = inline ?? argv[++i];
    if (value === undefined || value === '') return `--${name}: needs a value`;
    flags[name] = value;
  }
  if (rest.length !== 1) return USAGE;
  if (!flags.component) return `--component: needs the id of a component (${USAGE})`;
  const whole = (name: string, min: number, max: number): number | string | undefined => {
    const raw = flags[name];
    if (raw === undefined) return undefined;
    const n = Number(raw);
    return Number.isInteger(n) && n >= min && n <= max
      ? n
      : `--${name}: expected a whole number from ${min} to ${max}, got ${raw}`;
  };
  const days = whole('days', 1, 90);
  if (typeof days === 'string') return days;
  const seed = whole('seed', 0, 2 ** 31);
  if (typeof seed === 'string') return seed;
  return {
    file: rest[0] as string,
    component: flags.component,
    ...(days === undefined ? {} : { days }),
    seed: seed ?? 1,
  };
}

export function runSimulateCli(argv: readonly string[]): CliResult {
  const args = parseArgs(argv);
  if (typeof args === 'string') return fail(args);
  let text: string;
  try {
    text = readFileSync(args.file, 'utf8');
  } catch (e) {
    return fail(`${args.file}: cannot read (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
  }
  const parsed = parseJson(text);
  const checked = parsed.ok ? loadDesign(parsed.value) : parsed;
  if (!checked.ok) return { status: 2, stdout: '', stderr: `${formatProblems(checked.problems, args.file)}\n` };
  // Priced as the plan prices it: its environments resolved from its price book.
  const design = priceDesign(
    args.days === undefined
      ? checked.value
      : { ...checked.value, simulation: { ...checked.value.simulation, days: args.days } },
  );
  const component = design.components.find((c) => c.id === args.component);
  if (!component) {
    const ids = design.components.map((c) => c.id).join(', ');
    return fail(`--component ${args.component}: no such component in ${args.file} (its components: ${ids})`);
  }
  const demand = propagateDemand(design).get(component.id)?.load;
  if (!demand) return fail(`--component ${args.component}: the component has no demand`);
  // A function runs as long as the CPU its memory buys on the design's provider lets it, as in the plan.
  const load = { ...demand, functionDurationMs: functionMsOf(component.demand, design.tariff) };
  const { stepMinutes, days } = design.simulation;
  const steps = (days * 24 * 60) / stepMinutes;
  const ctx = { steps, stepMinutes, dt: stepMinutes * 60, env: design.environments, points: 100 };
  const pinned = component.pin?.placement === 'static' ? component.pin.cores : undefined;
  const lines = [
    `${component.id}: ${days} days at ${stepMinutes}-minute steps, peak ${load.peakRps.toFixed(1)} rps; simulator seed ${args.seed}`,
  ];
  const pinnedBase = component.pin?.placement === 'burst' ? component.pin.cores : undefined;
  for (const placement of ['static', 'elastic-vm', 'serverless', 'burst'] as const) {
    const cores = placement === 'static' ? pinned : placement === 'burst' ? pinnedBase : undefined;
    const run = compareEngine(load, placement, ctx, { seed: args.seed, ...(cores !== undefined ? { cores } : {}) });
    const title =
      placement === 'static'
        ? `static (${run.engine.cores ?? '?'} cores)`
        : placement === 'burst'
          ? `burst (base of ${run.engine.cores ?? '?'} cores)`
          : placement;
    lines.push(
      '',
      `${title.padEnd(26)}${'engine'.padStart(14)}${'simulator'.padStart(14)}${'difference'.padStart(12)}`,
    );
    lines.push(...rows(run.engine, run.requests));
  }
  return { status: 0, stdout: `${lines.join('\n')}\n`, stderr: '' };
}

function rows(e: ComparedFigures, r: ComparedFigures): string[] {
  const out: string[] = [];
  const row = (name: string, a: number | undefined, b: number | undefined, digits: number) => {
    if (a === undefined || b === undefined) return;
    const diff = b !== 0 ? `${(100 * (a / b - 1)).toFixed(1)} %` : a === 0 ? '0 %' : '—';
    out.push(
      `  ${name.padEnd(24)}${a.toFixed(digits).padStart(14)}${b.toFixed(digits).padStart(14)}${diff.padStart(12)}`,
    );
  };
  row('requests', e.requests, r.requests, 0);
  row('dropped', e.droppedRequests, r.droppedRequests, 0);
  row('mean latency, ms', e.meanLatencyMs, r.meanLatencyMs, 1);
  row('p50 latency, ms', e.p50LatencyMs, r.p50LatencyMs, 1);
  row('p95 latency, ms', e.p95LatencyMs, r.p95LatencyMs, 1);
  row('p99 latency, ms', e.p99LatencyMs, r.p99LatencyMs, 1);
  row('SLO-violation minutes', e.sloViolationMinutes, r.sloViolationMinutes, 1);
  row('mean instances', e.meanInstances, r.meanInstances, 2);
  row('cold-start share', e.coldStartShare, r.coldStartShare, 5);
  row('served in the cloud', e.cloudServed, r.cloudServed, 0);
  return out;
}

function fail(message: string): CliResult {
  return { status: 2, stdout: '', stderr: `${message}\n` };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const result = runSimulateCli(process.argv.slice(2));
  process.stdout.write(result.stdout);
  process.stderr.write(result.stderr);
  process.exitCode = result.status;
}
