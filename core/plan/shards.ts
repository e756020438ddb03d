/**
 * Which part of a split simulation a component belongs to (plan-sharded.ts). Components are ranked by
 * a hash of their id and the ranks cut into parts of the sizes the weights below ask for: the parts
 * are as even as whole components allow, and an edit moves at most one component from one part to
 * the next (each part keeps its own runs, run-memo.ts, so a component that moves is simulated again
 * there). A new component, a removed one or a rename shifts the ranks after it by one, and at most one
 * component crosses each cut. (A hash alone, each component on its own, split the 50-component
 * editor bench design 10 and 40, the 200-component engine bench design 80 and 120.)
 */

/**
 * The first part's share of the components against 1 for each other part. The thread that simulates
 * the first part then gathers the others' answers and makes the joint choice: about 8 % of a whole
 * plan of the bench's 200-component design (bench:engine, 2026-12-03), so it simulates less.
 */
export const FIRST_PART_WEIGHT = 0.85;

/** murmur3's finaliser over the 32-bit FNV-1a of the id's UTF-16 code units. */
function hashOf(id: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) {
    h ^= id.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/**
 * The part (0 ≤ part < count) of each of `ids`: ranked by hash (ties by id), the first
 * round(n · w ÷ (w + count − 1)) in part 0 and the rest cut evenly.
 */
export function assignShards(ids: readonly string[], count: number): Map<string, number> {
  const parts = new Map<string, number>();
  if (count <= 1) {
    for (const id of ids) parts.set(id, 0);
    return parts;
  }
  const ranked = [...new Set(ids)]
    .map((id) => ({ id, h: hashOf(id) }))
    .sort((a, b) => a.h - b.h || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const n = ranked.length;
  const total = FIRST_PART_WEIGHT + count - 1;
  // The cuts: part p ends at round(n · (w + p) ÷ total), part 0 at round(n · w ÷ total).
  let part = 0;
  let end = Math.round((n * FIRST_PART_WEIGHT) / total);
  for (let r = 0; r < n; r++) {
    while (r >= end && part < count - 1) {
      part++;
      end = part === count - 1 ? n : Math.round((n * (FIRST_PART_WEIGHT + part)) / total);
    }
    parts.set((ranked[r] as { id: string }).id, part);
  }
  return parts;
}
