import { describe, expect, it } from 'vitest';
import type { DesignInput, Placement } from '../model/design';
import { validateDesign } from '../model/validate';
import { buildPlan } from '../plan/build-plan';
import { makeDesign } from '../testing/design-fixture';

type C = DesignInput['components'][number];
const comp = (id: string, extra: Partial<C> = {}): C => ({
  id,
  name: `The ${id}`,
  kind: 'service',
  demand: { cpuMs: 10 },
  workload: { pattern: 'static', baseRps: 10 },
  ...extra,
});

/** The wiring of a plan whose placements are fixed by pins (so the table, not the choice, is tested). */
function wire(components: C[], connections: DesignInput['connections'], placements: Record<string, Placement>) {
  const pinned = components.map((c) => ({ ...c, pin: { placement: placements[c.id] ?? 'static' } }));
  const checked = validateDesign(makeDesign(pinned, { connections, simulation: { days: 2 } }));
  if (!checked.ok) throw new Error(JSON.stringify(checked.problems));
  return buildPlan(checked.value).plan.wiring;
}

const sum = (lines: readonly { monthlyCost: number }[]) =>
  Math.round(lines.reduce((s, l) => s + Math.round(l.monthlyCost * 100), 0)) / 100;

describe('wiring table', () => {
  it('inserts nothing when no connection crosses', () => {
    expect(wire([comp('a'), comp('b')], [{ id: 'c1', from: 'a', to: 'b' }], { a: 'static', b: 'static' })).toEqual([]);
    expect(
      wire([comp('a'), comp('b')], [{ id: 'c1', from: 'a', to: 'b' }], { a: 'elastic-vm', b: 'elastic-vm' }),
    ).toEqual([]);
  });

  it('a connection that makes no call crosses nothing: no link, no queue', () => {
    // Drawn but not used (0 calls a request): it read "Call over the secure link", and a link with it.
    for (const mode of ['sync', 'async'] as const) {
      const split = { a: 'static', b: 'elastic-vm' } as const;
      const used = wire([comp('a'), comp('b')], [{ id: 'c1', from: 'a', to: 'b', mode, callsPerRequest: 1 }], split);
      expect(used.length).toBeGreaterThan(0);
      expect(wire([comp('a'), comp('b')], [{ id: 'c1', from: 'a', to: 'b', mode, callsPerRequest: 0 }], split)).toEqual(
        [],
      );
    }
  });

  it('static → elastic async call: a message queue, at-least-once with an idempotent consumer, priced per message', () => {
    const w = wire([comp('a'), comp('b')], [{ id: 'c1', from: 'a', to: 'b', mode: 'async' }], {
      a: 'static',
      b: 'elastic-vm',
    });
    const queue = w.find((x) => x.kind === 'queue');
    expect(queue).toMatchObject({ connectionId: 'c1', componentIds: ['a', 'b'] });
    expect(queue?.reason).toMatch(/at-least-once delivery and an idempotent consumer/);
    expect(queue?.reason).toContain('scale on queue length (Elastic Queue)');
    // 10 req/s over a 730-hour month: 26,280,000 messages, 3 requests each at $0.40 per million.
    const line = queue?.costLines.find((l) => l.item === 'queue-requests');
    expect(line).toMatchObject({ quantity: 78_840_000, unit: 'request', unitPrice: 0.0000004, monthlyCost: 31.54 });
    expect(queue?.monthlyCost).toBe(sum(queue?.costLines ?? []));
  });

  it('a queue component the architect drew is not doubled by an inserted one', () => {
    const w = wire(
      [comp('a'), comp('jobs', { kind: 'queue', workload: undefined }), comp('b', { workload: undefined })],
      [
        { id: 'c1', from: 'a', to: 'jobs', mode: 'async' },
        { id: 'c2', from: 'jobs', to: 'b', mode: 'async' },
      ],
      { a: 'static', jobs: 'serverless', b: 'elastic-vm' },
    );
    // Messages leave the data centre into the queue (ingress: free), so no element on c1 at all.
    expect(w.filter((x) => x.kind === 'queue' && x.costLines.some((l) => l.item === 'queue-requests'))).toEqual([]);
  });

  it('static ↔ elastic sync call: the call rides the secure link, whose month is paid once for the design', () => {
    const w = wire(
      [comp('a'), comp('b', { workload: undefined }), comp('c', { workload: undefined })],
      [
        { id: 'c1', from: 'a', to: 'b' },
        { id: 'c2', from: 'a', to: 'c' },
      ],
      { a: 'elastic-vm', b: 'static', c: 'static' },
    );
    const calls = w.filter((x) => x.kind === 'secure-link' && x.connectionId !== undefined);
    expect(calls.map((x) => x.connectionId)).toEqual(['c1', 'c2']);
    expect(calls[0]?.reason).toContain('adds 20 ms per call (R8)');
    // 4 kB a call leaves the cloud: 26,280,000 calls × 4 kB = 105.12 GB at $0.09.
    expect(calls[0]?.costLines).toEqual([
      { item: 'egress', quantity: 105.12, unit: 'GB', unitPrice: 0.09, monthlyCost: 9.46 },
    ]);
    const link = w.filter((x) => x.kind === 'secure-link' && x.connectionId === undefined);
    expect(link).toHaveLength(1);
    expect(link[0]?.monthlyCost).toBe(36.5);
    expect(link[0]?.costLines[0]).toMatchObject({ item: 'secure-link', monthlyCost: 36.5 });
  });

  it('elastic processing that needs static data: a data-access element and a storage offering (R6)', () => {
    const w = wire(
      [
        comp('erp', { kind: 'database', stateful: true }),
        comp('jobs', { kind: 'processing', dataGb: 40, workload: undefined }),
      ],
      [{ id: 'c1', from: 'erp', to: 'jobs', mode: 'async' }],
      { erp: 'static', jobs: 'elastic-vm' },
    );
    expect(w.find((x) => x.kind === 'data-access')).toMatchObject({
      componentIds: ['erp'],
      connectionId: 'c1',
      monthlyCost: 16,
    });
    const storage = w.find((x) => x.kind === 'storage');
    expect(storage).toMatchObject({ componentIds: ['jobs'], monthlyCost: 0.92 });
    expect(storage?.reason).toContain('40 GB');
  });

  it('a storage component in the cloud is itself the offering; a drawn data-access component stages for free', () => {
    const w = wire(
      [comp('exporter', { kind: 'data-access' }), comp('files', { kind: 'storage', dataGb: 40, workload: undefined })],
      [{ id: 'c1', from: 'exporter', to: 'files' }],
      { exporter: 'static', files: 'serverless' },
    );
    expect(w.filter((x) => x.kind === 'storage')).toEqual([]);
    const access = w.find((x) => x.kind === 'data-access');
    expect(access?.reason).toContain(
      'The exporter, the data-access component, stages it into The files, the storage offering,',
    );
    expect(access?.monthlyCost).toBe(0);
    // The call across the link names the store as what it is, not as functions.
    const link = w.find((x) => x.kind === 'secure-link' && x.connectionId === 'c1');
    expect(link?.reason).toMatch(/^The exporter \(the data centre\) → The files \(managed object storage\) /);
  });

  it('data crossing a trust boundary: compliant data replication (R5), named by component', () => {
    const w = wire(
      [comp('a', { dataClass: 'confidential' }), comp('b', { workload: undefined })],
      [{ id: 'c1', from: 'a', to: 'b', mode: 'async' }],
      { a: 'static', b: 'serverless' },
    );
    expect(w.find((x) => x.kind === 'compliant-replication')?.reason).toMatch(
      /^The a's confidential data crosses a trust boundary here/,
    );
  });

  it('a burst: a traffic manager billed in its option, and a secure link back to on-premises data', () => {
    const w = wire(
      [comp('web'), comp('db', { kind: 'database', stateful: true, workload: undefined })],
      [{ id: 'c1', from: 'web', to: 'db' }],
      { web: 'burst', db: 'static' },
    );
    const manager = w.find((x) => x.kind === 'traffic-manager');
    expect(manager).toMatchObject({ componentIds: ['web'], monthlyCost: 0 });
    expect(manager?.reason).toContain('10 min after it starts');
    expect(manager?.reason).toContain("Billed in The web's burst option");
  });

  it('a burst whose peak is known in advance: the manager routes it on schedule, other overflow after detection', () => {
    const w = wire(
      [
        comp('web', {
          workload: { pattern: 'once-in-a-lifetime', baseRps: 10, peakRps: 200, peakHours: 4, peakStartHour: 30 },
        }),
      ],
      [],
      { web: 'burst' },
    );
    expect(w.find((x) => x.kind === 'traffic-manager')?.reason).toContain(
      'on schedule for the planned peak at hour 30 (weights and cloud capacity set before it starts), and any other overflow 10 min after it starts',
    );
  });

  it("an API gateway only in front of functions' own (public) traffic, not for calls from other components", () => {
    const w = wire(
      [comp('shop'), comp('fn', { workload: { pattern: 'unpredictable', baseRps: 1, peakRps: 10 } })],
      [{ id: 'c1', from: 'shop', to: 'fn' }],
      { shop: 'static', fn: 'serverless' },
    );
    const gateways = w.filter((x) => x.kind === 'api-gateway');
    expect(gateways).toHaveLength(1);
    expect(gateways[0]).toMatchObject({ componentIds: ['fn'], monthlyCost: 0 });
    expect(gateways[0]?.connectionId).toBeUndefined();
  });

  it('never wires through an external system', () => {
    const w = wire(
      [comp('a'), comp('pay', { kind: 'external', workload: undefined })],
      [{ id: 'c1', from: 'a', to: 'pay' }],
      { a: 'serverless', pay: 'static' },
    );
    expect(w.filter((x) => x.componentIds.includes('pay') || x.connectionId === 'c1')).toEqual([]);
  });
});
