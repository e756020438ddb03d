import { describe, expect, it } from 'vitest';
import { priceDesign } from '../cost/tariff';
import { validateDesign } from '../model/validate';
import { CloudStepsBuilder } from '../simulate/cloud-steps';
import { makeDesign } from '../testing/design-fixture';
import type { Candidate, CandidateOption } from './build-joint-problem';
import { frameJointProblem } from './build-joint-problem';

/**
 * The joint choice's latency for a caller's sync calls to a burst callee: what it budgets must be at
 * least what assessOption counts, and no more where the callee's routed minutes cannot make the caller
 * miss. Caller `p` in the data centre makes 4 calls a request to `k`, which bursts; the link is 20 ms.
 */
describe("a burst callee's calls in the joint choice's budget", () => {
  const checked = validateDesign(
    makeDesign(
      [
        { id: 'p', name: 'p', kind: 'service', demand: { cpuMs: 10 }, workload: { pattern: 'static', baseRps: 10 } },
        { id: 'k', name: 'k', kind: 'service', demand: { cpuMs: 10 }, workload: { pattern: 'static', baseRps: 10 } },
      ],
      {
        connections: [{ id: 'p-k', from: 'p', to: 'k', mode: 'sync', callsPerRequest: 4, payloadKb: 1 }],
        environments: { link: { latencyMs: 20 } },
      },
    ),
  );
  if (!checked.ok) throw new Error(JSON.stringify(checked.problems));
  const design = priceDesign(checked.value);
  const byId = (id: string) => {
    const c = design.components.find((x) => x.id === id);
    if (!c) throw new Error(`no ${id}`);
    return c;
  };
  const p = byId('p');
  const k = byId('k');

  /** k's steps: `share` of its calls (half unless said) to the cloud in `routed` one-minute steps of a day. */
  function stepsRouting(routed: number, share = 0.5) {
    const b = new CloudStepsBuilder();
    for (let i = 0; i < routed; i++) b.add(600 + i, 60, 60, 10, 10, 10 * share, 10 * share);
    return b.finish(new Float32Array(1440).fill(10), null, 1440, 60);
  }
  const option = (placement: CandidateOption['placement'], extra: Partial<CandidateOption> = {}): CandidateOption => ({
    placement,
    allowed: true,
    ownCost: 10,
    cloudShare: placement === 'static' ? 0 : placement === 'burst' ? 0.01 : 1,
    slack: 50,
    missMinutes: 0,
    missDrops: 0,
    missP95: 40,
    missBand: { minutes: 10, drops: 0 },
    ...extra,
  });
  /** The data-centre latency the edge adds to p in the data centre with k bursting. */
  function latencyWith(
    routed: number,
    roomMinutes: number,
    routedOver?: CandidateOption['routedOver'],
    share = 0.5,
  ): number {
    const caller: Candidate = {
      component: p,
      options: [option('static', { roomMinutes, ...(routedOver ? { routedOver } : {}) })],
      requestsPerMonth: 1e6,
    };
    const callee: Candidate = {
      component: k,
      options: [option('burst', { steps: stepsRouting(routed, share) })],
      requestsPerMonth: 1e6,
    };
    const frame = frameJointProblem([caller, callee], design.connections, design.tariff);
    const edge = frame.edges[0];
    if (!edge) throw new Error('the calls cross');
    return edge.latency[0] as number;
  }

  it('routed minutes within what the caller may still miss cost it no latency', () => {
    expect(latencyWith(8, 10)).toBe(0);
    expect(latencyWith(10, 10)).toBe(0);
  });

  it('more routed minutes than that: the largest delay of their p95s, every minute', () => {
    // Half of each call crosses: P(K ≤ 3) = 15/16 < 95 %, so the p95 pays all four calls.
    expect(latencyWith(11, 10)).toBe(80);
    // A caller with no room left (or none known) budgets it however few.
    expect(latencyWith(1, 0)).toBe(80);
  });

  it("more routed minutes than the room, but no more SLO minutes than it as the caller's own count reads them: none", () => {
    expect(latencyWith(20, 10, () => ({ minutes: 3, delayMs: 80 }))).toBe(0);
    expect(latencyWith(20, 10, () => ({ minutes: 11, delayMs: 80 }))).toBe(80);
  });

  it('calls that cross for fewer than 5 % of the requests in every step still cost their delay where they add too many minutes', () => {
    // 1 % of k's calls cross: a request of four makes one with 3.9 %, so the crossing's own p95 reads
    // no delay; on a long link those few calls may still reach the caller's p95 (routedOver says so).
    expect(latencyWith(20, 10, () => ({ minutes: 11, delayMs: 37 }), 0.01)).toBe(37);
    expect(latencyWith(20, 10, () => ({ minutes: 3, delayMs: 37 }), 0.01)).toBe(0);
  });

  it("two callees that can burst share the caller's room", () => {
    const design2 = validateDesign(
      makeDesign(
        [
          { id: 'p', name: 'p', kind: 'service', demand: { cpuMs: 10 }, workload: { pattern: 'static', baseRps: 10 } },
          { id: 'k', name: 'k', kind: 'service', demand: { cpuMs: 10 }, workload: { pattern: 'static', baseRps: 10 } },
          { id: 'm', name: 'm', kind: 'service', demand: { cpuMs: 10 }, workload: { pattern: 'static', baseRps: 10 } },
        ],
        {
          connections: [
            { id: 'p-k', from: 'p', to: 'k', mode: 'sync', callsPerRequest: 4, payloadKb: 1 },
            { id: 'p-m', from: 'p', to: 'm', mode: 'sync', callsPerRequest: 4, payloadKb: 1 },
          ],
          environments: { link: { latencyMs: 20 } },
        },
      ),
    );
    if (!design2.ok) throw new Error(JSON.stringify(design2.problems));
    const priced = priceDesign(design2.value);
    const of = (id: string) => {
      const c = priced.components.find((x) => x.id === id);
      if (!c) throw new Error(`no ${id}`);
      return c;
    };
    // Each routes 8 minutes, within the caller's 10 alone; together 16 are not.
    const burstOf = (id: string): Candidate => ({
      component: of(id),
      options: [option('burst', { steps: stepsRouting(8) })],
      requestsPerMonth: 1e6,
    });
    const caller: Candidate = {
      component: of('p'),
      options: [option('static', { roomMinutes: 10 })],
      requestsPerMonth: 1e6,
    };
    const frame = frameJointProblem([caller, burstOf('k'), burstOf('m')], priced.connections, priced.tariff);
    expect(frame.edges.map((e) => e.latency[0])).toEqual([80, 80]);
  });

  it('a callee that routes nothing adds nothing', () => {
    expect(latencyWith(0, 0)).toBe(0);
  });
});
