/**
 * The plan worker's made-up edits (rehearsal.ts, components/editor/plan-worker.ts): one leaf's CPU
 * time and nothing else. (That rounds of them through the author's memo leave it planning as from
 * nothing: run-memo.test.ts.)
 */
import { describe, expect, it } from 'vitest';
import { EXAMPLE_DESIGNS } from '../examples/index';
import type { Design } from '../model/design';
import { validateDesign } from '../model/validate';
import { rehearsalEdit } from './rehearsal';

const leavesOf = (design: Design) => {
  const callers = new Set(design.connections.map((c) => c.from));
  return design.components.filter((c) => !callers.has(c.id)).map((c) => c.id);
};

describe('a made-up edit (rehearsalEdit)', () => {
  const checked = validateDesign(EXAMPLE_DESIGNS.find((e) => e.key === 'hybrid-backend')?.design);
  if (!checked.ok) throw new Error('the example is invalid');
  const design = checked.value;

  it('changes one leaf’s CPU time and nothing else, a different leaf each round until they are all used', () => {
    const leaves = leavesOf(design);
    expect(leaves.length).toBeGreaterThan(1);
    const changed = leaves.map((_, round) => {
      const edited = rehearsalEdit(design, round);
      if (!edited) throw new Error('no edit');
      const diff = edited.components.filter((c, i) => c !== design.components[i]);
      expect(diff).toHaveLength(1);
      const after = diff[0] as Design['components'][number];
      const before = design.components.find((c) => c.id === after.id) as Design['components'][number];
      expect(after).toEqual({ ...before, demand: { ...before.demand, cpuMs: before.demand.cpuMs * (1 + 1 / 64) } });
      expect({ ...edited, components: design.components }).toEqual(design);
      return after.id;
    });
    expect(new Set(changed)).toEqual(new Set(leaves));
    expect(rehearsalEdit(design, leaves.length)?.components).toEqual(rehearsalEdit(design, 0)?.components);
  });

  it('takes any component in a design where every one calls another, and none in an empty design', () => {
    const [a, b] = design.components as [Design['components'][number], Design['components'][number]];
    const cycle: Design = {
      ...design,
      components: [a, b],
      connections: [
        { id: 'ab', from: a.id, to: b.id, mode: 'async', callsPerRequest: 1, payloadKb: 1 },
        { id: 'ba', from: b.id, to: a.id, mode: 'async', callsPerRequest: 1, payloadKb: 1 },
      ],
    };
    expect(rehearsalEdit(cycle, 1)?.components[1]?.demand.cpuMs).toBe(b.demand.cpuMs * (1 + 1 / 64));
    expect(rehearsalEdit({ ...design, components: [], connections: [] }, 0)).toBeNull();
  });
});
