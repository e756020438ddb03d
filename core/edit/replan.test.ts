import { describe, expect, it } from 'vitest';
import type { Design } from '../model/design';
import { validateDesign } from '../model/validate';
import { makeDesign } from '../testing/design-fixture';
import { changesPlan, describeProblems } from './replan';

function design(): Design {
  const checked = validateDesign(
    makeDesign(
      [{ id: 'api', name: 'API', kind: 'service', demand: { cpuMs: 10 }, workload: { pattern: 'static', baseRps: 5 } }],
      {
        layout: { api: { x: 0, y: 0 } },
      },
    ),
  );
  if (!checked.ok) throw new Error('fixture invalid');
  return checked.value;
}

describe('changesPlan', () => {
  const d = design();

  it('ignores the same document and layout-only edits', () => {
    expect(changesPlan(d, d)).toBe(false);
    expect(changesPlan(d, { ...d, layout: { api: { x: 40, y: 80 } } })).toBe(false);
  });

  it('sees edits to components, connections, settings and names', () => {
    expect(changesPlan(d, { ...d, components: [...d.components] })).toBe(true);
    expect(changesPlan(d, { ...d, connections: [] })).toBe(true);
    expect(changesPlan(d, { ...d, simulation: { ...d.simulation, seed: 2 } })).toBe(true);
    expect(changesPlan(d, { ...d, name: 'Renamed' })).toBe(true);
    expect(changesPlan(d, { ...d, description: 'added' })).toBe(true);
  });
});

describe('describeProblems', () => {
  it('counts the problems and lists each with its path', () => {
    const text = describeProblems([
      { path: 'components[0].name', message: 'must not be empty' },
      { path: '', message: 'bad' },
    ]);
    expect(text.split('\n')).toEqual([
      'The design has 2 problems; the results shown are from before.',
      'components[0].name: must not be empty',
      '(document): bad',
    ]);
  });

  it('lists at most `max` and counts the rest', () => {
    const problems = Array.from({ length: 5 }, (_, i) => ({ path: `components[${i}].kind`, message: 'unknown kind' }));
    const lines = describeProblems(problems, 2).split('\n');
    expect(lines).toHaveLength(4);
    expect(lines[0]).toMatch(/^The design has 5 problems;/);
    expect(lines[3]).toBe('…and 3 more');
  });
});
