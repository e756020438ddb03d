import { describe, expect, it } from 'vitest';
import { EXAMPLE_DESIGNS } from '../examples';
import { designSchema } from '../model/design';
import { buildPlan } from '../plan/build-plan';
import { replayEvents } from './replay-events';
import { formatPointTime } from './format';
import { utilisationAt } from './utilisation';

function planOf(key: string) {
  const example = EXAMPLE_DESIGNS.find((e) => e.key === key);
  if (!example) throw new Error(`no example ${key}`);
  return buildPlan(designSchema.parse(example.design));
}

describe('replayEvents', () => {
  it('finds the cloud-bursting sale on day 12, with every request the plan reports dropped', () => {
    const result = planOf('cloud-bursting');
    const events = replayEvents(result);
    expect(events.length).toBeGreaterThan(0);
    const totalDropped = events.reduce((sum, e) => sum + e.dropped, 0);
    expect(totalDropped).toBeCloseTo(result.plan.totals.recommended.droppedRequests, -1);
    const first = events[0]!;
    expect(formatPointTime(first.from, result.series.pointMinutes)).toMatch(/^Day 12,/);
    expect(first.componentIds).toContain('catalog');
    // The canvas reads the same point as dropping for that component, though its hourly mean is under capacity.
    const u = utilisationAt(result, 'catalog', 'burst', first.from);
    expect(u?.dropping).toBe(true);
    expect(u?.utilisation).toBeLessThan(1);
  });

  it('has no event for a plan that drops nothing and meets every SLO', () => {
    const result = planOf('hybrid-serverless');
    expect(result.plan.totals.recommended.droppedRequests).toBe(0);
    expect(result.plan.totals.recommended.sloViolationMinutes).toBe(0);
    expect(replayEvents(result)).toEqual([]);
    expect(replayEvents(null)).toEqual([]);
  });
});
