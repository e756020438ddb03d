import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { planSchema } from '../model/plan';
import { runPlanCli } from './plan';

const dir = mkdtempSync(join(tmpdir(), 'tidemark-plan-'));
function file(name: string, value: unknown): string {
  const path = join(dir, name);
  writeFileSync(path, typeof value === 'string' ? value : JSON.stringify(value));
  return path;
}
const design = {
  format: 'tidemark.design',
  version: 1,
  name: 'Two services',
  simulation: { days: 2, stepMinutes: 15, seed: 1 },
  components: [
    { id: 'web', name: 'Web', kind: 'ui', workload: { pattern: 'static', baseRps: 10 }, demand: { cpuMs: 20 } },
    { id: 'orders', name: 'Orders', kind: 'service', demand: { cpuMs: 30 } },
  ],
  connections: [{ id: 'c1', from: 'web', to: 'orders' }],
};

describe('npm run plan', () => {
  it('prints a valid plan on stdout', () => {
    const r = runPlanCli([file('ok.json', design)]);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const plan = planSchema.parse(JSON.parse(r.stdout));
    expect(plan.placements.map((p) => p.componentId)).toEqual(['web', 'orders']);
  });

  it('writes the plan to --out and nothing to stdout', () => {
    const out = join(dir, 'plan.json');
    const r = runPlanCli([file('ok2.json', design), '--out', out]);
    expect(r).toEqual({ status: 0, stdout: '', stderr: '' });
    expect(planSchema.safeParse(JSON.parse(readFileSync(out, 'utf8'))).success).toBe(true);
  });

  it('exits 2 with one path: message line per problem, and writes nothing', () => {
    const bad = {
      ...design,
      connections: [{ id: 'c1', from: 'web', to: 'ordrs' }],
      components: [{ ...design.components[0], demand: { cpuMs: 0 } }],
    };
    const out = join(dir, 'never.json');
    const r = runPlanCli([file('bad.json', bad), '--out', out]);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.trim().split('\n')).toEqual([
      'components[0].demand.cpuMs: must be greater than 0',
      'connections[0].to: unknown component "ordrs"',
    ]);
    expect(existsSync(out)).toBe(false);
  });

  it('reports JSON syntax errors and missing files as problems, exit 2', () => {
    const syntax = runPlanCli([file('broken.json', '{ "format": ')]);
    expect(syntax.status).toBe(2);
    expect(syntax.stderr).toMatch(/^\(document\): not valid JSON/);
    const missing = runPlanCli([join(dir, 'nope.json')]);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain('cannot read (ENOENT)');
    expect(runPlanCli([]).status).toBe(2);
    expect(runPlanCli([file('ok3.json', design), '--fast']).stderr).toContain('--fast: unknown option');
  });
});

describe('npm run plan: versions, byte order marks and --out', () => {
  it('names a future version instead of a schema error', () => {
    const r = runPlanCli([file('v2.json', { ...design, version: 2 })]);
    expect(r.status).toBe(2);
    expect(r.stderr).toBe(
      'version: version 2 is newer than this Tidemark reads (it reads tidemark.design up to version 1); update Tidemark to open it\n',
    );
  });

  it('accepts a design file that starts with a UTF-8 byte order mark', () => {
    const r = runPlanCli([file('bom.json', `\uFEFF${JSON.stringify(design)}`)]);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
  });

  it('refuses --out naming the design file itself, by any path, and leaves the design as it was', () => {
    const input = file('self.json', design);
    const before = readFileSync(input, 'utf8');
    for (const out of [input, join(dir, '.', 'self.json'), `${dir}/../${dir.split('/').pop()}/self.json`]) {
      const r = runPlanCli([input, '--out', out]);
      expect(r.status).toBe(2);
      expect(r.stderr).toMatch(/^--out: .* is the design file itself; the plan would overwrite the design/);
    }
    expect(runPlanCli([input, `--out=${input}`]).status).toBe(2);
    expect(readFileSync(input, 'utf8')).toBe(before);
  });
});
