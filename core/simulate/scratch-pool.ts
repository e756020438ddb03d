/**
 * Reuse of the statistics' scratch arrays. Every option of every component needs a few tens of
 * kilobytes of accumulators for the length of one simulation; allocating them afresh thousands of
 * times per plan keeps the garbage collector busy (over a second on a 2,000-component design). A
 * finished OptionStats hands its arrays back here; the next one takes them zeroed, so results never
 * depend on what ran before.
 */

const MAX_POOLED = 64;
const float64 = new Map<number, Float64Array[]>();
const uint32 = new Map<number, Uint32Array[]>();

export function takeFloat64(length: number): Float64Array {
  const a = float64.get(length)?.pop();
  return a ? a.fill(0) : new Float64Array(length);
}

export function takeUint32(length: number): Uint32Array {
  const a = uint32.get(length)?.pop();
  return a ? a.fill(0) : new Uint32Array(length);
}

export function giveBack(a: Float64Array | Uint32Array): void {
  if (a.length === 0) return;
  if (a instanceof Float64Array) keep(float64, a);
  else keep(uint32, a);
}

function keep<T extends Float64Array | Uint32Array>(pool: Map<number, T[]>, a: T): void {
  const list = pool.get(a.length) ?? [];
  if (list.length < MAX_POOLED) list.push(a);
  pool.set(a.length, list);
}
