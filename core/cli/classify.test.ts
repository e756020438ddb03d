import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { patternSchema, workloadSchema } from '../model/design';
import { runClassify } from './classify';

/** What `npm run classify` prints, as far as these tests read it; the workload is checked apart. */
const outputSchema = z.object({
  pattern: patternSchema,
  confidence: z.number(),
  ambiguous: z.boolean(),
  runnerUp: z.unknown(),
  workload: z.looseObject({ baseRps: z.number(), peakRps: z.number().optional(), peakHours: z.number().optional() }),
  evidence: z.unknown(),
});
const output = (stdout: string) => outputSchema.parse(JSON.parse(stdout));

const dir = mkdtempSync(join(tmpdir(), 'tidemark-classify-'));
function file(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}
const daily = Array.from(
  { length: 24 * 21 },
  (_, h) => `${1_700_006_400 + h * 3600},${h % 24 >= 18 && h % 24 < 21 ? 200 : 20}`,
).join('\n');

describe('npm run classify', () => {
  it('prints pattern, confidence, workload and evidence as JSON', () => {
    const r = runClassify([file('daily.csv', `timestamp,value\n${daily}\n`)]);
    expect(r.status).toBe(0);
    expect(r.stderr).toBe('');
    expect(Object.keys(z.record(z.string(), z.unknown()).parse(JSON.parse(r.stdout)))).toEqual([
      'pattern',
      'confidence',
      'ambiguous',
      'runnerUp',
      'workload',
      'evidence',
    ]);
    const out = output(r.stdout);
    expect(out.pattern).toBe('periodic');
    expect(out.workload).toMatchObject({ baseRps: 20, peakRps: 200, periodHours: 24 });
    expect(Math.abs((out.workload.peakHours ?? Number.NaN) - 3)).toBeLessThanOrEqual(1); // resolved to the hour step
    expect(workloadSchema.safeParse(out.workload).success).toBe(true);
  });

  it('takes --step-minutes and --per, and converts to rps', () => {
    const r = runClassify([file('daily2.csv', `timestamp,value\n${daily}\n`), '--step-minutes', '60', '--per=minute']);
    expect(r.status).toBe(0);
    expect(output(r.stdout).workload.peakRps).toBeCloseTo(200 / 60, 2);
  });

  it('names the file and the line of a bad row, exit 2, nothing on stdout', () => {
    const path = file('bad.csv', 'timestamp,value\n2019-01-01,1\n2019-01-02,abc\n2019-01-02,3\n');
    const r = runClassify([path]);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(
      `${path}: line 3: value "abc" is not a number\n${path}: line 4: duplicate timestamp 2019-01-02T00:00:00Z (also at line 3)\n`,
    );
  });

  it('refuses a 50 MB file before reading it', () => {
    const path = join(dir, 'big.csv');
    writeFileSync(path, Buffer.alloc(50 * 1024 * 1024, 0x20));
    const r = runClassify([path]);
    expect(r.status).toBe(2);
    expect(r.stderr).toBe(`${path}: 50.0 MB is more than the 40.0 MB a series may have\n`);
  });

  it('reports a missing file, bad options and a missing argument, one line each', () => {
    expect(runClassify([join(dir, 'nope.csv')]).stderr).toBe(`${join(dir, 'nope.csv')}: cannot read: ENOENT\n`);
    const r = runClassify(['--per', 'hour', '--step-minutes', '0', '--fast']);
    expect(r.status).toBe(2);
    expect(r.stderr.trim().split('\n')).toEqual([
      '--per: must be second, minute or interval, got hour',
      '--step-minutes: must be a positive number of minutes, got 0',
      expect.stringMatching(/^--fast: unknown option; usage: npm run classify/),
      expect.stringMatching(/^\(arguments\): no file given/),
    ]);
  });
});
