import { TRPCError } from '@trpc/server';
import { sql } from 'drizzle-orm';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createTestCaller } from '../testing';
import { blankDesign } from './designs';

/** The tRPC error a refused call ends in (a call that succeeds fails the test). */
const rejection = (p: Promise<unknown>): Promise<TRPCError> =>
  p.then(
    () => {
      throw new Error('expected the call to be refused');
    },
    (e: unknown) => {
      if (e instanceof TRPCError) return e;
      throw e;
    },
  );

async function setup() {
  const { db, caller } = await createTestCaller();
  const mine = await caller.designs.create({ from: 'import', document: blankDesign('Mine') });
  const other = await caller.designs.create({ from: 'import', document: blankDesign('Secret other') });
  return { db, caller, mine, other };
}

afterEach(() => vi.useRealTimers());

describe('shares router', () => {
  it('creates pinned and following links, lists them with their last view, and opens them', async () => {
    const { caller, mine } = await setup();
    await caller.designs.rename({ id: mine.id, name: 'Mine, renamed' });
    const pinned = await caller.shares.create({ designId: mine.id, revision: 1 });
    const latest = await caller.shares.create({ designId: mine.id });
    expect(pinned.link).toMatchObject({ revision: 1, expiresAt: null, revokedAt: null, lastViewedAt: null });
    expect(latest.link.revision).toBeNull();

    expect(await caller.shares.open({ token: pinned.token })).toMatchObject({
      name: 'Mine',
      revision: 1,
      following: 'pinned',
    });
    const opened = await caller.shares.open({ token: latest.token });
    expect(opened).toMatchObject({ name: 'Mine, renamed', revision: 2, following: 'latest' });
    expect(Object.keys(opened).sort()).toEqual(['document', 'following', 'name', 'revision']); // no design id

    const listed = await caller.shares.list({ designId: mine.id });
    expect(listed).toHaveLength(2);
    expect(listed.every((l) => typeof l.lastViewedAt === 'number')).toBe(true);
    expect(JSON.stringify(listed)).not.toContain(pinned.token); // tokens are shown once, at creation
  });

  it('gives random, malformed, revoked and expired tokens the identical NOT_FOUND', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-01-01T00:00:00Z'));
    const { caller, mine } = await setup();
    const revoked = await caller.shares.create({ designId: mine.id });
    const expiring = await caller.shares.create({ designId: mine.id, expiresInHours: 1 });
    expect((await caller.shares.open({ token: expiring.token })).name).toBe('Mine');
    await caller.shares.revoke({ designId: mine.id, id: revoked.link.id });
    vi.setSystemTime(new Date('2026-01-01T01:00:01Z'));

    const random = Buffer.alloc(32, 7).toString('base64url');
    const errors = await Promise.all(
      [random, revoked.token, expiring.token, 'short', ''].map((token) => rejection(caller.shares.open({ token }))),
    );
    for (const e of errors)
      expect({ code: e.code, message: e.message }).toEqual({ code: 'NOT_FOUND', message: 'share link not found' });
    const listed = await caller.shares.list({ designId: mine.id });
    expect(listed.find((l) => l.id === revoked.link.id)?.revokedAt).toBe(Date.parse('2026-01-01T00:00:00Z'));
  });

  it('stores only hashes: the database never contains a raw token', async () => {
    const { db, caller, mine } = await setup();
    const tokens = [
      (await caller.shares.create({ designId: mine.id })).token,
      (await caller.shares.create({ designId: mine.id, revision: 1 })).token,
    ];
    await caller.shares.open({ token: tokens[0]! });
    const rows = await db.execute(sql`select * from share_links`);
    const file = JSON.stringify(rows) + JSON.stringify(await db.execute(sql`select * from revisions`));
    for (const token of tokens) expect(file).not.toContain(token);
  });

  it('a token cannot name another design: open takes no design id, and shows only its own document', async () => {
    const { caller, mine, other } = await setup();
    const { token } = await caller.shares.create({ designId: mine.id });
    // There is no parameter to point the token elsewhere: extra keys are refused before anything runs.
    for (const extra of [{ id: other.id }, { designId: other.id }, { revision: 1, designId: other.id }]) {
      const e = await rejection(caller.shares.open({ token, ...extra }));
      expect(e.code).toBe('BAD_REQUEST');
    }
    const opened = await caller.shares.open({ token });
    expect(opened.name).toBe('Mine');
    expect(JSON.stringify(opened)).not.toContain(other.id);
    expect(JSON.stringify(opened)).not.toContain('Secret other');
  });

  it('a share token opens no mutation: every design mutation needs a design id, not a token', async () => {
    const { caller, mine } = await setup();
    const { token, link } = await caller.shares.create({ designId: mine.id });
    const document = blankDesign('Hijacked');
    const attempts: Promise<unknown>[] = [
      caller.designs.save({ token, baseRevision: 1, document } as never),
      caller.designs.rename({ token, name: 'Hijacked' } as never),
      caller.designs.delete({ token } as never),
      caller.designs.duplicate({ token } as never),
      caller.designs.restore({ token, revision: 1 } as never),
      caller.designs.save({ id: token, baseRevision: 1, document }),
      caller.designs.delete({ id: token }),
      caller.shares.revoke({ designId: token, id: link.id }),
      caller.shares.create({ designId: token }),
    ];
    for (const attempt of attempts) expect((await rejection(attempt)).code).toBe('BAD_REQUEST');
    expect((await caller.designs.get({ id: mine.id })).latestRevision).toBe(1);
    expect(await caller.designs.list()).toHaveLength(2);
  });

  it("revokes only the named design's link, and refuses unknown designs and revisions", async () => {
    const { caller, mine, other } = await setup();
    const { link, token } = await caller.shares.create({ designId: mine.id });
    expect((await rejection(caller.shares.revoke({ designId: other.id, id: link.id }))).code).toBe('NOT_FOUND');
    expect((await caller.shares.open({ token })).name).toBe('Mine');
    expect((await rejection(caller.shares.create({ designId: mine.id, revision: 5 }))).code).toBe('NOT_FOUND');
    expect((await rejection(caller.shares.create({ designId: 'nosuchdesign' }))).code).toBe('NOT_FOUND');
    expect((await rejection(caller.shares.create({ designId: mine.id, expiresInHours: 0 }))).code).toBe('BAD_REQUEST');
    await caller.designs.delete({ id: mine.id });
    expect((await rejection(caller.shares.open({ token }))).code).toBe('NOT_FOUND');
  });
});
