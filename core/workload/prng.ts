/**
 * A small seeded pseudo-random generator (mulberry32) so that every generated workload is
 * reproducible from the design's seed alone, in Node and in a browser worker alike.
 */

/** Returns a function yielding uniform numbers in [0, 1), fully determined by `seed`. */
export function createPrng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** FNV-1a over a string: mixes a component id into the seed so components draw independent streams. */
export function hashString(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** The seed for one component's stream: stable when other components are added or reordered. */
export function deriveSeed(seed: number, key: string): number {
  return (hashString(key) ^ Math.imul(seed | 0, 0x9e3779b1)) >>> 0;
}
