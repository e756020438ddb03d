import { describe, expect, it } from 'vitest';
import { EXAMPLE_DESIGNS } from '@/core/examples';
import { designSchema } from '@/core/model';
import { compareProviders } from '@/core/plan';
import { runComparisonJob } from './compare-job';
import { isCompareResponse, toComparisonView, type CompareResponse } from './plan-protocol';
import { comparisonUpdate } from './use-plan-runner';

const example = EXAMPLE_DESIGNS.find((e) => e.key === 'cloud-bursting')!.design;

async function run(input: unknown, isCancelled = () => false) {
  const posted: CompareResponse[] = [];
  await runComparisonJob(7, input, { isCancelled, post: (m) => posted.push(m), progressEveryMs: 0 });
  return posted;
}

describe('the plan worker’s comparison job', () => {
  it('posts progress, then the engine’s comparison without each provider’s whole plan', async () => {
    const posted = await run(example);
    const done = posted.at(-1);
    expect(done?.type).toBe('compared');
    if (done?.type !== 'compared') return;
    expect(done.compareId).toBe(7);
    expect(posted.slice(0, -1).every((m) => m.type === 'compare-progress' && m.compareId === 7)).toBe(true);
    expect(posted.length).toBeGreaterThan(1);
    const engine = toComparisonView(compareProviders(designSchema.parse(example)));
    expect(done.comparison).toEqual(engine);
    expect(done.comparison.rows.map((r) => r.provider)).toEqual(['aws', 'azure', 'gcp']);
    expect(done.comparison.rows.every((r) => !('plan' in r))).toBe(true);
  });

  it('reports a design it cannot plan, with its problems', async () => {
    const posted = await run({ ...example, components: 'none' });
    expect(posted).toHaveLength(1);
    expect(posted[0]).toMatchObject({ type: 'compare-failed', compareId: 7 });
    expect('problems' in posted[0]! && posted[0].problems.length).toBeGreaterThan(0);
  });

  it('posts nothing once cancelled', async () => {
    let polls = 0;
    const posted = await run(example, () => ++polls > 3);
    expect(posted.filter((m) => m.type !== 'compare-progress')).toEqual([]);
  });

  it('tells comparison answers from plan answers, and turns them into the dialog’s state', () => {
    expect(
      isCompareResponse({ type: 'compare-progress', compareId: 1, progress: { phase: 'simulate', done: 1, total: 4 } }),
    ).toBe(true);
    expect(isCompareResponse({ type: 'failed', runId: 1, message: 'x' })).toBe(false);
    expect(comparisonUpdate({ type: 'compare-failed', compareId: 1, message: 'out of memory' })).toEqual({
      running: false,
      progress: null,
      error: 'The comparison failed: out of memory',
    });
    const problem = comparisonUpdate({
      type: 'compare-failed',
      compareId: 1,
      problems: [{ path: 'components[0].name', message: 'required' }],
    });
    expect(problem.error).toBe('The design has 1 problem; it cannot be compared.\ncomponents[0].name: required');
  });
});
