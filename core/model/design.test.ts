import { describe, expect, it } from 'vitest';
import { designSchema, type DesignInput } from './design';
import { formatPath, formatProblems, parseJson } from './problems';
import { problemsOf, validateDesign } from './validate';

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
  it('says a field left out is required, with what it takes', () => {
    const { name: _name, ...noName } = minimal;
    expect(problems(noName)).toEqual(['name: required (a string)']);
    const noCpu = { ...minimal, components: [{ id: 'web', name: 'Web', kind: 'ui', demand: {} }] };
    expect(problems(noCpu)).toEqual(['components[0].demand.cpuMs: required (a number)']);
  });

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
    // Prices a book sets are left to it (core/cost/resolve-environments.ts): a saved design stays minimal.
    expect(d.environments.functions).toEqual({ concurrencyLimit: 1000 });
    expect(d.environments.vm).toEqual({
      bootSeconds: 120,
      cooldownSeconds: 300,
      targetUtilization: 0.6,
      minInstances: 1,
      maxInstances: 100,
      evaluationSeconds: 60,
    });
    expect(d.environments.queue).toEqual({});
    expect(d.pricing).toBeUndefined();
  });

  it('keeps a partly given environment and defaults the rest', () => {
    const d = designSchema.parse({ ...minimal, environments: { vm: { hourlyPrice: 0.2 } } });
    expect(d.environments.vm).toMatchObject({ hourlyPrice: 0.2, bootSeconds: 120 });
    expect(d.environments.vm.vcpu).toBeUndefined();
  });

  it('keeps the pricing as written, and checks it against the price books', () => {
    expect(designSchema.parse({ ...minimal, pricing: { provider: 'gcp' } }).pricing).toEqual({ provider: 'gcp' });
    expect(problems({ ...minimal, pricing: { provider: 'azure', region: 'us-east-1' } })).toEqual([
      'pricing.region: azure\'s price book (azure-2026-11) has no region "us-east-1"; it has eastus, westeurope',
    ]);
    expect(problems({ ...minimal, pricing: { provider: 'aws', region: 'eu-west-1', commitment: '5y' } })).toEqual([
      'pricing.commitment: must be one of "none", "1y" or "3y", not "5y"',
    ]);
    expect(problems({ ...minimal, environments: { vm: { size: 'e2-standard-2' } } })).toEqual([
      'environments.vm.size: aws-2026-11 has no size "e2-standard-2" in us-east-1; it has m5.large, m5.xlarge, t3.medium',
    ]);
    expect(
      problems({ ...minimal, pricing: { provider: 'gcp' }, environments: { queue: { pricePerMillionRequests: 1 } } }),
    ).toEqual([
      'environments.queue.pricePerMillionRequests: Pub/Sub bills by volume, not per request: set queue.pricePerTib',
    ]);
    expect(problems({ ...minimal, environments: { functions: { vcpuSecondPrice: 0.00002 } } })).toEqual([
      'environments.functions.vcpuSecondPrice: AWS Lambda (x86; Arm rates carried too) bills no vCPU-seconds',
    ]);
    expect(problems({ ...minimal, pricing: { provider: 'custom', commitment: '1y' } })).toEqual([
      'pricing.commitment: custom pricing has no price book: a 1y commitment needs environments.vm.committedHourlyPrice',
    ]);
    expect(
      problems({
        ...minimal,
        pricing: { provider: 'custom', commitment: '1y' },
        environments: { vm: { committedHourlyPrice: 0.05 } },
      }),
    ).toEqual([]);
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
      'components[0].demand.cpuMs: must be a number, not "x"\nconnections[0].to: unknown component "ordrs"',
    );
  });

  it('still checks references when an entry of components or connections is not an object', () => {
    const web = minimal.components[0];
    expect(problems({ ...minimal, components: [web, 'orders', web] })).toEqual([
      'components[1]: must be an object, not "orders"',
      'components[2].id: duplicate component id "web" (first used by components[0])',
    ]);
    expect(problems({ ...minimal, connections: [null, { id: 'c1', from: 'web', to: 'ordrs' }] })).toEqual([
      'connections[0]: must be an object, not null',
      'connections[1].to: unknown component "ordrs"',
    ]);
    expect(problems({ ...minimal, components: [web, web], connections: 'none' })).toEqual([
      'connections: must be an array, not "none"',
      'components[1].id: duplicate component id "web" (first used by components[0])',
    ]);
  });

  it('still checks references and pricing when a whole-number field holds a fraction', () => {
    // Zod's integer check aborts the design's refinements; validateDesign runs them again.
    const web = { ...minimal.components[0], demand: { cpuMs: 10, memoryMb: 512.5 } };
    expect(
      problems({
        ...minimal,
        simulation: { seed: 1.5 },
        pricing: { provider: 'azure', region: 'us-east-1' },
        components: [web, web],
        connections: [{ id: 'c1', from: 'web', to: 'ordrs' }],
      }),
    ).toEqual([
      'simulation.seed: must be a whole number, not 1.5',
      'components[0].demand.memoryMb: must be a whole number, not 512.5',
      'components[1].demand.memoryMb: must be a whole number, not 512.5',
      'components[1].id: duplicate component id "web" (first used by components[0])',
      'connections[0].to: unknown component "ordrs"',
      'pricing.region: azure\'s price book (azure-2026-11) has no region "us-east-1"; it has eastus, westeurope',
    ]);
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

describe('messages in plain words', () => {
  const component = { id: 'web', name: 'Web', kind: 'ui', demand: { cpuMs: 10 } };
  const withComponent = (patch: Record<string, unknown>) => ({ ...minimal, components: [{ ...component, ...patch }] });

  it('says what the format must be, missing or wrong, never in zod’s words', () => {
    const { format: _format, ...noFormat } = minimal;
    expect(problems(noFormat)).toEqual(['format: required, must be "tidemark.design"']);
    expect(problems({ ...minimal, format: 'foo' })).toEqual(['format: must be "tidemark.design", not "foo"']);
    expect(problems({ ...minimal, version: '1' })).toEqual([
      'version: must be 1, not "1" (a string: write it without quotes)',
    ]);
  });

  it('lists the allowed values of an enum or a union, with what was written', () => {
    expect(problems(withComponent({ workload: { pattern: 'weekly', baseRps: 1 } }))).toEqual([
      'components[0].workload.pattern: must be one of "static", "periodic", "once-in-a-lifetime", "unpredictable" or "continuously-changing", not "weekly"',
    ]);
    expect(problems(withComponent({ kind: 'Service' }))).toEqual([
      'components[0].kind: must be one of "ui", "service", "processing", "batch", "data-access", "database", "storage", "queue" or "external", not "Service" (did you mean "service"?)',
    ]);
    const { kind: _kind, ...noKind } = component;
    expect(problems({ ...minimal, components: [noKind] })[0]).toMatch(
      /^components\[0\]\.kind: required, must be one of "ui", "service", .* or "external"$/,
    );
    expect(problems({ ...minimal, simulation: { stepMinutes: 7 } })).toEqual([
      'simulation.stepMinutes: must be one of 1, 5, 15 or 60, not 7',
    ]);
    expect(problems({ ...minimal, connections: [{ id: 'c1', from: 'web', to: 'web', mode: 'fire' }] })).toContain(
      'connections[0].mode: must be one of "sync" or "async", not "fire"',
    );
  });

  it('says what a value of the wrong type is, deep in a component', () => {
    expect(problems(withComponent({ demand: { cpuMs: 'NaN' } }))).toEqual([
      'components[0].demand.cpuMs: must be a number, not "NaN"',
    ]);
    expect(problems(withComponent({ demand: { cpuMs: '12' } }))).toEqual([
      'components[0].demand.cpuMs: must be a number, not "12" (a string: write the number without quotes)',
    ]);
    expect(problems(withComponent({ demand: { cpuMs: 10, memoryMb: 512.5 } }))).toEqual([
      'components[0].demand.memoryMb: must be a whole number, not 512.5',
    ]);
    expect(problems(withComponent({ stateful: 'yes' }))).toEqual([
      'components[0].stateful: must be true or false, not "yes"',
    ]);
    expect(problems(withComponent({ workload: null }))).toEqual([
      'components[0].workload: must be an object, not null',
    ]);
    expect(problems({ ...minimal, components: { web: component } })).toEqual([
      'components: must be an array, not an object',
    ]);
    const { demand: _demand, ...noDemand } = component;
    expect(problems({ ...minimal, components: [noDemand] })).toEqual(['components[0].demand: required (an object)']);
  });

  it('gives bounds as at least / at most, with the value written', () => {
    expect(problems(withComponent({ workload: { pattern: 'static', baseRps: -5 } }))).toEqual([
      'components[0].workload.baseRps: must be at least 0, got -5',
    ]);
    expect(problems({ ...minimal, simulation: { days: 91 } })).toEqual(['simulation.days: must be at most 90, got 91']);
    expect(problems({ ...minimal, name: 'x'.repeat(121) })).toEqual([
      'name: must have at most 120 characters, got 121',
    ]);
    expect(
      problems(withComponent({ workload: { pattern: 'static', baseRps: 1, trace: { stepMinutes: 5, rps: [] } } })),
    ).toEqual(['components[0].workload.trace.rps: must have at least 1 item']);
  });

  it('refuses an autoscaler whose minimum is over its maximum, given or by default', () => {
    const vm = (v: object) => ({ ...minimal, environments: { vm: v } });
    const why = 'the autoscaler keeps between minInstances and maxInstances instances';
    expect(problems(vm({ minInstances: 5, maxInstances: 3 }))).toEqual([
      `environments.vm.minInstances: 5 is more than maxInstances (3): ${why}`,
    ]);
    expect(problems(vm({ minInstances: 101 }))).toEqual([
      `environments.vm.minInstances: 101 is more than maxInstances (100): ${why}`,
    ]);
    expect(problems(vm({ minInstances: 3, maxInstances: 3 }))).toEqual([]);
    expect(problems(vm({ minInstances: 0, maxInstances: 1 }))).toEqual([]);
  });

  it('reports a late peak once, in the words of the rule it breaks', () => {
    const late = (workload: Record<string, unknown>) => problems(withComponent({ workload }));
    expect(late({ pattern: 'once-in-a-lifetime', baseRps: 1, peakRps: 5, peakStartHour: 3000 })).toEqual([
      'components[0].workload.peakStartHour: the peak starts at hour 3000, after the 30-day horizon ends',
    ]);
    expect(late({ pattern: 'periodic', baseRps: 1, peakRps: 5, peakStartHour: 3000 })).toEqual([
      'components[0].workload.peakStartHour: must be less than periodHours (24), got 3000',
    ]);
    expect(late({ pattern: 'unpredictable', baseRps: 10, peakRps: -1 })).toEqual([
      'components[0].workload.peakRps: must be at least baseRps (10), got -1',
    ]);
    expect(problems({ ...minimal, pricing: { region: 'US East' } })).toEqual([
      'pricing.region: aws\'s price book (aws-2026-11) has no region "US East"; it has us-east-1, eu-west-1',
    ]);
  });

  it('names the field an unknown one was likely meant to be', () => {
    expect(
      problems({
        ...minimal,
        simulaton: { days: 2 },
        colour: 'red',
        components: [{ ...component, peakRPS: 4, demand: { cpuMs: 10, memoryMB: 256 } }],
        connections: [{ id: 'c1', from: 'web', to: 'web', mdoe: 'sync' }],
        layout: { web: { x: 0, y: 0, z: 1 } },
      }),
    ).toEqual([
      'components[0].demand.memoryMB: unknown field (did you mean "memoryMb"?)',
      'components[0].peakRPS: unknown field (did you mean "workload.peakRps"?)',
      'connections[0].mdoe: unknown field (did you mean "mode"?)',
      'layout.web.z: unknown field',
      'simulaton: unknown field (did you mean "simulation"?)',
      'colour: unknown field',
      'connections[0]: connects "web" to itself',
    ]);
  });

  it('does not judge a peak against a horizon the design did not write', () => {
    const workload = { pattern: 'once-in-a-lifetime', baseRps: 1, peakRps: 5, peakStartHour: 1000 };
    expect(problems({ ...withComponent({ workload }), simulation: { days: '60' } })).toEqual([
      'simulation.days: must be a number, not "60" (a string: write the number without quotes)',
    ]);
    expect(problems({ ...withComponent({ workload }), simulation: 'month' })).toEqual([
      'simulation: must be an object, not "month"',
    ]);
    expect(problems({ ...withComponent({ workload }), simulation: { days: 41 } })).toEqual([
      'components[0].workload.peakStartHour: the peak starts at hour 1000, after the 41-day horizon ends',
    ]);
  });

  it('words an issue without its input (a tRPC input) by what is expected', () => {
    const noInput = designSchema.safeParse(withComponent({ kind: 'svc', demand: { cpuMs: 'x' } }));
    if (noInput.success) throw new Error('accepted');
    expect(problemsOf(noInput.error).map((p) => `${p.path}: ${p.message}`)).toEqual([
      'components[0].kind: must be one of "ui", "service", "processing", "batch", "data-access", "database", "storage", "queue" or "external"',
      'components[0].demand.cpuMs: must be a number, not a string',
    ]);
  });
});

describe('paths and JSON', () => {
  it('formats JSON paths', () => {
    expect(formatPath(['connections', 3, 'to'])).toBe('connections[3].to');
    expect(formatPath(['layout', 'my-web'])).toBe('layout["my-web"]');
    expect(formatPath([])).toBe('');
  });

  it('reports a JSON syntax error instead of throwing, at its line and column', () => {
    const r = parseJson('{\n  "format": "tidemark.design",\n  "version": 1,,\n}');
    expect(r).toEqual({
      ok: false,
      problems: [
        {
          path: 'line 3, column 16',
          message: 'not valid JSON: expected a property name, found ","',
          line: 3,
          column: 16,
        },
      ],
    });
    if (!r.ok) {
      expect(formatProblems(r.problems)).toBe('line 3, column 16: not valid JSON: expected a property name, found ","');
      expect(formatProblems(r.problems, 'design.json')).toBe(
        'design.json:3:16: not valid JSON: expected a property name, found ","',
      );
    }
  });
});
