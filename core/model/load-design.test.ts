import { describe, expect, it } from 'vitest';
import { hybridBackend } from '../examples/hybrid-backend';
import { buildPlan } from '../plan/build-plan';
import { designSchema } from './design';
import {
  DESIGN_MIGRATIONS,
  importedDesignSchema,
  loadDesign,
  loadPlan,
  migrateDesign,
  readDesignFile,
} from './load-design';
import { migrateDocument, type Migration } from './migrate-document';
import { problemsOf } from './validate';

/** An asymmetric matcher typed as what it stands for (vitest types them `any`). */
const containing = (text: string): unknown => expect.stringContaining(text);

/**
 * A synthetic version 0, registered only here, to exercise the mechanism: v0 named the document
 * `title`, called components `nodes`, and gave each connection a `source`/`target`.
 */
const V0_TO_V1: Migration = {
  from: 0,
  to: 1,
  note: 'title → name; nodes → components; edges[].source/target → connections[].from/to',
  migrate: ({ title, nodes, edges, ...rest }) => ({
    ...rest,
    name: title,
    components: nodes,
    connections: (edges as { id: string; source: string; target: string }[]).map(({ source, target, ...e }) => ({
      ...e,
      from: source,
      to: target,
    })),
  }),
};

const v0 = {
  format: 'tidemark.design',
  version: 0,
  title: 'Old shop',
  nodes: [
    { id: 'web', name: 'Web', kind: 'ui', demand: { cpuMs: 10 }, workload: { pattern: 'static', baseRps: 5 } },
    { id: 'db', name: 'DB', kind: 'database', demand: { cpuMs: 5 } },
  ],
  edges: [{ id: 'c1', source: 'web', target: 'db', mode: 'sync' }],
};

describe('loadDesign', () => {
  it('passes a current-version design through unchanged (defaults filled in)', () => {
    const loaded = loadDesign(hybridBackend);
    expect(loaded).toEqual({ ok: true, value: designSchema.parse(hybridBackend) });
    expect(DESIGN_MIGRATIONS.every((m) => m.to === m.from + 1)).toBe(true);
  });

  it('brings an earlier version to the current one through the registered steps, without touching the input', () => {
    const before = JSON.stringify(v0);
    const loaded = loadDesign(v0, [V0_TO_V1]);
    expect(JSON.stringify(v0)).toBe(before);
    if (!loaded.ok) throw new Error(JSON.stringify(loaded.problems));
    expect(loaded.value.version).toBe(1);
    expect(loaded.value.name).toBe('Old shop');
    expect(loaded.value.connections[0]).toMatchObject({ from: 'web', to: 'db' });
  });

  it('runs several steps in order', () => {
    const kind = {
      format: 'x',
      currentVersion: 3,
      migrations: [
        {
          from: 2,
          to: 3,
          note: '',
          migrate: (d: Record<string, unknown>) => ({ ...d, trail: `${String(d.trail)}>3` }),
        },
        {
          from: 1,
          to: 2,
          note: '',
          migrate: (d: Record<string, unknown>) => ({ ...d, trail: `${String(d.trail)}>2` }),
        },
      ],
    };
    expect(migrateDocument({ version: 1, trail: '1' }, kind)).toEqual({
      ok: true,
      value: { version: 3, trail: '1>2>3' },
    });
  });

  it('refuses a future version with a message naming it', () => {
    const loaded = loadDesign({ ...hybridBackend, version: 7 });
    expect(loaded.ok).toBe(false);
    if (loaded.ok) return;
    expect(loaded.problems).toHaveLength(1);
    expect(loaded.problems[0]?.path).toBe('version');
    expect(loaded.problems[0]?.message).toContain('version 7 is newer');
  });

  it('refuses a version no migration starts from, naming the known ones', () => {
    const loaded = loadDesign(v0);
    expect(loaded.ok || loaded.problems[0]).toMatchObject({
      path: 'version',
      message: containing('unknown tidemark.design version 0'),
    });
    expect(loadDesign({ ...v0, version: -3 }, [V0_TO_V1]).ok).toBe(false);
    const quoted = loadDesign({ ...v0, version: '1' });
    expect(quoted.ok || quoted.problems[0]).toEqual({
      path: 'version',
      message: 'must be a whole number, not "1" (a string: write it without quotes)',
    });
  });

  it('refuses what is not an object, another format or a missing version, each with a path', () => {
    for (const bad of [null, [], 'design', 42]) {
      expect(loadDesign(bad)).toMatchObject({
        ok: false,
        problems: [{ path: '', message: containing('must be a JSON object') }],
      });
    }
    expect(loadDesign({ ...hybridBackend, format: 'tidemark.plan' })).toMatchObject({
      ok: false,
      problems: [{ path: 'format' }],
    });
    const { version: _omit, ...noVersion } = hybridBackend;
    expect(loadDesign(noVersion)).toEqual({
      ok: false,
      problems: [{ path: 'version', message: 'required (a whole number; the current tidemark.design version is 1)' }],
    });
  });

  it('reports a version or format written wrong beside every other problem of the document', () => {
    const broken = {
      ...hybridBackend,
      version: '1',
      components: hybridBackend.components.map((c, i) => (i === 0 ? { ...c, demand: { cpuMs: -5 } } : c)),
    };
    expect(loadDesign(broken)).toEqual({
      ok: false,
      problems: [
        { path: 'version', message: 'must be a whole number, not "1" (a string: write it without quotes)' },
        { path: 'components[0].demand.cpuMs', message: 'must be greater than 0' },
      ],
    });
    const { version: _v, ...noVersion } = broken;
    expect(loadDesign({ ...noVersion, format: 'tidemark-design' })).toEqual({
      ok: false,
      problems: [
        { path: 'format', message: 'must be "tidemark.design", not "tidemark-design"' },
        { path: 'version', message: 'required (a whole number; the current tidemark.design version is 1)' },
        { path: 'components[0].demand.cpuMs', message: 'must be greater than 0' },
      ],
    });
  });

  it('reports a format left out beside a version written wrong', () => {
    const { format: _format, ...noFormat } = hybridBackend;
    expect(loadDesign({ ...noFormat, version: '1' })).toEqual({
      ok: false,
      problems: [
        { path: 'version', message: 'must be a whole number, not "1" (a string: write it without quotes)' },
        { path: 'format', message: 'required, must be "tidemark.design"' },
      ],
    });
  });

  it('reads no further into a plan, a future version or one it cannot migrate', () => {
    const broken = { ...hybridBackend, name: '' };
    for (const [envelope, path] of [
      [{ format: 'tidemark.plan' }, 'format'],
      [{ version: 3 }, 'version'],
      [{ version: 0 }, 'version'],
    ] as const) {
      const loaded = loadDesign({ ...broken, ...envelope });
      expect(loaded.ok || loaded.problems.map((p) => p.path)).toEqual([path]);
    }
  });

  it('still reports schema problems with their paths after migration', () => {
    const loaded = loadDesign({ ...hybridBackend, connections: [{ id: 'c1', from: 'erp', to: 'ordrs' }] });
    expect(loaded.ok).toBe(false);
    if (!loaded.ok) expect(loaded.problems.map((p) => p.path)).toContain('connections[0].to');
  });

  it('migrateDesign leaves a current document as it is (what the browser sends the server)', () => {
    expect(migrateDesign(hybridBackend)).toEqual({ ok: true, value: hybridBackend });
  });
});

