import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { workloadSchema } from '../model/design';
import { runClassify } from './classify';

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
    const out = JSON.parse(r.stdout);
    expect(Object.keys(out)).toEqual(['pattern', 'confidence', 'ambiguous', 'runnerUp', 'workload', 'evidence']);
    expect(out.pattern).toBe('periodic');
    expect(out.workload).toMatchObject({ baseRps: 20, peakRps: 200, periodHours: 24 });
    expect(Math.abs(out.workload.peakHours - 3)).toBeLessThanOrEqual(1); // resolved to the hour step
    expect(workloadSchema.safeParse(out.workload).success).toBe(true);
  });

  it('takes --step-minutes and --per, and converts to rps', () => {
    const r = runClassify([file('daily2.csv', `timestamp,value\n${daily}\n`), '--step-minutes', '60', '--per=minute']);
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout).workload.peakRps).toBeCloseTo(200 / 60, 2);
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
