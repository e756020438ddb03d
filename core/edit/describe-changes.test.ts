import { describe, expect, it } from 'vitest';
import { designSchema, type Design } from '../model/design';
import { moveComponents, updateComponent } from './edit-design';
import { addComponent, connect } from './new-elements';
import { describeChanges, describeRevisionSize } from './describe-changes';

const base: Design = designSchema.parse({
  format: 'tidemark.design',
  version: 1,
  name: 'Shop',
  components: [
    { id: 'web', name: 'Web shop', kind: 'ui', workload: { pattern: 'static', baseRps: 600 }, demand: { cpuMs: 10 } },
    { id: 'db', name: 'Shop database', kind: 'database', demand: { cpuMs: 5 }, stateful: true },
  ],
  connections: [{ id: 'web-db', from: 'web', to: 'db' }],
  layout: { web: { x: 0, y: 0 }, db: { x: 300, y: 0 } },
});

describe('describeChanges', () => {
  it('says nothing for the same document', () => {
    expect(describeChanges(base, base)).toBe('');
    expect(describeChanges(base, structuredClone(base))).toBe('');
  });

  it('names a changed field of a component with its old and new value', () => {
    const web = base.components[0]!;
    const next = updateComponent(base, 'web', { ...web, workload: { ...web.workload!, baseRps: 1200 } });
    expect(describeChanges(base, next)).toBe('Web shop: base load 600 → 1,200');
  });

  it('tells apart two saves that differ only in what was edited', () => {
    const web = base.components[0]!;
    const a = updateComponent(base, 'web', { ...web, latencySloMs: 300 });
    const b = updateComponent(base, 'web', { ...web, stateful: true });
    expect(describeChanges(base, a)).toBe('Web shop: latency SLO (ms) none → 300');
    expect(describeChanges(base, b)).toBe('Web shop: stateful no → yes');
  });

  it('names a changed price and a simulation setting with their values, a price left to the book read from it', () => {
    const cheaper = designSchema.parse({ ...base, environments: { vm: { hourlyPrice: 0.0858 } } });
    // The book's VM price (AWS on demand, $0.096 an hour) before, the design's own after.
    expect(describeChanges(base, cheaper)).toBe('Cloud VM ($ an hour) 0.096 → 0.0858');
    const longer = designSchema.parse({ ...cheaper, simulation: { ...cheaper.simulation, days: 7 } });
    expect(describeChanges(cheaper, longer)).toBe(`Horizon (days) ${base.simulation.days} → 7`);
  });

  it('lists added components, new connections, a rename and moves', () => {
    const added = addComponent(base, 'queue', { x: 600, y: 0 });
    const linked = connect(added.design, 'web', added.id, 'async');
    if (!linked.ok) throw new Error(linked.reason);
    const renamed = { ...linked.design, name: 'Shop 2' };
    const moved = moveComponents(renamed, { db: { x: 300, y: 200 } });
    expect(describeChanges(base, moved)).toBe(
      'renamed “Shop” → “Shop 2”; added Queue; connected Web shop → Queue; moved Shop database',
    );
  });

  it('counts instead of naming when many things changed', () => {
    let next = base;
    for (let i = 0; i < 5; i++) next = addComponent(next, 'service', { x: i * 300, y: 400 }).design;
    expect(describeChanges(base, next)).toBe('added 5 components');
    const removedAll = { ...next, components: next.components.slice(0, 1), connections: [] };
    expect(describeChanges(next, removedAll)).toBe('removed 6 components; disconnected Web shop → Shop database');
  });

  it('names a measured series attached to a component', () => {
    const web = base.components[0]!;
    const next = updateComponent(base, 'web', {
      ...web,
      workload: { ...web.workload!, trace: { stepMinutes: 60, rps: [1, 2, 3] } },
    });
    expect(describeChanges(base, next)).toBe('Web shop: measured series attached');
  });

  it('names a pin by where it puts the component, its cores counted in words', () => {
    // It read "pinned to static (2 cores)".
    const web = base.components[0]!;
    const pinned = updateComponent(base, 'web', { ...web, pin: { placement: 'static', cores: 2 } });
    expect(describeChanges(base, pinned)).toBe('Web shop: pinned to the data centre (2 cores)');
    const burst = updateComponent(base, 'web', { ...web, pin: { placement: 'burst', cores: 1 } });
    expect(describeChanges(base, burst)).toBe('Web shop: pinned to bursting (a base of 1 core)');
    const vms = updateComponent(base, 'web', { ...web, pin: { placement: 'elastic-vm' } });
    expect(describeChanges(pinned, vms)).toBe('Web shop: pinned to elastic VMs');
  });

  it("counts a revision's components and connections with their plurals", () => {
    // It read "1 components, 1 connections".
    expect(describeRevisionSize(1, 1)).toBe('1 component, 1 connection');
    expect(describeRevisionSize(3, 0)).toBe('3 components, 0 connections');
  });
});
