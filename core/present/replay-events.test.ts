import { describe, expect, it } from 'vitest';
import { EXAMPLE_DESIGNS } from '../examples';
import { designSchema } from '../model/design';
import { buildPlan } from '../plan/build-plan';
import { replayEvents } from './replay-events';
import { formatPointTime } from './format';
import { utilisationAt } from './utilisation';

function planOf(key: string, pinCatalog = false) {
  const example = EXAMPLE_DESIGNS.find((e) => e.key === key);
  if (!example) throw new Error(`no example ${key}`);
  const design = designSchema.parse(example.design);
  // The engine plans for the sale (issue 12): a catalogue held to 10 data-centre cores cannot serve it.
  if (pinCatalog) for (const c of design.components) if (c.id === 'catalog') c.pin = { placement: 'static', cores: 10 };
  return buildPlan(design);
}

describe('replayEvents', () => {
  it('finds the cloud-bursting sale on day 12, with every request the plan reports dropped', () => {
    const result = planOf('cloud-bursting', true);
    const events = replayEvents(result);
    expect(events.length).toBeGreaterThan(0);
    const totalDropped = events.reduce((sum, e) => sum + e.dropped, 0);
    expect(totalDropped).toBeCloseTo(result.plan.totals.recommended.droppedRequests, -1);
    const first = events[0]!;
    expect(formatPointTime(first.from, result.series.pointMinutes)).toMatch(/^Day 12,/);
    expect(first.componentIds).toContain('catalog');
    // The canvas reads the same point as dropping for that component, though its hourly mean is under capacity.
    const u = utilisationAt(result, 'catalog', 'static', first.from);
    expect(u?.dropping).toBe(true);
    expect(u?.missingSlo).toBe(true);
  });

  it('has no event for a plan that drops nothing and has only a few minutes over, spread thin', () => {
    // The cart's 2-core burst: 2 minutes over its target in the month, no hour of them reaching half a minute.
    const result = planOf('cloud-bursting');
    expect(result.plan.totals.recommended.droppedRequests).toBe(0);
    expect(result.plan.totals.recommended.sloViolationMinutes).toBe(2);
    expect(replayEvents(result)).toEqual([]);
    expect(replayEvents(null)).toEqual([]);
  });

  it('reads a series again only when it is a new object: a re-plan that changed one component', () => {
    const result = planOf('cloud-bursting', true);
    const before = replayEvents(result);
    const entry = result.plan.placements.find((e) => e.componentId !== 'catalog')!;
    const kept = result.series.components[entry.componentId]![entry.placement];
    // The page's copy of a re-plan: every other series the same object, this one's new, with a drop at point 3.
    const dropped = kept.dropped.slice();
    dropped[3] = 7;
    const replanned = {
      ...result,
      series: {
        ...result.series,
        components: {
          ...result.series.components,
          [entry.componentId]: {
            ...result.series.components[entry.componentId]!,
            [entry.placement]: { ...kept, dropped },
          },
        },
      },
    };
    const after = replayEvents(replanned);
    expect(after.find((e) => e.from === 3)).toMatchObject({ to: 3, dropped: 7, componentIds: [entry.componentId] });
    expect(after.filter((e) => e.from !== 3)).toEqual(before);
    // The plan as it was: the same events again.
    expect(replayEvents(result)).toEqual(before);
  });
});
