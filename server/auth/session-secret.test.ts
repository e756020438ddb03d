import { afterEach, describe, expect, it, vi } from 'vitest';
import { openTestDatabase, openTwoInstances } from '../../db/testing';
import { sessionSecret, sessionSecretProblem } from './session-secret';

afterEach(() => vi.unstubAllEnvs());

describe('the session secret', () => {
  it('is created once in the database and read the same by every instance on it', async () => {
    vi.stubEnv('TIDEMARK_SESSION_SECRET', '');
    const [a, b] = await openTwoInstances();
    const [first, second] = await Promise.all([sessionSecret(a), sessionSecret(b)]);
    expect(first).toHaveLength(32);
    expect(second.equals(first)).toBe(true);
    // Another database has another secret.
    expect((await sessionSecret(await openTestDatabase())).equals(first)).toBe(false);
  });

  it('comes from TIDEMARK_SESSION_SECRET when set, and refuses one too short to be a secret', async () => {
    const db = await openTestDatabase();
    vi.stubEnv('TIDEMARK_SESSION_SECRET', 'x'.repeat(40));
    const configured = await sessionSecret(db);
    vi.stubEnv('TIDEMARK_SESSION_SECRET', 'y'.repeat(40));
    expect((await sessionSecret(db)).equals(configured)).toBe(false);
    vi.stubEnv('TIDEMARK_SESSION_SECRET', 'short');
    await expect(sessionSecret(db)).rejects.toThrow(/at least 32 characters \(it has 5\)/);
    expect(sessionSecretProblem('short')).toMatch(/^TIDEMARK_SESSION_SECRET must be at least 32/);
    expect(sessionSecretProblem('')).toBeNull();
    expect(sessionSecretProblem('z'.repeat(32))).toBeNull();
  });
});
