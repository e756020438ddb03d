/**
 * The address of a comparison in the editor: `/compare?a=<design>&ar=<revision>&b=<design>&br=<revision>`
 * (a revision left out: the latest). Design ids are not secrets (they are the editor's own addresses),
 * and the page behind it is an editor page: signed in, it reads both designs through the editor's
 * procedures. Every parameter is checked before anything is read; a wrong one says which and why.
 */
export interface ScenarioRef {
  designId: string;
  /** Absent: the latest revision. */
  revision?: number;
}

const DESIGN_ID = /^[a-z0-9]{1,64}$/;
const REVISION = /^[1-9][0-9]{0,9}$/;
const MAX_REVISION = 1_000_000_000;

export function compareHref(a: ScenarioRef, b: ScenarioRef): string {
  const q = new URLSearchParams({ a: a.designId });
  if (a.revision !== undefined) q.set('ar', String(a.revision));
  q.set('b', b.designId);
  if (b.revision !== undefined) q.set('br', String(b.revision));
  return `/compare?${q.toString()}`;
}

type Params = Record<string, string | string[] | undefined>;

/** The two scenarios an address asks for, or what is wrong with it, in words. */
export function parseCompareParams(
  params: Params,
): { ok: true; a: ScenarioRef; b: ScenarioRef } | { ok: false; problems: string[] } {
  const problems: string[] = [];
  /** null: given more than once (said already). */
  const one = (key: string): string | undefined | null => {
    const v = params[key];
    if (!Array.isArray(v)) return v;
    problems.push(`${key}: given more than once`);
    return null;
  };
  const side = (id: string, rev: string): ScenarioRef | null => {
    const designId = one(id);
    const revision = one(rev);
    if (designId === null || revision === null) return null;
    if (designId === undefined || !DESIGN_ID.test(designId)) {
      problems.push(`${id}: ${designId === undefined ? 'missing' : 'not a design id'}`);
      return null;
    }
    if (revision === undefined || revision === '') return { designId };
    if (!REVISION.test(revision) || Number(revision) > MAX_REVISION) {
      problems.push(`${rev}: not a revision number`);
      return null;
    }
    return { designId, revision: Number(revision) };
  };
  const a = side('a', 'ar');
  const b = side('b', 'br');
  return a && b && problems.length === 0 ? { ok: true, a, b } : { ok: false, problems };
}
