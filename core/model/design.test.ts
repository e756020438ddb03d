import { describe, expect, it } from 'vitest';
import { designSchema, type DesignInput } from './design';
import { formatPath, formatProblems, parseJson, validateDesign } from './validate';

const minimal: DesignInput = {
  format: 'tidemark.design',
  version: 1,
  name: 'Minimal',
  components: [{ id: 'web', name: 'Web', kind: 'ui', demand: { cpuMs: 10 } }],
};

function problems(input: unknown): string[] {
  const r = validateDesign(input);
  return r.ok ? [] : r.problems.map((p) => `${p.path}: ${p.message}`);
}

describe('design schema', () => {
  it('fills every documented default', () => {
    const d = designSchema.parse(minimal);
    expect(d.simulation).toEqual({ days: 30, stepMinutes: 5, seed: 1 });
    expect(d.connections).toEqual([]);
    expect(d.components[0]).toMatchObject({
      stateful: false,
      dataClass: 'internal',
      dataGb: 0,
      demand: { cpuMs: 10, memoryMb: 512 },
    });
    expect(d.environments.functions).toEqual({
      requestPrice: 0.0000002,
      gbSecondPrice: 0.0000166667,
      coldStartMs: 250,
      keepAliveMinutes: 10,
      concurrencyLimit: 1000,
      maxDurationSeconds: 900,
    });
    expect(d.environments.vm.hourlyPrice).toBe(0.096);
    expect(d.environments.queue.pricePerMillionRequests).toBe(0.4);
  });

  it('keeps a partly given environment and defaults the rest', () => {
    const d = designSchema.parse({ ...minimal, environments: { vm: { hourlyPrice: 0.2 } } });
    expect(d.environments.vm).toMatchObject({ hourlyPrice: 0.2, bootSeconds: 120, vcpu: 2 });
  });

  it.each([
    ['format', { ...minimal, format: 'tidemark.plan' }, 'format'],
    ['a name over 120 characters', { ...minimal, name: 'x'.repeat(121) }, 'name'],
    ['a 91-day horizon', { ...minimal, simulation: { days: 91 } }, 'simulation.days'],
    ['a 7-minute step', { ...minimal, simulation: { stepMinutes: 7 } }, 'simulation.stepMinutes'],
    ['no components', { ...minimal, components: [] }, 'components'],
    [
      'cpuMs of 0',
      { ...minimal, components: [{ ...minimal.components[0], demand: { cpuMs: 0 } }] },
      'components[0].demand.cpuMs',
    ],
    [
      'noise above 1',
      { ...minimal, components: [{ ...minimal.components[0], workload: { pattern: 'static', baseRps: 1, noise: 2 } }] },
      'components[0].workload.noise',
    ],
    [
      'a periodic workload without peakRps',
      { ...minimal, components: [{ ...minimal.components[0], workload: { pattern: 'periodic', baseRps: 1 } }] },
      'components[0].workload.peakRps',
    ],
    [
      'a peak below the base',
      {
        ...minimal,
        components: [{ ...minimal.components[0], workload: { pattern: 'unpredictable', baseRps: 10, peakRps: 5 } }],
      },
      'components[0].workload.peakRps',
    ],
    [
      'a peak longer than its period',
      {
        ...minimal,
        components: [
          {
            ...minimal.components[0],
            workload: { pattern: 'periodic', baseRps: 1, peakRps: 5, periodHours: 24, peakHours: 25 },
          },
        ],
      },
      'components[0].workload.peakHours',
    ],
    [
      'a one-off peak after the horizon',
      {
        ...minimal,
        components: [
          {
            ...minimal.components[0],
            workload: { pattern: 'once-in-a-lifetime', baseRps: 1, peakRps: 5, peakStartHour: 800 },
          },
        ],
      },
      'components[0].workload.peakStartHour',
    ],
    [
      'cores on a serverless pin',
      { ...minimal, components: [{ ...minimal.components[0], pin: { placement: 'serverless', cores: 2 } }] },
      'components[0].pin.cores',
    ],
    [
      'an unknown field',
      { ...minimal, components: [{ ...minimal.components[0], peakRPS: 4 }] },
      'components[0].peakRPS',
    ],
    [
      'a duplicate component id',
      { ...minimal, components: [minimal.components[0], minimal.components[0]] },
      'components[1].id',
    ],
    ['a position of an unknown component', { ...minimal, layout: { api: { x: 0, y: 0 } } }, 'layout.api'],
    ['a self-connection', { ...minimal, connections: [{ id: 'c1', from: 'web', to: 'web' }] }, 'connections[0]'],
  ])('refuses %s at its path', (_name, input, path) => {
    expect(problems(input).map((p) => p.split(': ')[0])).toContain(path);
  });

  it('names the cycle it refuses', () => {
    const input = {
      ...minimal,
      components: ['a', 'b', 'c'].map((id) => ({ id, name: id, kind: 'service', demand: { cpuMs: 1 } })),
      connections: [
        { id: 'ab', from: 'a', to: 'b' },
        { id: 'bc', from: 'b', to: 'c' },
        { id: 'ca', from: 'c', to: 'a' },
      ],
    };
    expect(problems(input)).toEqual(['connections[2]: connections form a cycle: a → b → c → a']);
  });

  it('reports structural and cross-reference problems in one pass', () => {
    const input = {
      ...minimal,
      components: [{ id: 'web', name: 'Web', kind: 'ui', demand: { cpuMs: 'x' } }],
      connections: [{ id: 'c1', from: 'web', to: 'ordrs' }],
    };
    const result = validateDesign(input);
    expect(result.ok ? '' : formatProblems(result.problems)).toBe(
      'components[0].demand.cpuMs: Invalid input: expected number, received string\nconnections[0].to: unknown component "ordrs"',
    );
  });

  it('does not overflow on a long chain of 2,000 components', () => {
    const components = Array.from({ length: 2000 }, (_, i) => ({
      id: `c${i}`,
      name: `C${i}`,
      kind: 'service',
      demand: { cpuMs: 1 },
    }));
    const connections = components.slice(1).map((c, i) => ({ id: `e${i}`, from: `c${i}`, to: c.id }));
    expect(problems({ ...minimal, components, connections })).toEqual([]);
  });
});

describe('paths and JSON', () => {
  it('formats JSON paths', () => {
    expect(formatPath(['connections', 3, 'to'])).toBe('connections[3].to');
    expect(formatPath(['layout', 'my-web'])).toBe('layout["my-web"]');
    expect(formatPath([])).toBe('');
  });

  it('reports a JSON syntax error instead of throwing', () => {
    const r = parseJson('{"format": ');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problems[0]?.message).toMatch(/^not valid JSON/);
  });
});
