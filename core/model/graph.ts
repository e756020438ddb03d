/**
 * Graph helpers over component ids and connections, shared by validation (cycle check) and the
 * engine (demand propagation in topological order). Iterative, so a 2,000-component chain cannot
 * overflow the stack.
 */

export interface Edge {
  from: string;
  to: string;
}

export interface Cycle {
  /** Component ids along the cycle, first id repeated at the end: a → b → a. */
  path: string[];
  /** Index (in the given edge list) of the edge that closes the cycle. */
  closingIndex: number;
}

/** Kahn's algorithm; returns ids in an order where every edge goes forward, or null on a cycle. */
export function topologicalOrder(ids: readonly string[], edges: readonly Edge[]): string[] | null {
  const indegree = new Map<string, number>(ids.map((id) => [id, 0]));
  const out = new Map<string, string[]>(ids.map((id) => [id, []]));
  for (const e of edges) {
    if (!indegree.has(e.from) || !indegree.has(e.to)) continue;
    indegree.set(e.to, (indegree.get(e.to) ?? 0) + 1);
    out.get(e.from)?.push(e.to);
  }
  const ready = ids.filter((id) => indegree.get(id) === 0);
  const order: string[] = [];
  for (let i = 0; i < ready.length; i++) {
    const id = ready[i] as string;
    order.push(id);
    for (const next of out.get(id) ?? []) {
      const d = (indegree.get(next) ?? 0) - 1;
      indegree.set(next, d);
      if (d === 0) ready.push(next);
    }
  }
  return order.length === ids.length ? order : null;
}

/** Finds one cycle, if any, by an iterative depth-first search. */
export function findCycle(ids: readonly string[], edges: readonly Edge[]): Cycle | null {
  const out = new Map<string, { to: string; index: number }[]>(ids.map((id) => [id, []]));
  edges.forEach((e, index) => out.get(e.from)?.push({ to: e.to, index }));
  const state = new Map<string, 1 | 2>(); // 1 = on the stack, 2 = done
  for (const root of ids) {
    if (state.has(root)) continue;
    const stack: { id: string; next: number; via: number }[] = [{ id: root, next: 0, via: -1 }];
    state.set(root, 1);
    while (stack.length > 0) {
      const top = stack[stack.length - 1] as (typeof stack)[number];
      const children = out.get(top.id) ?? [];
      if (top.next >= children.length) {
        state.set(top.id, 2);
        stack.pop();
        continue;
      }
      const child = children[top.next++] as { to: string; index: number };
      const s = state.get(child.to);
      if (s === 1) {
        const start = stack.findIndex((f) => f.id === child.to);
        const path = stack.slice(start).map((f) => f.id);
        path.push(child.to);
        return { path, closingIndex: child.index };
      }
      if (s === undefined) {
        state.set(child.to, 1);
        stack.push({ id: child.to, next: 0, via: child.index });
      }
    }
  }
  return null;
}
