/**
 * Two scenarios compared on plans the engine makes here (the same buildPlan the plan worker runs):
 * the figures on screen are the plans' own, and the parts' changes add up to the total's, to the cent.
 */
import { describe, expect, it } from 'vitest';
import { cloudBursting, hybridBackend, hybridServerless } from '../examples';
import { designSchema, type Design } from '../model/design';
import { buildPlan } from '../plan/build-plan';
import { moveComponents } from '../edit/edit-design';
import { addComponent, connect } from '../edit/new-elements';
import { diffScenarios, formatDeltaCents, placementChange, type Scenario, type ScenarioDiff } from './scenario-diff';

const scenario = (design: Design): Scenario => ({ design, plan: buildPlan(design).plan });
const bursting = designSchema.parse(cloudBursting);
const before = scenario(bursting);

/** The cloud-bursting shop without its sale: its peak 600 → 100 rps, a mailer added, the cart moved. */
function quieter(): Design {
  const web = bursting.components.find((c) => c.id === 'web')!;
  let d: Design = {
    ...bursting,
    components: bursting.components.map((c) =>
      c.id === 'web' ? { ...web, workload: { ...web.workload!, peakRps: 100 } } : c,
    ),
  };
  const added = addComponent(d, 'service', { x: 0, y: 600 });
  const linked = connect(added.design, 'cart', added.id, 'async');
  if (!linked.ok) throw new Error(linked.reason);
  d = moveComponents(linked.design, { cart: { x: 900, y: 500 } });
  return d;
}

function expectSumsHold(diff: ScenarioDiff, a: Scenario, b: Scenario) {
  const rec = diff.totals.find((t) => t.key === 'recommended')!;
  expect(rec.beforeCents).toBe(Math.round(a.plan.totals.recommended.monthlyCost * 100));
  expect(rec.afterCents).toBe(Math.round(b.plan.totals.recommended.monthlyCost * 100));
  // Each side's components and wiring make its total; so their changes make the total's change.
  expect(diff.componentsCents.before + diff.wiringCents.before).toBe(rec.beforeCents);
  expect(diff.componentsCents.after + diff.wiringCents.after).toBe(rec.afterCents);
  const parts =
    diff.components.reduce((s, r) => s + r.deltaCents, 0) +
    diff.wiring.reduce((s, w) => s + w.afterCents - w.beforeCents, 0);
  expect(parts).toBe(rec.deltaCents);
}

