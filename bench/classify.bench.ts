/**
 * `npm run bench:classify`: a year of one-minute data (525,600 rows, the World Cup 98 one-minute
 * trace repeated) as CSV text in memory. Times a plain pass that only parses the text (the floor: it
 * must read every row anyway) against parse + classify, in the same run, several repetitions each,
 * and reports the medians, the classifier's own share and the ratio. The target: under 1 s.
 */
import { readFileSync } from 'node:fs';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { classifyText, parseSeries } from '../core/measure';

const POINTS = 525_600;
const REPETITIONS = 7;
const TRACE = fileURLToPath(new URL('../../shared/data/traces/once_wc98_full_1min.csv', import.meta.url));

function buildYearCsv(): string {
  const values = readFileSync(TRACE, 'utf8')
    .trim()
    .split('\n')
    .slice(1)
    .map((line) => line.slice(line.indexOf(',') + 1));
  const start = Date.UTC(2024, 0, 1);
  const rows = ['timestamp,value'];
  for (let i = 0; i < POINTS; i++) {
    rows.push(
      `${new Date(start + i * 60_000).toISOString().slice(0, 19).replace('T', ' ')},${values[i % values.length]}`,
    );
  }
  return `${rows.join('\n')}\n`;
}

function timeMedian(run: () => unknown): { median: number; all: number[] } {
  run(); // warm-up: JIT and allocation
  const all: number[] = [];
  for (let i = 0; i < REPETITIONS; i++) {
    const t0 = performance.now();
    run();
    all.push(performance.now() - t0);
  }
  const sorted = [...all].sort((a, b) => a - b);
  return { median: sorted[Math.floor(sorted.length / 2)] as number, all };
}

function main(): void {
  const csv = buildYearCsv();
  const result = classifyText(csv, { per: 'minute' });
  if (!result.ok) throw new Error(result.problems.map((p) => `${p.path}: ${p.message}`).join('\n'));
  const parse = timeMedian(() => parseSeries(csv));
  const full = timeMedian(() => classifyText(csv, { per: 'minute' }));
  const fmt = (ms: number) => `${ms.toFixed(0)} ms`;
  console.log(
    `classify bench — ${new Date().toISOString().slice(0, 10)}, ${os.cpus()[0]?.model ?? 'unknown CPU'} (${os.cpus().length} cores), Node ${process.version}`,
  );
  console.log(
    `input: ${POINTS} one-minute rows, ${(csv.length / 1024 / 1024).toFixed(1)} MB of CSV; ${REPETITIONS} runs after one warm-up, medians`,
  );
  console.log(`parse only:        ${fmt(parse.median)}   (runs: ${parse.all.map((m) => m.toFixed(0)).join(', ')})`);
  console.log(`parse + classify:  ${fmt(full.median)}   (runs: ${full.all.map((m) => m.toFixed(0)).join(', ')})`);
  console.log(`classify alone:    ${fmt(full.median - parse.median)}`);
  console.log(`ratio (parse + classify) / parse: ${(full.median / parse.median).toFixed(2)}`);
  console.log(
    `verdict: ${result.value.pattern} (${result.value.confidence}), target < 1000 ms: ${full.median < 1000 ? 'met' : 'MISSED'}`,
  );
}

main();
