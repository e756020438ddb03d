import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { planSchema } from '../model/plan';
import { formatMoney } from '../present/format';
import { SPIKY_SERVICE } from '../testing/design-fixture';
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

  it('says what is wrong in plain words, never in zod’s, every problem on its line', () => {
    const { format: _format, ...noFormat } = design;
    const bad = {
      ...noFormat,
      components: [
        { ...design.components[0], workload: { pattern: 'weekly', baseRps: 10 } },
        { ...design.components[1], demand: { cpuMs: -5 } },
      ],
      connections: [{ id: 'c1', from: 'web', to: 'orders', callsPerRequest: 'two' }],
    };
    const r = runPlanCli([file('plain-words.json', bad)]);
    expect(r.status).toBe(2);
    expect(r.stderr.trim().split('\n')).toEqual([
      'format: required, must be "tidemark.design"',
      'components[0].workload.pattern: must be one of "static", "periodic", "once-in-a-lifetime", "unpredictable" or "continuously-changing", not "weekly"',
      'components[1].demand.cpuMs: must be greater than 0',
      'connections[0].callsPerRequest: must be a number, not "two"',
    ]);
  });

  it('reports a version written as a string beside the design’s other problems', () => {
    const bad = {
      ...design,
      version: '1',
      components: [design.components[0], { ...design.components[1], demand: { cpuMs: 0 } }],
    };
    expect(runPlanCli([file('string-version.json', bad)]).stderr).toBe(
      'version: must be a whole number, not "1" (a string: write it without quotes)\n' +
        'components[1].demand.cpuMs: must be greater than 0\n',
    );
  });

  it('reports a peak after the horizon once', () => {
    const workload = { pattern: 'once-in-a-lifetime', baseRps: 1, peakRps: 5, peakStartHour: 5000 };
    const late = { ...design, components: [{ ...design.components[0], workload }, design.components[1]] };
    expect(runPlanCli([file('late.json', late)]).stderr).toBe(
      'components[0].workload.peakStartHour: the peak starts at hour 5000, after the 2-day horizon ends\n',
    );
  });

  it('reports JSON syntax errors and missing files as problems, exit 2', () => {
    const broken = file('broken.json', '{\n  "format": "tidemark.design",\n  "version": 1\n  "name": "x"\n}\n');
    const syntax = runPlanCli([broken]);
    expect(syntax.status).toBe(2);
    expect(syntax.stderr).toBe(
      `${broken}:4:3: not valid JSON: expected "," or "}" after the value of "version", found a string (is a comma missing?)\n`,
    );
    expect(runPlanCli([file('cut.json', '{ "format": ')]).stderr).toMatch(
      /cut\.json:1:13: not valid JSON: the text ends where a value should be\n$/,
    );
    const missing = runPlanCli([join(dir, 'nope.json')]);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain('cannot read (ENOENT)');
    expect(runPlanCli([]).status).toBe(2);
    expect(runPlanCli([file('ok3.json', design), '--fast']).stderr).toContain('--fast: unknown option');
  });

  it('prices the design on the book --provider, --region and --commitment name, and records it', () => {
    const r = runPlanCli([
      file('gcp.json', design),
      '--provider',
      'gcp',
      '--region=europe-west1',
      '--commitment',
      '3y',
    ]);
    expect(r.stderr).toBe('');
    const plan = planSchema.parse(JSON.parse(r.stdout));
    expect(plan.assumptions.pricing).toMatchObject({
      provider: 'gcp',
      region: 'europe-west1',
      commitment: '3y',
      book: 'gcp-2026-11',
    });
    // e2-standard-2 in Belgium, $0.0737 an hour on demand (gcp-2026-11).
    expect(plan.assumptions.environments.vm.hourlyPrice).toBe(0.0737);
  });

  it('reads a new provider in the region serving the design’s part of the world', () => {
    const european = { ...design, pricing: { provider: 'aws', region: 'eu-west-1' } };
    const r = runPlanCli([file('eu.json', european), '--provider', 'azure']);
    expect(planSchema.parse(JSON.parse(r.stdout)).assumptions.pricing).toMatchObject({
      provider: 'azure',
      region: 'westeurope',
    });
  });

  it('refuses an unknown provider, region or commitment under the flag’s name, exit 2', () => {
    const provider = runPlanCli([file('p.json', design), '--provider', 'oracle']);
    expect(provider).toEqual({
      status: 2,
      stdout: '',
      stderr: '--provider: must be one of aws, azure, gcp, custom, got "oracle"\n',
    });
    const region = runPlanCli([file('r.json', design), '--provider', 'gcp', '--region', 'eastus']);
    expect(region.status).toBe(2);
    expect(region.stderr).toBe(
      '--region: gcp\'s price book (gcp-2026-11) has no region "eastus"; it has us-central1, europe-west1\n',
    );
    expect(runPlanCli([file('c.json', design), '--commitment', '5y']).stderr).toBe(
      '--commitment: must be one of none, 1y, 3y, got "5y"\n',
    );
    expect(runPlanCli([file('v.json', design), '--region']).stderr).toBe('--region: needs a value\n');
  });

  it('prints one row a provider with --compare, totals as each provider’s own plan has them', () => {
    const path = file('compare.json', design);
    const table = runPlanCli([path, '--compare']);
    expect(table.status).toBe(0);
    const lines = table.stdout.split('\n');
    expect(lines[0]).toBe('Two services: planned on 3 providers, on demand (* cheapest)');
    expect(lines[2]).toMatch(/^Provider +Region +Monthly +vs cheapest/);
    const json = JSON.parse(runPlanCli([path, '--compare', '--json']).stdout) as {
      rows: { provider: string; monthlyCost: number; plan?: unknown }[];
    };
    expect(json.rows.map((r) => r.provider)).toEqual(['aws', 'azure', 'gcp']);
    expect(json.rows[0]?.plan).toBeUndefined(); // the comparison only, not three plans
    const azure = planSchema.parse(JSON.parse(runPlanCli([path, '--provider', 'azure']).stdout));
    expect(json.rows[1]?.monthlyCost).toBe(azure.totals.recommended.monthlyCost);
    const azureRow = lines.find((l) => l.startsWith('Azure '));
    expect(azureRow).toContain(formatMoney(azure.totals.recommended.monthlyCost));
    expect(runPlanCli([path, '--json']).stderr).toBe('--json: only with --compare\n');
  });
});