describe('diffScenarios', () => {
  it('finds no change between a plan and the same design planned again', () => {
    const diff = diffScenarios(before, scenario(structuredClone(bursting)));
    expect(diff.components.some((r) => r.isChanged)).toBe(false);
    expect(diff.totals.map((t) => t.deltaCents)).toEqual([0, 0, 0]);
    expect(diff.wiring.every((w) => w.presence === 'kept' && w.beforeCents === w.afterCents)).toBe(true);
    expect(diff.summary[0]).toMatch(/^The recommended plan costs the same, \$[\d,]+\.\d\d a month\.$/);
    expect(diff.summary).toContain('Every component both designs have runs where it ran.');
  });

  it('puts each plan’s placements and costs beside the design’s changes, and the parts add up', () => {
    const after = scenario(quieter());
    const diff = diffScenarios(before, after);
    const row = (id: string) => diff.components.find((r) => r.id === id)!;
    const planned = (s: Scenario, id: string) => {
      const p = s.plan.placements.find((x) => x.componentId === id)!;
      return {
        placement: p.placement,
        cents: Math.round(p.options.find((o) => o.placement === p.placement)!.monthlyCost * 100),
      };
    };
    for (const r of diff.components) {
      if (r.before)
        expect({ placement: r.before.placement, cents: r.before.monthlyCents }).toEqual(planned(before, r.id));
      if (r.after) expect({ placement: r.after.placement, cents: r.after.monthlyCents }).toEqual(planned(after, r.id));
      expect(r.isPlacementChanged).toBe(!!r.before && !!r.after && r.before.placement !== r.after.placement);
    }
    expect(row('web')).toMatchObject({ presence: 'kept', isRetagged: true });
    expect(row('web').edits.join()).toMatch(/peak load 600 → 100/);
    expect(row('cart')).toMatchObject({ isMoved: true, isRetagged: false });
    const added = diff.components.filter((r) => r.presence === 'added');
    expect(added).toHaveLength(1);
    expect(added[0]!.before).toBeNull();
    expect(added[0]!.deltaCents).toBe(added[0]!.after!.monthlyCents);
    // Whatever the engine decides, the comparison says the same as the two plans.
    const changed = diff.components.filter((r) => r.isPlacementChanged).map((r) => r.id);
    const expected = bursting.components
      .map((c) => c.id)
      .filter((id) => planned(before, id).placement !== planned(after, id).placement);
    expect(changed).toEqual(expected);
    expect(changed.length).toBeGreaterThan(0);
    expect(diff.summary[1]).toContain(`${changed.length} component`);
    expectSumsHold(diff, before, after);
  });

  it('says which wiring its component already pays for, as the Decision view does, on each side', () => {
    const after = scenario(quieter());
    const diff = diffScenarios(before, after);
    // The premise: the shop's tiers burst before, so their traffic managers go with the sale.
    const managers = diff.wiring.filter((w) => w.key.startsWith('traffic-manager|'));
    expect(managers.length).toBeGreaterThan(0);
    expect(managers.every((w) => w.presence === 'removed')).toBe(true);
    // Billed in the burst option: "included" before, absent after — never a price of nothing.
    for (const w of managers) expect([w.isIncludedBefore, w.isIncludedAfter, w.beforeCents]).toEqual([true, false, 0]);
    // What carries its own cost lines is not included in anything.
    const priced = diff.wiring.filter((w) => w.beforeCents > 0 || w.afterCents > 0);
    expect(priced.length).toBeGreaterThan(0);
    for (const w of priced) expect([w.isIncludedBefore, w.isIncludedAfter]).toEqual([false, false]);
  });

  it('compares two different designs: everything of one is removed, everything of the other added', () => {
    const other = scenario(designSchema.parse(hybridServerless));
    const diff = diffScenarios(before, other);
    expect(diff.components.filter((r) => r.presence === 'removed')).toHaveLength(bursting.components.length);
    expect(diff.components.filter((r) => r.presence === 'added')).toHaveLength(other.design.components.length);
    expect(diff.components.some((r) => r.isPlacementChanged)).toBe(false);
    expectSumsHold(diff, before, other);
    const allStatic = diff.totals.find((t) => t.key === 'allStatic')!;
    expect(allStatic.deltaCents).toBe(
      Math.round(other.plan.totals.allStatic.monthlyCost * 100) -
        Math.round(before.plan.totals.allStatic.monthlyCost * 100),
    );
  });

  it('keeps the one secure link when the components calling over it change', () => {
    // The ERP pinned to elastic VMs: its calls to the front end and to its database cross too.
    const backend = designSchema.parse(hybridBackend);
    const pinned: Design = {
      ...backend,
      components: backend.components.map((c) => (c.id === 'erp' ? { ...c, pin: { placement: 'elastic-vm' } } : c)),
    };
    const a = scenario(backend);
    const b = scenario(pinned);
    const link = (s: Scenario) => s.plan.wiring.filter((w) => w.kind === 'secure-link' && !w.connectionId);
    // The premise: one link on each side, joining different components.
    expect(link(a)).toHaveLength(1);
    expect(link(b)).toHaveLength(1);
    expect(link(b)[0]!.componentIds).not.toEqual(link(a)[0]!.componentIds);
    const diff = diffScenarios(a, b);
    // Nothing is removed: the link was not taken down and put up again.
    expect(diff.wiring.filter((w) => w.presence === 'removed')).toEqual([]);
    const rows = diff.wiring.filter((w) => w.label === 'Secure link');
    expect(rows).toEqual([
      {
        key: 'secure-link',
        label: 'Secure link',
        between: 'the data centre and the cloud',
        presence: 'kept',
        beforeCents: Math.round(link(a)[0]!.monthlyCost * 100),
        afterCents: Math.round(link(b)[0]!.monthlyCost * 100),
        isIncludedBefore: false,
        isIncludedAfter: false,
      },
    ]);
    // The calls that newly cross are added, each on its connection, named as the canvas names them.
    const added = diff.wiring.filter((w) => w.presence === 'added' && w.key.startsWith('secure-link|'));
    expect(added.map((w) => [w.label, w.between])).toEqual([
      ['Call over the secure link', 'ERP front end → ERP application'],
      ['Data sent over the secure link', 'ERP application → ERP database'],
    ]);
    expectSumsHold(diff, a, b);
  });

  it('writes placements and changes of money in words', () => {
    const fig = (placement: 'static' | 'burst') => ({
      placement,
      monthlyCents: 1,
      sloViolationMinutes: 0,
      droppedRequests: 0,
    });
    expect(placementChange({ before: fig('static'), after: fig('burst') })).toBe('Data centre → Burst (both)');
    expect(placementChange({ before: fig('static'), after: fig('static') })).toBe('Data centre');
    expect(placementChange({ before: null, after: fig('burst') })).toBe('added → Burst (both)');
    expect(formatDeltaCents(-123456)).toBe('−$1,234.56');
    expect(formatDeltaCents(5)).toBe('+$0.05');
    expect(formatDeltaCents(0)).toBe('$0.00');
  });
});
