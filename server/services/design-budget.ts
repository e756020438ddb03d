/**
 * The storage budget of one design: the bytes of all its kept revisions. Every save appends a whole
 * document, so without a budget 15 saves of a 9.5 MB design took 142 MB. When a save takes a design
 * over its budget, its oldest revisions are pruned until it fits, never the latest and never one a
 * live share link is pinned to. If the pinned revisions alone leave no room, the save is refused
 * (BudgetError) with what to do, and nothing is written: the editor keeps the document.
 */

/** 64 MB: six revisions of the largest design the API accepts (10 MB), thousands of a typical one. */
export const DEFAULT_DESIGN_BUDGET_BYTES = 64 * 1024 * 1024;

/** TIDEMARK_DESIGN_BUDGET_MB, when it is a positive number; the default otherwise. */
export function designBudgetBytes(env: string | undefined = process.env.TIDEMARK_DESIGN_BUDGET_MB): number {
  const mb = Number(env);
  return env && Number.isFinite(mb) && mb > 0 ? Math.round(mb * 1024 * 1024) : DEFAULT_DESIGN_BUDGET_BYTES;
}

export interface KeptRevision {
  number: number;
  bytes: number;
}

export const formatMb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

/**
 * Which revisions to prune, oldest first, so that `storedBytes` fits `budget`: any but `latest` and
 * the `pinned` ones. Returns the numbers to delete and the bytes left, which exceed the budget only
 * when the latest and the pinned revisions alone do.
 */
export function planPruning(
  revisions: readonly KeptRevision[],
  storedBytes: number,
  budget: number,
  latest: number,
  pinned: ReadonlySet<number>,
): { prune: number[]; storedBytes: number } {
  const prune: number[] = [];
  let left = storedBytes;
  const oldestFirst = [...revisions].sort((a, b) => a.number - b.number);
  for (const r of oldestFirst) {
    if (left <= budget) break;
    if (r.number === latest || pinned.has(r.number)) continue;
    prune.push(r.number);
    left -= r.bytes;
  }
  return { prune, storedBytes: left };
}
