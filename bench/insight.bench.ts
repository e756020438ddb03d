/**
 * `npm run bench:insight`: what would change the plan (issue 16) for a generated design of 50
 * components and 80 connections, 30 days at 1-minute steps — the tipping points of every component
 * and the cost ranges over 20 seeds — against the time of one plan of the same design in the same
 * run (the ratio is the figure: the machine is shared, its wall times are not). The plan is timed
 * warm, best of 3, after a cold one; the insight once (it re-plans hundreds of times: warm by itself).
 * Set BENCH_COMPONENTS, BENCH_SEEDS to vary it.
 */
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import { registerHighs } from '../core/cli/register-highs';
import { validateDesign } from '../core/model';
import { buildPlan } from '../core/plan';
import { DEFAULT_SEEDS, searchRanges } from '../core/plan/cost-ranges';
import { searchTippingPoints } from '../core/plan/tipping-points';
import { WhatIf } from '../core/plan/what-if';
import { generateBenchDesign } from './generate-bench-design';

const COMPONENTS = Number(process.env.BENCH_COMPONENTS ?? 50);
const CONNECTIONS = Math.round(COMPONENTS * 1.6);
const SEEDS = Number(process.env.BENCH_SEEDS ?? DEFAULT_SEEDS);

/** Wall and CPU milliseconds of `run`, and what it returned. */
function timed<T>(run: () => T): { value: T; ms: number; cpuMs: number } {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const value = run();
  const cpu = process.cpuUsage(c0);
  return { value, ms: performance.now() - t0, cpuMs: (cpu.user + cpu.system) / 1000 };
}

async function main(): Promise<void> {
  await registerHighs();
  const checked = validateDesign(generateBenchDesign(COMPONENTS, CONNECTIONS, 1));
  if (!checked.ok) throw new Error(checked.problems.map((p) => `${p.path}: ${p.message}`).join('\n'));
  const design = checked.value;
  const cold = timed(() => buildPlan(design));
  const warm = [0, 1, 2].map(() => timed(() => buildPlan(design)));
  const plan = warm.reduce((a, b) => (b.cpuMs < a.cpuMs ? b : a));
  const whatIf = timed(() => new WhatIf(design));
  const tipping = timed(() => searchTippingPoints(whatIf.value));
  const tippingReplans = whatIf.value.replans;
  const tippingResimulated = whatIf.value.resimulated;
  const tippingScreens = whatIf.value.screens;
  const base = whatIf.value.basePlan();
  const ranges = timed(() => searchRanges(whatIf.value, base, SEEDS));
  const points = [...tipping.value.values()].flat();
  const random = [...ranges.value.placements.values()].filter((r) => r.isRandom).length;
  const moved = [...ranges.value.placements.values()].filter((r) => r.differentShare > 0).length;
  const ratio = (t: { cpuMs: number }) => `${(t.cpuMs / plan.cpuMs).toFixed(1)}×`;
  const line = (label: string, t: { ms: number; cpuMs: number }, extra = '') =>
    console.log(
      `${label.padEnd(34)} wall ${t.ms.toFixed(0).padStart(7)} ms  cpu ${t.cpuMs.toFixed(0).padStart(7)} ms  = ${ratio(t).padStart(6)} one plan${extra}`,
    );
  console.log(`machine: ${os.cpus()[0]?.model ?? 'unknown'} (${os.cpus().length} cores), node ${process.version}`);
  console.log(
    `design: ${COMPONENTS} components, ${CONNECTIONS} connections, ${design.simulation.days} days at ${design.simulation.stepMinutes}-minute steps; load average ${os
      .loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}`,
  );
  line('one plan, cold', cold);
  line('one plan, warm (best of 3 by cpu)', plan);
  line('first simulation (what-if)', whatIf);
  line(
    'tipping points',
    tipping,
    `; ${tippingReplans} re-plans + ${tippingScreens} screens, ${tippingResimulated} components re-simulated, ${points.length} points on ${[...tipping.value.values()].filter((p) => p.length > 0).length} components`,
  );
  line(
    `ranges over ${SEEDS} seeds`,
    ranges,
    `; ${random} components with random load, ${moved} whose placement moves with the seed`,
  );
  const total = {
    ms: whatIf.ms + tipping.ms + ranges.ms,
    cpuMs: whatIf.cpuMs + tipping.cpuMs + ranges.cpuMs,
  };
  line('all of it (buildInsight)', total);
}

void main();