describe('npm run plan -- --insight', () => {
  const spiky = {
    ...design,
    components: [{ ...SPIKY_SERVICE, id: 'web', name: 'Web' }, design.components[1]],
  };

  it('adds each placement’s tipping points and ranges to the plan, the plan itself unchanged', () => {
    const path = file('insight.json', spiky);
    const r = runPlanCli([path, '--insight', '--seeds', '5']);
    expect(r.stderr).toBe('');
    const plan = planSchema.parse(JSON.parse(r.stdout));
    const plain = planSchema.parse(JSON.parse(runPlanCli([path]).stdout));
    expect(plan.placements.map((p) => p.placement)).toEqual(plain.placements.map((p) => p.placement));
    expect(plan.totals).toEqual(plain.totals);
    for (const p of plan.placements) {
      expect(Array.isArray(p.tippingPoints)).toBe(true);
      expect(p.ranges?.seeds).toBe(5);
    }
    expect(plan.placements.flatMap((p) => p.tippingPoints ?? []).length).toBeGreaterThan(0);
    expect(plain.placements[0]?.tippingPoints).toBeUndefined();
    const none = planSchema.parse(JSON.parse(runPlanCli([path, '--insight', '--seeds', '0']).stdout));
    expect(none.placements[0]?.ranges).toBeUndefined();
  });

  it('refuses --seeds without --insight, a bad count, and --insight with --compare', () => {
    const path = file('insight-bad.json', spiky);
    expect(runPlanCli([path, '--seeds', '5']).stderr).toBe('--seeds: only with --insight\n');
    expect(runPlanCli([path, '--insight', '--seeds', '2.5']).stderr).toBe(
      '--seeds: must be a whole number from 0 to 1000, got "2.5"\n',
    );
    expect(runPlanCli([path, '--insight', '--compare']).stderr).toBe('--insight: not with --compare\n');
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
