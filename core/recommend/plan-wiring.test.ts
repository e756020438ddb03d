import { describe, expect, it } from 'vitest';
import type { DesignInput, Placement } from '../model/design';
import { validateDesign } from '../model/validate';
import { makeDesign } from '../testing/design-fixture';
import { planWiring } from './plan-wiring';

type C = DesignInput['components'][number];
const comp = (id: string, extra: Partial<C> = {}): C => ({
  id,
  name: id,
  kind: 'service',
  demand: { cpuMs: 10 },
  ...extra,
});

function wire(components: C[], connections: DesignInput['connections'], placements: Record<string, Placement>) {
  const checked = validateDesign(makeDesign(components, { connections }));
  if (!checked.ok) throw new Error(JSON.stringify(checked.problems));
  const requests = new Map(components.map((c) => [c.id, 1_000_000]));
  return planWiring(checked.value, new Map(Object.entries(placements)), requests);
}

describe('wiring table', () => {
  it('inserts nothing when no connection crosses', () => {
    expect(wire([comp('a'), comp('b')], [{ id: 'c1', from: 'a', to: 'b' }], { a: 'static', b: 'static' })).toEqual([]);
    expect(
      wire([comp('a'), comp('b')], [{ id: 'c1', from: 'a', to: 'b' }], { a: 'elastic-vm', b: 'serverless' }),
    ).toEqual([]);
  });

  it('static ↔ elastic async call: a message queue, at-least-once with an idempotent consumer, priced per message', () => {
    const w = wire([comp('a'), comp('b')], [{ id: 'c1', from: 'a', to: 'b', mode: 'async' }], {
      a: 'static',
      b: 'serverless',
    });
    const queue = w.find((x) => x.kind === 'queue');
    expect(queue).toMatchObject({ id: 'w1', connectionId: 'c1', componentIds: ['a', 'b'] });
    expect(queue?.reason).toMatch(/at-least-once delivery with an idempotent consumer/);
    expect(queue?.reason).toContain('1,000,000 messages a month ≈ $1.20');
  });

  it('a queue component the architect drew is not doubled by an inserted one', () => {
    const w = wire(
      [comp('a'), comp('jobs', { kind: 'queue' }), comp('b')],
      [
        { id: 'c1', from: 'a', to: 'jobs', mode: 'async' },
        { id: 'c2', from: 'jobs', to: 'b', mode: 'async' },
      ],
      { a: 'static', jobs: 'serverless', b: 'elastic-vm' },
    );
    expect(w.filter((x) => x.kind === 'queue')).toEqual([]);
  });

  it('elastic consumers of a queue scale on queue length', () => {
    const w = wire([comp('a'), comp('b')], [{ id: 'c1', from: 'a', to: 'b', mode: 'async' }], {
      a: 'static',
      b: 'elastic-vm',
    });
    expect(w.find((x) => x.kind === 'queue')?.reason).toContain('scale on queue length (Elastic Queue)');
  });

  it('static ↔ elastic sync call: a secure link whose latency the caller pays (R8)', () => {
    const w = wire([comp('a'), comp('b')], [{ id: 'c1', from: 'a', to: 'b' }], { a: 'elastic-vm', b: 'static' });
    expect(w.map((x) => x.kind)).toEqual(['secure-link']);
    expect(w[0]?.reason).toContain('adds 20 ms per call (R8)');
  });

  it('elastic processing that needs static data: a static-side data-access component and a storage offering (R6)', () => {
    const w = wire(
      [comp('erp', { kind: 'database', stateful: true }), comp('jobs', { kind: 'processing', dataGb: 40 })],
      [{ id: 'c1', from: 'erp', to: 'jobs', mode: 'async' }],
      { erp: 'static', jobs: 'elastic-vm' },
    );
    expect(w.find((x) => x.kind === 'data-access')).toMatchObject({ componentIds: ['erp'], connectionId: 'c1' });
    const storage = w.find((x) => x.kind === 'storage');
    expect(storage).toMatchObject({ componentIds: ['jobs'], monthlyCost: 0.92 });
    expect(storage?.reason).toContain('40 GB');
  });

  it('a storage component in the cloud is itself the offering: only the data-access side is added', () => {
    const w = wire(
      [comp('exporter', { kind: 'data-access' }), comp('files', { kind: 'storage', dataGb: 40 })],
      [{ id: 'c1', from: 'exporter', to: 'files' }],
      { exporter: 'static', files: 'serverless' },
    );
    expect(w.filter((x) => x.kind === 'storage')).toEqual([]);
    expect(w.find((x) => x.kind === 'data-access')?.reason).toContain(
      'exporter, the static-side data-access component, stages it into files, the storage offering,',
    );
  });

  it('data crossing a trust boundary: compliant data replication (R5)', () => {
    const w = wire(
      [comp('a', { dataClass: 'confidential' }), comp('b')],
      [{ id: 'c1', from: 'a', to: 'b', mode: 'async' }],
      { a: 'static', b: 'serverless' },
    );
    expect(w.find((x) => x.kind === 'compliant-replication')?.reason).toMatch(
      /^confidential data crosses a trust boundary on c1/,
    );
  });

  it('the same component in both environments: a traffic manager, and a secure link back to on-premises data', () => {
    const w = wire(
      [comp('web'), comp('db', { kind: 'database', stateful: true })],
      [{ id: 'c1', from: 'web', to: 'db' }],
      { web: 'burst', db: 'static' },
    );
    expect(w.find((x) => x.kind === 'traffic-manager')).toMatchObject({ componentIds: ['web'] });
    expect(w.find((x) => x.kind === 'traffic-manager')?.reason).toContain('after 10 min');
    expect(w.find((x) => x.kind === 'secure-link')).toMatchObject({ connectionId: 'c1' });
  });

  it('functions behind synchronous HTTP: an API gateway, on the crossing call and for their own callers', () => {
    const w = wire(
      [comp('shop'), comp('fn', { workload: { pattern: 'unpredictable', baseRps: 1, peakRps: 10 } })],
      [{ id: 'c1', from: 'shop', to: 'fn' }],
      { shop: 'static', fn: 'serverless' },
    );
    const gateways = w.filter((x) => x.kind === 'api-gateway');
    expect(gateways.map((g) => g.connectionId ?? null)).toEqual(['c1', null]);
    expect(gateways.every((g) => g.componentIds[0] === 'fn')).toBe(true);
  });

  it('never wires through an external system', () => {
    expect(
      wire([comp('a'), comp('pay', { kind: 'external' })], [{ id: 'c1', from: 'a', to: 'pay' }], {
        a: 'serverless',
        pay: 'static',
      }),
    ).toEqual([]);
  });
});
