/**
 * The engine benchmark against a baseline engine in the same run: the pre-issue-11 engine (commit
 * BASELINE_COMMIT, "today's whole-plan time" of issue 11) is extracted from git into a temporary
 * directory that shares this checkout's node_modules, and both benchmarks run as child processes,
 * alternately, so they see the same machine load. Reports the ratio of whole-plan times (warm,
 * wall and CPU) and of each capacity model. `BENCH_BASELINE=<commit>` picks another baseline;
 * `BENCH_BASELINE=off` skips it.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, symlinkSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** The engine before issue 11's first commit (73a7fd7^, 2026-12-01). */
export const BASELINE_COMMIT = '3e59a518e880c8f086129eec4fb381cd714023df';

export interface BenchFigures {
  coldMs: number;
  coldCpuMs: number;
  warmMs: number;
  /** CPU of the warm runs, ms (the least of three). */
  warmCpuMs: number;
  options: Record<string, number>;
  /** The whole plan split between two threads, warm best of 3 (absent in engines before it). */
  threadedMs?: number;
}

/** Parses the lines `engine.bench.ts` prints (the same format at the baseline commit). */
export function parseBench(text: string): BenchFigures {
  const whole = /cold (\d+) ms \(cpu (\d+) ms\); warm best of 3 (\d+) ms \(cpu ([\d /]+) ms\)/.exec(text);
  if (!whole) throw new Error(`no whole-plan line in the benchmark's output:\n${text}`);
  const cpus = (whole[4] as string).split('/').map((s) => Number(s.trim()));
  const options: Record<string, number> = {};
  for (const m of text.matchAll(/^\s+(static|elastic-vm|serverless|burst)\s+(\d+) ms/gm)) {
    options[m[1] as string] = Number(m[2]);
  }
  const threaded = /whole plan on \d+ threads \(plan-sharded\.ts\): warm best of 3 (\d+) ms/.exec(text);
  return {
    ...(threaded ? { threadedMs: Number(threaded[1]) } : {}),
    coldMs: Number(whole[1]),
    coldCpuMs: Number(whole[2]),
    warmMs: Number(whole[3]),
    warmCpuMs: Math.min(...cpus),
    options,
  };
}

/** The baseline's checkout (extracted once per commit), sharing this one's node_modules. */
function prepareBaseline(root: string, commit: string): string {
  const sha = execFileSync('git', ['rev-parse', commit], { cwd: root, encoding: 'utf8' }).trim();
  const dir = path.join(os.tmpdir(), `tidemark-engine-baseline-${sha.slice(0, 12)}`);
  if (!existsSync(path.join(dir, 'bench', 'engine.bench.ts'))) {
    mkdirSync(dir, { recursive: true });
    const tar = execFileSync('git', ['archive', '--format=tar', sha], { cwd: root, maxBuffer: 1 << 30 });
    execFileSync('tar', ['-x', '-C', dir], { input: tar });
  }
  if (!existsSync(path.join(dir, 'node_modules')))
    symlinkSync(path.join(root, 'node_modules'), path.join(dir, 'node_modules'));
  return dir;
}

function runBench(dir: string): BenchFigures {
  const run = spawnSync(process.execPath, ['--import', 'tsx', 'bench/engine.bench.ts'], {
    cwd: dir,
    encoding: 'utf8',
    env: { ...process.env, BENCH_BASELINE: 'off' },
    maxBuffer: 1 << 24,
  });
  if (run.status !== 0) throw new Error(`benchmark in ${dir} failed:\n${run.stderr}`);
  return parseBench(run.stdout);
}

/** Runs this checkout's benchmark and the baseline's, alternately, `rounds` times each; best of each. */
export function compareWithBaseline(root: string, commit: string, rounds: number): string[] {
  const baseDir = prepareBaseline(root, commit);
  const mine: BenchFigures[] = [];
  const base: BenchFigures[] = [];
  for (let r = 0; r < rounds; r++) {
    mine.push(runBench(root));
    base.push(runBench(baseDir));
  }
  const best = (runs: BenchFigures[], key: 'warmMs' | 'warmCpuMs' | 'coldMs' | 'coldCpuMs') =>
    Math.min(...runs.map((f) => f[key]));
  const bestOption = (runs: BenchFigures[], p: string) => Math.min(...runs.map((f) => f.options[p] ?? Infinity));
  const lines = [`baseline ${commit} (${baseDir}), ${rounds} alternating rounds of both, best of each:`];
  for (const key of ['warmMs', 'warmCpuMs', 'coldMs', 'coldCpuMs'] as const) {
    const a = best(mine, key);
    const b = best(base, key);
    lines.push(
      `  whole plan ${key.padEnd(9)} this ${String(a).padStart(6)} ms, baseline ${String(b).padStart(6)} ms: ratio ${(a / b).toFixed(2)}×`,
    );
  }
  const threaded = Math.min(...mine.map((f) => f.threadedMs ?? Infinity));
  if (Number.isFinite(threaded))
    lines.push(
      `  whole plan on 2 threads, warm wall: this ${String(threaded).padStart(6)} ms, baseline (one thread) ${String(best(base, 'warmMs')).padStart(6)} ms: ratio ${(threaded / best(base, 'warmMs')).toFixed(2)}×`,
    );
  for (const p of ['static', 'elastic-vm', 'serverless', 'burst']) {
    const a = bestOption(mine, p);
    const b = bestOption(base, p);
    lines.push(
      `  ${p.padEnd(10)} alone       this ${String(a).padStart(6)} ms, baseline ${String(b).padStart(6)} ms: ratio ${(a / b).toFixed(2)}×`,
    );
  }
  lines.push(
    `  load average ${os
      .loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}`,
  );
  return lines;
}
