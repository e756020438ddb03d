/**
 * Password mode through the router: without a session every procedure is refused except the few
 * public ones (opening a share link by its token), so a share token alone can change nothing.
 */
import { TRPCError } from '@trpc/server';
import { describe, expect, it } from 'vitest';
import { appRouter } from '../root';
import type { Db } from '../../db/client';
import { openTestDatabase } from '../../db/testing';
import { createTestCaller, sessionCookieFor, unrecordedSessionCookie } from '../testing';
import { SIGN_IN_REQUIRED } from '../trpc';

const PASSWORD = 'correct horse battery staple';
const procedures = Object.entries(appRouter._def.procedures as unknown as Record<string, { _def: { type: string } }>);
const designsProcedures = procedures.filter(([path]) => path.startsWith('designs.'));
/**
 * The only procedures a visitor without a session may call; each takes a share token, not an id
 * (plans.get's other forms, by job or by design, are an editor's: tested below).
 */
const PUBLIC = new Set(['shares.open', 'plans.get']);
const guarded = procedures.filter(([path]) => !PUBLIC.has(path));

type Call = (input?: unknown) => Promise<unknown>;
function procedureOf(caller: unknown, path: string): Call {
  return path.split('.').reduce<unknown>((at, part) => (at as Record<string, unknown>)[part], caller) as Call;
}

async function codeOf(p: Promise<unknown>): Promise<string> {
  try {
    await p;
    return 'OK';
  } catch (e) {
    if (e instanceof TRPCError) return e.code;
    throw e;
  }
}

describe('password mode', () => {
  it('covers every designs procedure', () => {
    expect(designsProcedures.map(([path]) => path).sort()).toEqual(
      ['create', 'delete', 'duplicate', 'get', 'list', 'rename', 'restore', 'revisions', 'save'].map(
        (n) => `designs.${n}`,
      ),
    );
  });

  it.each(designsProcedures.map(([path]) => path))('%s without a session is UNAUTHORIZED', async (path) => {
    const { caller } = await createTestCaller({ password: PASSWORD });
    const error = await procedureOf(
      caller,
      path,
    )({ id: 'abc', revision: 1, name: 'x', from: 'blank' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TRPCError);
    expect(error).toMatchObject({ code: 'UNAUTHORIZED', message: SIGN_IN_REQUIRED });
  });

  it.each(guarded.map(([path]) => path))('%s is refused without a session', async (path) => {
    const { caller } = await createTestCaller({ password: PASSWORD });
    expect(await codeOf(procedureOf(caller, path)({}))).toBe('UNAUTHORIZED');
  });

  it('refuses expired, forged, other-password and unrecorded sessions', async () => {
    const db = await openTestDatabase();
    for (const cookie of [
      await sessionCookieFor(db, PASSWORD, Date.now() - 8 * 24 * 3600 * 1000),
      await sessionCookieFor(db, 'another password'),
      unrecordedSessionCookie(PASSWORD),
      `tidemark_session=${'A'.repeat(22)}.9999999999999.${'A'.repeat(43)}`,
    ]) {
      const { caller } = await createTestCaller({ db, password: PASSWORD, cookie });
      expect(await codeOf(caller.designs.list())).toBe('UNAUTHORIZED');
    }
  });

  it('with a valid session, the editor works', async () => {
    const db = await openTestDatabase();
    const { caller } = await createTestCaller({ db, password: PASSWORD, cookie: await sessionCookieFor(db, PASSWORD) });
    const created = await caller.designs.create({ from: 'blank', name: 'Signed in' });
    await caller.designs.rename({ id: created.id, name: 'Renamed' });
    expect((await caller.designs.list()).map((d) => d.name)).toEqual(['Renamed']);
    // A caller without a session on the same database deletes nothing.
    expect(await codeOf(createTestCallerOn(db).designs.delete({ id: created.id }))).toBe('UNAUTHORIZED');
    expect(await caller.designs.list()).toHaveLength(1);
  });

  it('a share token alone opens its design and nothing else', async () => {
    const db = await openTestDatabase();
    const { caller: editor } = await createTestCaller({
      db,
      password: PASSWORD,
      cookie: await sessionCookieFor(db, PASSWORD),
    });
    const design = await editor.designs.create({ from: 'blank', name: 'Shared' });
    const { token } = await editor.shares.create({ designId: design.id });
    const viewer = createTestCallerOn(db);
    expect((await viewer.shares.open({ token })).document.name).toBe('Shared');
    const hostile = { id: design.id, designId: design.id, token, revision: 1, name: 'Hijacked', from: 'blank' };
    for (const [path] of guarded) expect(await codeOf(procedureOf(viewer, path)(hostile)), path).toBe('UNAUTHORIZED');
    // The token reads the link's stored plan (queued: this caller has no queue), and plans.get's
    // editor forms stay closed to it.
    expect(await viewer.plans.get({ token })).toMatchObject({ status: 'queued', revision: 1, plan: null });
    const [job] = await db.orm.select({ id: db.tables.plans.id }).from(db.tables.plans);
    expect(await codeOf(viewer.plans.get({ id: job!.id }))).toBe('UNAUTHORIZED');
    expect(await codeOf(viewer.plans.get({ designId: design.id, revision: 1 }))).toBe('UNAUTHORIZED');
    expect((await editor.designs.get({ id: design.id })).document.name).toBe('Shared');
    expect(await editor.designs.list()).toHaveLength(1);
  });

  it('without a password, anyone may edit', async () => {
    const { caller } = await createTestCaller();
    expect(await codeOf(caller.designs.list())).toBe('OK');
  });
});

/** A caller without a session, in password mode, on an existing database. */
function createTestCallerOn(db: Db) {
  return appRouter.createCaller({ db, access: { isPasswordMode: true, isSignedIn: false } });
}