describe('readDesignFile (the designs list’s import)', () => {
  it('places a syntax error of the file at its line and column', () => {
    const text = JSON.stringify(hybridBackend, null, 2).replace('"version": 1,', '"version": 1');
    const read = readDesignFile(text);
    expect(read).toMatchObject({
      ok: false,
      problems: [
        {
          path: 'line 4, column 3',
          message:
            'not valid JSON: expected "," or "}" after the value of "version", found a string (is a comma missing?)',
          line: 4,
          column: 3,
        },
      ],
    });
  });

  it('lists every problem of the file together, and hands on the migrated document', () => {
    const read = readDesignFile(JSON.stringify({ ...hybridBackend, version: '1', name: '' }));
    expect(read.ok || read.problems.map((p) => p.path)).toEqual(['version', 'name']);
    expect(readDesignFile(JSON.stringify(hybridBackend))).toEqual({ ok: true, value: hybridBackend });
  });
});

describe('importedDesignSchema (the server import input)', () => {
  it('accepts a current design and refuses a future version with the loader message and path', () => {
    expect(importedDesignSchema.safeParse(hybridBackend).success).toBe(true);
    const future = importedDesignSchema.safeParse({ ...hybridBackend, version: 2 });
    expect(future.success).toBe(false);
    if (!future.success)
      expect(problemsOf(future.error)).toEqual([{ path: 'version', message: containing('version 2 is newer') }]);
    const strict = importedDesignSchema.safeParse({ ...hybridBackend, colour: 'red' });
    if (strict.success) throw new Error('unknown field accepted');
    expect(problemsOf(strict.error)).toContainEqual({ path: 'colour', message: 'unknown field' });
  });
});

describe('loadPlan', () => {
  const { plan } = buildPlan(designSchema.parse(hybridBackend));

  it('passes a current plan through and refuses a future one', () => {
    expect(loadPlan(JSON.parse(JSON.stringify(plan)))).toEqual({ ok: true, value: plan });
    expect(loadPlan({ ...plan, version: 9 })).toMatchObject({
      ok: false,
      problems: [
        {
          path: 'version',
          message: containing('version 9 is newer than this Tidemark reads (it reads tidemark.plan up to version 1)'),
        },
      ],
    });
    expect(loadPlan({ ...plan, format: 'tidemark.design' })).toMatchObject({
      ok: false,
      problems: [{ path: 'format' }],
    });
  });
});
