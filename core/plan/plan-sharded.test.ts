/**
 * A plan whose simulation is split between threads (plan-sharded.ts) is the plan buildPlan makes,
 * byte for byte: for the examples, for random designs, split in two and in three, with each part's
 * own memo across edits, and when a part's thread fails. The other threads are played here by
 * runners whose answers go through structuredClone, as a worker's message does.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EXAMPLE_DESIGNS } from '../examples/index';
import type { Design, DesignInput } from '../model/design';
import { validateDesign } from '../model/validate';
import type { RunCache } from '../recommend/run-placement';
import { designArbOf } from '../testing/design-arbitrary';
import { buildPlan, runToEnd, type PlanResult } from './build-plan';
import { buildPlanSharded, simulateShard, type ShardRunner } from './plan-sharded';
import { createRunMemo } from './run-memo';
import { FIRST_PART_WEIGHT, assignShards } from './shards';

function validated(input: DesignInput): Design {
  const checked = validateDesign(input);
  if (!checked.ok) throw new Error(`invalid design: ${JSON.stringify(checked.problems)}`);
  return checked.value;
}

function bytesOf(result: PlanResult): string {
  return JSON.stringify(result, (_key, value: unknown) =>
    value instanceof Float32Array || value instanceof Float64Array ? Array.from(value) : value,
  );
}

/** A runner as a worker thread is: its own memo, its answer structured-cloned. Counts its parts. */
function threadLike(memo?: RunCache): ShardRunner & { parts: number } {
  const runner = Object.assign(
    (design: Design, shard: { index: number; count: number }, points: number) => {
      runner.parts++;
      return Promise.resolve(structuredClone(runToEnd(simulateShard(design, shard, points, memo))));
    },
    { parts: 0 },
  );
  return runner;
}

const examples = EXAMPLE_DESIGNS.map((e) => [e.key, validated(e.design)] as const);

describe('a plan split between threads', () => {
  it.each(examples)('%s: two and three parts give the plan buildPlan makes', async (_key, design) => {
    const whole = bytesOf(buildPlan(design));
    const two = [threadLike()];
    expect(bytesOf(await buildPlanSharded(design, two))).toBe(whole);
    expect(two[0]?.parts).toBe(1);
    expect(bytesOf(await buildPlanSharded(design, [threadLike(), threadLike()]))).toBe(whole);
  });

  it('each component is simulated by exactly one part', () => {
    const design = examples[0]?.[1] as Design;
    const parts = [0, 1, 2].map((index) => runToEnd(simulateShard(design, { index, count: 3 })));
    const ids = parts.flatMap((p) => p.facts.map(([id]) => id)).sort();
    expect(ids).toEqual(design.components.map((c) => c.id).sort());
    const assigned = assignShards(
      design.components.map((c) => c.id),
      3,
    );
    for (const [index, part] of parts.entries()) for (const [id] of part.facts) expect(assigned.get(id)).toBe(index);
  });

  it('a part whose thread fails is simulated here, and the plan is the same', async () => {
    const design = examples[1]?.[1] as Design;
    const failing: ShardRunner = () => Promise.reject(new Error('worker died'));
    expect(bytesOf(await buildPlanSharded(design, [failing]))).toBe(bytesOf(buildPlan(design)));
  });

  it('a part that never comes is simulated here after the deadline, and the plan is the same', async () => {
    const design = examples[0]?.[1] as Design;
    const silent: ShardRunner = () => new Promise<never>(() => undefined);
    const split = await buildPlanSharded(design, [silent], { partGraceMs: 20 });
    expect(bytesOf(split)).toBe(bytesOf(buildPlan(design)));
  });

  it('progress counts this part and what the other reports, up to every component', async () => {
    const design = examples[1]?.[1] as Design;
    const reporting: ShardRunner = (d, shard, points, onProgress) => {
      const part = runToEnd(simulateShard(d, shard, points));
      onProgress?.(part.facts.length);
      return Promise.resolve(structuredClone(part));
    };
    const seen: { done: number; total: number }[] = [];
    await buildPlanSharded(design, [reporting], { onProgress: (p) => p.phase === 'simulate' && seen.push(p) });
    const n = design.components.length;
    expect(seen.every((p) => p.total === n && p.done <= n)).toBe(true);
    expect(seen.at(-1)?.done).toBe(n);
  });

  it('edits with each part keeping its own memo give the plan from nothing', async () => {
    const design = examples[2]?.[1] as Design;
    const memo = createRunMemo();
    const other = threadLike(createRunMemo());
    const edits: Design[] = [
      design,
      ...design.components.slice(0, 3).map((c) => ({
        ...design,
        components: design.components.map((x) =>
          x.id === c.id ? { ...x, demand: { ...x.demand, cpuMs: x.demand.cpuMs * 1.7 } } : x,
        ),
      })),
      design,
    ];
    for (const edited of edits)
      expect(bytesOf(await buildPlanSharded(edited, [other], { memo }))).toBe(bytesOf(buildPlan(edited)));
  });

  it('random designs: the split plan is the whole plan', async () => {
    await fc.assert(
      fc.asyncProperty(designArbOf(6), fc.integer({ min: 2, max: 3 }), async (input, count) => {
        const design = validated(input);
        const others = Array.from({ length: count - 1 }, () => threadLike());
        expect(bytesOf(await buildPlanSharded(design, others))).toBe(bytesOf(buildPlan(design)));
      }),
      { numRuns: 12, seed: 17 },
    );
  });

  it('cuts the parts as evenly as whole components allow, the first by its weight', () => {
    expect(assignShards(['api'], 1).get('api')).toBe(0);
    for (const count of [2, 3])
      for (const n of [1, 2, 3, 7, 10, 50, 200, 500]) {
        const ids = Array.from({ length: n }, (_, i) => `c${i}`);
        const assigned = assignShards(ids, count);
        const sizes = Array.from({ length: count }, () => 0);
        for (const id of ids) (sizes[assigned.get(id) as number] as number)++;
        const total = FIRST_PART_WEIGHT + count - 1;
        // Each cut within half a component of where the weights put it.
        let before = 0;
        for (let p = 0; p < count - 1; p++) {
          before += sizes[p] as number;
          expect(Math.abs(before - (n * (FIRST_PART_WEIGHT + p)) / total)).toBeLessThanOrEqual(0.5);
        }
        // The same ids in another order: the same parts.
        expect(assignShards([...ids].reverse(), count)).toEqual(assigned);
      }
  });

  it('an edit moves at most one component across each cut (each part keeps its runs)', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.string({ minLength: 1, maxLength: 8 }), { minLength: 1, maxLength: 80 }),
        fc.string({ minLength: 1, maxLength: 8 }),
        fc.integer({ min: 2, max: 3 }),
        (ids, extra, count) => {
          const before = assignShards(ids, count);
          const moved = (after: Map<string, number>) =>
            ids.filter((id) => after.has(id) && after.get(id) !== before.get(id));
          // A component added, and one removed.
          if (!ids.includes(extra))
            expect(moved(assignShards([...ids, extra], count)).length).toBeLessThanOrEqual(count - 1);
          expect(moved(assignShards(ids.slice(1), count)).length).toBeLessThanOrEqual(count - 1);
        },
      ),
      { numRuns: 300 },
    );
  });
});
