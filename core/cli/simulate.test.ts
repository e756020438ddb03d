import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { planDesign } from '../plan/plan-design';
import { runSimulateCli } from './simulate';

const dir = mkdtempSync(join(tmpdir(), 'tidemark-simulate-'));
function file(name: string, value: unknown): string {
  const path = join(dir, name);
  writeFileSync(path, typeof value === 'string' ? value : JSON.stringify(value));
  return path;
}
const design = {
  format: 'tidemark.design',
  version: 1,
  name: 'Two services',
  simulation: { days: 3, stepMinutes: 15, seed: 1 },
  components: [
    { id: 'web', name: 'Web', kind: 'ui', workload: { pattern: 'static', baseRps: 5 }, demand: { cpuMs: 20 } },
    { id: 'orders', name: 'Orders', kind: 'service', demand: { cpuMs: 30 }, latencySloMs: 200 },
  ],
  connections: [{ id: 'c1', from: 'web', to: 'orders' }],
};

describe('npm run simulate', () => {
  it("prints the simulator's figures next to the engine's for static, VMs, functions and a burst", () => {
    const r = runSimulateCli([file('ok.json', design), '--component', 'orders', '--days', '1']);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^orders: 1 days at 15-minute steps/);
    for (const title of [/static \(\d+ cores?\)/, /elastic-vm/, /serverless/, /burst \(base of \d+ cores?\)/])
      expect(r.stdout).toMatch(title);
    // One day at 5 rps: about 432,000 requests on each side.
    const requests = [...r.stdout.matchAll(/requests\s+(\d+)\s+(\d+)/g)];
    expect(requests).toHaveLength(4);
    for (const m of requests) {
      expect(Number(m[1])).toBeCloseTo(432_000, -3);
      expect(Math.abs(Number(m[2]) / Number(m[1]) - 1)).toBeLessThan(0.01);
    }
  });

  it('checks each option at the sizing the plan chose, beside what the plan reports for it', () => {
    // A periodic API calling a database the plan keeps in the data centre: its cloud options' calls
    // cross the link, which the plan's own figures add and the component's alone leave out.
    const shop = {
      format: 'tidemark.design',
      version: 1,
      name: 'API and database',
      simulation: { days: 2, stepMinutes: 5, seed: 1 },
      components: [
        {
          id: 'api',
          name: 'API',
          kind: 'service',
          workload: { pattern: 'periodic', baseRps: 5, peakRps: 120, periodHours: 24, peakHours: 2, peakStartHour: 18 },
          demand: { cpuMs: 25 },
          latencySloMs: 300,
        },
        { id: 'db', name: 'DB', kind: 'database', stateful: true, demand: { cpuMs: 5 } },
      ],
      connections: [{ id: 'c1', from: 'api', to: 'db', mode: 'sync', callsPerRequest: 3 }],
    };
    const r = runSimulateCli([file('shop.json', shop), '--component', 'api']);
    expect(r.stderr).toBe('');
    const planned = planDesign(shop);
    if (!planned.ok) throw new Error(`the design is invalid: ${JSON.stringify(planned.problems)}`);
    const api = planned.value.plan.placements.find((p) => p.componentId === 'api');
    for (const placement of ['static', 'burst'] as const) {
      const option = api?.options.find((o) => o.placement === placement);
      const cores = option?.costLines.find((l) => l.item === 'cores')?.quantity;
      expect(r.stdout).toContain(placement === 'static' ? `static (${cores} cores)` : `burst (base of ${cores} cores)`);
    }
    // Each section's p95 row has the plan's p95 for that option, then the simulator's requests making
    // their three calls to the database (each crossing from the cloud), within 10 % of it; the cloud
    // ones pay the link.
    expect(r.stdout).toContain('with link: ');
    const sections = r.stdout.split('\n\n').slice(1);
    expect(sections).toHaveLength(4);
    let crossed = 0;
    for (const section of sections) {
      const placement = (/^(static|elastic-vm|serverless|burst)/.exec(section) ?? [])[1];
      const option = api?.options.find((o) => o.placement === placement);
      for (const q of ['p50', 'p95', 'p99'] as const) {
        const row = new RegExp(
          `${q} latency, ms\\s+([\\d.]+)\\s+[\\d.]+\\s+\\S+ %\\s+([\\d.]+)\\s+([\\d.]+)\\s+\\S+ %$`,
          'm',
        ).exec(section);
        expect(Number(row?.[2])).toBeCloseTo(option?.[`${q}LatencyMs`] ?? Number.NaN, 1);
        expect(Math.abs(Number(row?.[2]) / Number(row?.[3]) - 1)).toBeLessThan(0.1);
        if (q === 'p95' && Number(row?.[2]) > Number(row?.[1]) + 1) crossed++;
      }
    }
    expect(crossed).toBeGreaterThanOrEqual(2);
  }, 90_000);

  it('averages the simulator over its seeds: three by default, as many as asked', () => {
    const args = [file('seeds.json', design), '--component', 'orders', '--days', '1'];
    const simulatorRequests = (stdout: string) =>
      [...stdout.matchAll(/requests\s+\d+\s+(\d+)/g)].map((m) => Number(m[1]));
    const byDefault = runSimulateCli(args);
    expect(byDefault.stdout).toMatch(/^orders: .*; simulator seeds 1–3, averaged$/m);
    const one = (seed: number) => runSimulateCli([...args, '--seed', String(seed), '--seeds', '1']);
    expect(one(2).stdout).toMatch(/; simulator seed 2$/m);
    // The mean of seeds 1, 2 and 3 run one at a time (requests are counted whole, so within one).
    const each = [1, 2, 3].map((seed) => simulatorRequests(one(seed).stdout));
    simulatorRequests(byDefault.stdout).forEach((n, i) => {
      const mean = each.reduce((m, run) => m + (run[i] as number), 0) / 3;
      expect(Math.abs(n - mean)).toBeLessThanOrEqual(0.5);
    });
    expect(runSimulateCli([...args, '--seeds', '0']).stderr).toMatch(
      /--seeds: expected a whole number from 1 to 20, got 0/,
    );
  });

  it('names the components when the id is unknown', () => {
    const r = runSimulateCli([file('ok2.json', design), '--component', 'nope']);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/--component nope: no such component .* \(its components: web, orders\)/);
    expect(r.stdout).toBe('');
  });

  it('words an invalid design as the plan command does', () => {
    const bad = { ...design, simulation: { days: 3, stepMinutes: 10 }, format: 'foo' };
    const r = runSimulateCli([file('plain.json', bad), '--component', 'web']);
    expect(r.status).toBe(2);
    expect(r.stderr).toBe(
      'format: must be "tidemark.design", not "foo"\nsimulation.stepMinutes: must be one of 1, 5, 15 or 60, not 10\n',
    );
  });

  it('reads the design through the versioned loader, as the plan command does', () => {
    const future = runSimulateCli([file('v2.json', { ...design, version: 2 }), '--component', 'web']);
    expect(future.stderr).toMatch(/^version: version 2 is newer than this Tidemark reads/);
    const quoted = {
      ...design,
      version: '1',
      components: [{ ...design.components[0], kind: 'gui' }, design.components[1]],
    };
    expect(runSimulateCli([file('v-string.json', quoted), '--component', 'web']).stderr).toBe(
      'version: must be a whole number, not "1" (a string: write it without quotes)\n' +
        'components[0].kind: must be one of "ui", "service", "processing", "batch", "data-access", "database", "storage", "queue" or "external", not "gui"\n',
    );
  });

  it('places a JSON syntax error at file:line:column', () => {
    const path = file('syntax.json', '{\n  "format": "tidemark.design",\n  "version": 1,\n  "name": \'Two\'\n}');
    expect(runSimulateCli([path, '--component', 'web']).stderr).toBe(
      `${path}:4:11: not valid JSON: strings must be in double quotes ("), not single quotes\n`,
    );
  });

  it('refuses a missing file, an invalid design, a bad --days and a missing --component', () => {
    expect(runSimulateCli([join(dir, 'none.json'), '--component', 'web']).stderr).toMatch(/cannot read \(ENOENT\)/);
    const invalid = runSimulateCli([file('bad.json', { ...design, components: 'x' }), '--component', 'web']);
    expect(invalid.status).toBe(2);
    expect(invalid.stderr).toMatch(/^components/);
    expect(runSimulateCli([file('ok3.json', design), '--component', 'web', '--days', '0']).stderr).toMatch(
      /--days: expected a whole number from 1 to 90, got 0/,
    );
    expect(runSimulateCli([file('ok4.json', design)]).stderr).toMatch(/--component: needs the id/);
    expect(runSimulateCli([file('ok5.json', design), '--component', 'web', '--fast']).stderr).toMatch(
      /--fast: unknown option/,
    );
  });
});
