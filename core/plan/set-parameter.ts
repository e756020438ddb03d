/**
 * One number of a design read and changed by its JSON path (`components[2].workload.peakRps`,
 * `environments.vm.hourlyPrice`), the way a tipping point names it. Changing copies only the objects
 * along the path, so the rest of the design is shared with the original (the engine never mutates a
 * design). Paths are the plan's own: dotted names and `[n]` indices.
 */
import type { Design } from '../model/design';

/** `components[2].workload.peakRps` → `['components', 2, 'workload', 'peakRps']`. */
export function parsePath(path: string): (string | number)[] {
  const keys: (string | number)[] = [];
  for (const part of path.split('.')) {
    const m = /^([A-Za-z_$][\w$]*)((?:\[\d+\])*)$/.exec(part);
    if (!m) throw new Error(`not a parameter path: ${path}`);
    keys.push(m[1] as string);
    for (const index of (m[2] ?? '').matchAll(/\[(\d+)\]/g)) keys.push(Number(index[1]));
  }
  return keys;
}

/** The number at `path`, or undefined when the design does not set it. */
export function readParameter(design: Design, path: string): number | undefined {
  let at: unknown = design;
  for (const key of parsePath(path)) {
    if (typeof at !== 'object' || at === null) return undefined;
    at = (at as Record<string | number, unknown>)[key];
  }
  return typeof at === 'number' ? at : undefined;
}

/** The design with `value` at `path`; objects missing on the way are created. */
export function setParameter(design: Design, path: string, value: number): Design {
  const keys = parsePath(path);
  const write = (at: unknown, depth: number): unknown => {
    const key = keys[depth] as string | number;
    if (depth === keys.length - 1) return assign(at, key, value);
    const inner = typeof at === 'object' && at !== null ? (at as Record<string | number, unknown>)[key] : undefined;
    return assign(at, key, write(inner, depth + 1));
  };
  return write(design, 0) as Design;
}

function assign(at: unknown, key: string | number, value: unknown): unknown {
  if (Array.isArray(at)) {
    const copy = [...(at as unknown[])];
    copy[key as number] = value;
    return copy;
  }
  return { ...(typeof at === 'object' && at !== null ? at : {}), [key]: value };
}
