/**
 * `npm run simulate -- <design.json> --component <id> [--days N] [--seed N]`: one component of a
 * design, request by request (core/simulate-requests: seeded Poisson arrivals, exponential service,
 * FIFO, timeouts, the autoscaler and cold starts), its figures printed next to the engine's for
 * each option at the sizing the plan chose (a static pool's cores, a burst's base, a tuned VM target),
 * beside what the plan itself reports for it (with the delay of calls across the link) — so anyone can
 * check a plan.
 * Bad input exits with status 2 and a one-line reason (or `path: message` lines for an invalid design).
 * The design goes through the versioned loader, as `npm run plan` reads it.
 */
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { functionMsOf, priceDesign } from '../cost/tariff';
import { formatProblems, loadDesign, parseJson } from '../model';
import type { PlanOption } from '../model/plan';
import { runToEnd, simulateDesign } from '../plan/build-plan';
import { decidePlan } from '../plan/decide-plan';
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
  // The plan's own runs: each option at the sizing the plan chose (a static pool's cores, a burst's
  // base as raised where Weinman's missed, VMs scaling out earlier where tuned), and the plan's figures,
  // which add the delay of calls across the link (R8) to the component's own.
  const simulated = runToEnd(simulateDesign(design, 100));
  const facts = simulated.facts.get(component.id);
  const demand = propagateDemand(design).get(component.id)?.load;
  if (!demand || !facts) return fail(`--component ${args.component}: the component has no demand`);
  const plan = decidePlan(design, simulated.facts, simulated.horizonMinutes);
  const entry = plan.placements.find((p) => p.componentId === component.id);
  // A function runs as long as the CPU its memory buys on the design's provider lets it, as in the plan.
  const load = { ...demand, functionDurationMs: functionMsOf(component.demand, design.tariff) };
  const { stepMinutes, days } = design.simulation;
  const steps = (days * 24 * 60) / stepMinutes;
  const ctx = { steps, stepMinutes, dt: stepMinutes * 60, env: design.environments, points: 100 };
  const lines = [
    `${component.id}: ${days} days at ${stepMinutes}-minute steps, peak ${load.peakRps.toFixed(1)} rps; simulator seed ${args.seed}`,
    "engine: its capacity model for this component alone, at the plan's sizing; simulator: request by request at the same;",
    "plan: what the plan reports for the option (the engine's figures with the delay of its calls across the link, R8).",
  ];
  for (const placement of ['static', 'elastic-vm', 'serverless', 'burst'] as const) {
    const run = facts.runs.find((r) => r.placement === placement);
    const usage = run?.usage;
    const cores =
      usage?.placement === 'static' ? usage.cores : usage?.placement === 'burst' ? usage.baseCores : undefined;
    const target = run?.targetUtilization;
    const runCtx =
      target === undefined ? ctx : { ...ctx, env: { ...ctx.env, vm: { ...ctx.env.vm, targetUtilization: target } } };
    const compared = compareEngine(load, placement, runCtx, {
      seed: args.seed,
      ...(cores !== undefined ? { cores } : {}),
    });
    const option = entry?.options.find((o) => o.placement === placement);
    const title =
      placement === 'static'
        ? `static (${compared.engine.cores ?? '?'} cores)`
        : placement === 'burst'
          ? `burst (base of ${compared.engine.cores ?? '?'} cores)`
          : target === undefined
            ? placement
            : `elastic-vm (at ${Math.round(100 * target)} % CPU)`;
    lines.push(
      '',
      `${title.padEnd(26)}${'engine'.padStart(14)}${'simulator'.padStart(14)}${'difference'.padStart(12)}${'plan'.padStart(14)}`,
    );
    if (option && !option.feasible) lines.push(`  (the plan rules it out: ${option.note})`);
    lines.push(...rows(compared.engine, compared.requests, option?.feasible ? option : undefined));
  }
  return { status: 0, stdout: `${lines.join('\n')}\n`, stderr: '' };
}

/** Engine, simulator, their difference, and the plan's figure where the plan reports one. */
function rows(e: ComparedFigures, r: ComparedFigures, plan?: PlanOption): string[] {
  const out: string[] = [];
  const row = (name: string, a: number | undefined, b: number | undefined, digits: number, p?: number) => {
    if (a === undefined || b === undefined) return;
    const diff = b !== 0 ? `${(100 * (a / b - 1)).toFixed(1)} %` : a === 0 ? '0 %' : '—';
    const planned = p === undefined ? '' : p.toFixed(digits).padStart(14);
    out.push(
      `  ${name.padEnd(24)}${a.toFixed(digits).padStart(14)}${b.toFixed(digits).padStart(14)}${diff.padStart(12)}${planned}`,
    );
  };
  row('requests', e.requests, r.requests, 0);
  row('dropped', e.droppedRequests, r.droppedRequests, 0, plan?.droppedRequests);
  row('mean latency, ms', e.meanLatencyMs, r.meanLatencyMs, 1, plan?.meanLatencyMs);
  row('p50 latency, ms', e.p50LatencyMs, r.p50LatencyMs, 1, plan?.p50LatencyMs);
  row('p95 latency, ms', e.p95LatencyMs, r.p95LatencyMs, 1, plan?.p95LatencyMs);
  row('p99 latency, ms', e.p99LatencyMs, r.p99LatencyMs, 1, plan?.p99LatencyMs);
  row('SLO-violation minutes', e.sloViolationMinutes, r.sloViolationMinutes, 1, plan?.sloViolationMinutes);
  row('mean instances', e.meanInstances, r.meanInstances, 2, plan?.meanInstances);
  row('cold-start share', e.coldStartShare, r.coldStartShare, 5, plan?.coldStartShare);
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
