/**
 * Which part of a split simulation a component belongs to (plan-sharded.ts). By a hash of its id, so
 * that a component stays in the same part from one edit to the next: each part keeps its own runs
 * (run-memo.ts), and an edit elsewhere, a new component or a rename of another moves nothing.
 */

/**
 * The first part's share of the hash range against 1 for each other part. The thread that simulates
 * the first part then gathers the others' answers and makes the joint choice: about 8 % of a whole
 * plan of the bench's 200-component design (bench:engine, 2026-12-03), so it simulates less.
 */
export const FIRST_PART_WEIGHT = 0.85;

/** The part (0 ≤ part < count) of the component `id`, from the 32-bit FNV-1a of its UTF-16 code units. */
export function shardOf(id: string, count: number): number {
  if (count <= 1) return 0;
  let h = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) {
    h ^= id.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  const x = ((h >>> 0) / 2 ** 32) * (FIRST_PART_WEIGHT + count - 1);
  return x < FIRST_PART_WEIGHT ? 0 : Math.min(count - 1, 1 + Math.floor(x - FIRST_PART_WEIGHT));
}
