import { describe, expect, it } from 'vitest';
import { appRouter } from '../root';
import { createTestCaller } from '../testing';
import { blankDesign } from './designs';
import { designSummarySchema, sharedDesignSchema } from './outputs';

describe('declared outputs', () => {
  it('every procedure declares what it returns', () => {
    // At run time the router's procedures are one flat record: "designs.list", "shares.open", …
    // (its type describes the nested router instead, hence the cast).
    type Procedure = { _def: { output?: unknown } };
    const procedures = Object.entries(appRouter._def.procedures as unknown as Record<string, Procedure>);
    expect(procedures.length).toBeGreaterThanOrEqual(13);
    expect(procedures.filter(([, p]) => p._def.output === undefined).map(([name]) => name)).toEqual([]);
  });

  it('shares.open answers the document and its caption, nothing that names the design or the link', async () => {
    const { caller } = await createTestCaller();
    const design = await caller.designs.create({ from: 'import', document: blankDesign('Shared') });
    const { token, link } = await caller.shares.create({ designId: design.id });
    const opened = await caller.shares.open({ token });
    expect(Object.keys(opened).sort()).toEqual(['document', 'following', 'name', 'revision']);
    const text = JSON.stringify(opened);
    for (const secret of [design.id, link.id, token]) expect(text).not.toContain(secret);
  });

  it('strips what a service returns beyond the declared fields', () => {
    const document = blankDesign('x');
    const leaky = { name: 'x', revision: 1, following: 'latest', document, designId: 'abc', tokenHash: 'f00' };
    expect(sharedDesignSchema.parse(leaky)).toEqual({ name: 'x', revision: 1, following: 'latest', document });
    const summary = { id: 'a', name: 'n', componentCount: 1, latestRevision: 1, createdAt: 0, updatedAt: 0 };
    expect(designSummarySchema.parse({ ...summary, internalNote: 'no' })).toEqual(summary);
  });
});
