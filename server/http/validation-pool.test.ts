import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Piscina } from 'piscina';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildWorkers } from '../../scripts/build-workers.mjs';
import { bigDesign } from '../testing';
import { prepareBody } from './prepare-body';
import { createValidationPool, PoolBusyError, POOL_THRESHOLD_BYTES, prepareBodyOffThread } from './validation-pool';

const encode = (value: unknown) => new TextEncoder().encode(JSON.stringify(value));
let pool: Piscina;

beforeAll(() => {
  // The worker as `npm start` builds it, into a folder of its own.
  const built = buildWorkers(mkdtempSync(path.join(tmpdir(), 'tidemark-workers-')));
  pool = createValidationPool(built['prepare-body'], { threads: 1, maxQueue: 2 });
});
afterAll(() => pool.destroy());

describe('the validation pool', () => {
  it('prepares a large document in a worker exactly as inline, and transfers the bytes', async () => {
    const body = encode({ id: 'abc', baseRevision: 3, document: bigDesign(1_000_000) });
    expect(body.byteLength).toBeGreaterThan(POOL_THRESHOLD_BYTES);
    const inline = prepareBody(body.slice());
    const offThread = await prepareBodyOffThread(body, pool);
    expect(offThread).toEqual(inline);
    expect(offThread).toMatchObject({ ok: true, input: { id: 'abc', baseRevision: 3 } });
    expect(body.byteLength).toBe(0); // transferred to the worker, not copied
    expect(pool.completed).toBeGreaterThan(0);
  });

  it('reports a refused document’s problems with their paths, and a body too deep to read', async () => {
    const bad = encode({
      from: 'import',
      document: { ...bigDesign(400_000), connections: [{ id: 'c', from: 'c0', to: 'nope' }] },
    });
    const refused = await prepareBodyOffThread(bad, pool);
    expect(refused).toMatchObject({ ok: true, document: { problems: [{ path: 'connections[0].to' }] } });
    const deep = new TextEncoder().encode(`{"document":${'['.repeat(300_000)}${']'.repeat(300_000)}}`);
    const refusal = await prepareBodyOffThread(deep, pool);
    expect(refusal.ok).toBe(false);
    expect(refusal.ok ? '' : refusal.message).toMatch(/^The request body is nested deeper than 64 levels/);
  });

  it('places a body that is not JSON at its line and column', () => {
    const body = new TextEncoder().encode('{"from":"import",\n "document":{"format":"tidemark.design",}}');
    expect(prepareBody(body)).toEqual({
      ok: false,
      message:
        'The request body is not valid JSON: line 2, column 40: a comma before "}": JSON allows no comma after the last property',
    });
  });

  it('tells callers past its queue that the server is busy, and still finishes the others', async () => {
    const bodies = Array.from({ length: 6 }, () => encode({ from: 'import', document: bigDesign(600_000) }));
    const results = await Promise.allSettled(bodies.map((b) => prepareBodyOffThread(b, pool)));
    const busy = results.filter((r) => r.status === 'rejected');
    expect(busy.length).toBeGreaterThan(0);
    for (const r of busy) expect(r.reason).toBeInstanceOf(PoolBusyError);
    expect(results.filter((r) => r.status === 'fulfilled').length).toBeGreaterThanOrEqual(3);
  });
});
