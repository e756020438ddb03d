import { describe, expect, it } from 'vitest';
import { designSchema, type Design } from '../model/design';
import { moveComponents, removeElements, updateComponent, updateConnection } from './edit-design';
import { addComponent, connect } from './new-elements';
import { diffDesigns } from './diff-designs';

const base: Design = designSchema.parse({
  format: 'tidemark.design',
  version: 1,
  name: 'Shop',
  components: [
    { id: 'web', name: 'Web shop', kind: 'ui', workload: { pattern: 'static', baseRps: 600 }, demand: { cpuMs: 10 } },
    { id: 'db', name: 'Shop database', kind: 'database', demand: { cpuMs: 5 }, stateful: true },
    { id: 'mail', name: 'Mailer', kind: 'service', demand: { cpuMs: 3 } },
  ],
  connections: [
    { id: 'web-db', from: 'web', to: 'db' },
    { id: 'web-mail', from: 'web', to: 'mail', mode: 'async' },
  ],
  layout: { web: { x: 0, y: 0 }, db: { x: 300, y: 0 }, mail: { x: 300, y: 200 } },
});

const byId = (d: ReturnType<typeof diffDesigns>, id: string) => d.components.find((c) => c.id === id);

describe('diffDesigns', () => {
  it('finds nothing between a design and a copy of it', () => {
    const d = diffDesigns(base, structuredClone(base));
    expect(d.isSame).toBe(true);
    expect(d.components.map((c) => c.presence)).toEqual(['kept', 'kept', 'kept']);
    expect(d.components.some((c) => c.isMoved || c.isRetagged)).toBe(false);
    expect(d.connections.every((c) => c.presence === 'kept' && c.edits.length === 0)).toBe(true);
  });

  it('tells added, removed, moved and re-tagged components apart, matched by id', () => {
    const web = base.components[0]!;
    let next = updateComponent(base, 'web', {
      ...web,
      workload: { pattern: 'periodic', baseRps: 600, peakRps: 2000, noise: 0 },
    });
    next = moveComponents(next, { db: { x: 300, y: 400 } });
    const removed = removeElements(next, ['mail'], []);
    if ('refused' in removed) throw new Error(removed.refused);
    next = removed;
    const added = addComponent(next, 'queue', { x: 600, y: 0 });
    const d = diffDesigns(base, added.design);
    expect(d.isSame).toBe(false);
    expect(byId(d, 'web')).toMatchObject({ presence: 'kept', isRetagged: true, isMoved: false });
    expect(byId(d, 'web')?.edits).toContain('pattern static → periodic');
    expect(byId(d, 'db')).toMatchObject({ presence: 'kept', isRetagged: false, isMoved: true, edits: [] });
    expect(byId(d, 'mail')).toMatchObject({ presence: 'removed', name: 'Mailer' });
    expect(byId(d, added.id)).toMatchObject({ presence: 'added', kind: 'queue' });
    // The second design's order first, then what only the first had.
    expect(d.components.map((c) => c.id)).toEqual(['web', 'db', added.id, 'mail']);
    expect(d.counts).toEqual({ added: 1, removed: 1, moved: 1, retagged: 1, connections: 1 });
    expect(d.connections.find((c) => c.id === 'web-mail')).toMatchObject({
      presence: 'removed',
      between: 'Web shop → Mailer',
    });
  });

  it('counts a rename as a re-tag, under the new name', () => {
    const d = diffDesigns(base, updateComponent(base, 'db', { ...base.components[1]!, name: 'Orders DB' }));
    expect(byId(d, 'db')).toMatchObject({
      name: 'Orders DB',
      isRetagged: true,
      edits: ['name Shop database → Orders DB'],
    });
  });

  it('says what changed on a kept connection, and treats an id reused for another pair as a new one', () => {
    const changed = updateConnection(base, 'web-db', { ...base.connections[0]!, mode: 'async', callsPerRequest: 2 });
    expect(diffDesigns(base, changed).connections.find((c) => c.id === 'web-db')).toMatchObject({
      presence: 'kept',
      edits: ['sync → async', 'calls per request 1 → 2'],
    });
    const rewired: Design = {
      ...base,
      connections: [base.connections[0]!, { ...base.connections[1]!, from: 'db', to: 'mail' }],
    };
    const d = diffDesigns(base, rewired);
    expect(d.connections.filter((c) => c.id === 'web-mail').map((c) => [c.presence, c.between])).toEqual([
      ['removed', 'Web shop → Mailer'],
      ['added', 'Shop database → Mailer'],
    ]);
  });

  it('lists design-wide settings that move every figure', () => {
    const other: Design = {
      ...base,
      pricing: { provider: 'azure', region: 'eastus', commitment: 'none' },
      simulation: { ...base.simulation, seed: 7 },
    };
    const d = diffDesigns(base, other);
    expect(d.settings).toEqual(['price book aws us-east-1, none → azure eastus, none', 'seed 1 → 7']);
    expect(d.isSame).toBe(false);
    expect(d.components.every((c) => !c.isMoved && !c.isRetagged)).toBe(true);
  });

  it('a component added with a connection counts both', () => {
    const added = addComponent(base, 'service', { x: 0, y: 400 });
    const linked = connect(added.design, 'web', added.id, 'sync');
    if (!linked.ok) throw new Error(linked.reason);
    const d = diffDesigns(base, linked.design);
    expect(d.counts.added).toBe(1);
    expect(d.connections.filter((c) => c.presence === 'added')).toHaveLength(1);
  });
});
