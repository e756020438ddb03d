/**
 * Messages between the canvas and the wiring worker (wiring-worker.ts), which groups and places the
 * plan's wiring chips off the page's thread: on the 500-component bench design that work was a
 * main-thread task of 10–30 ms after every plan and 50–110 ms after every move (measured in Node,
 * 2026-12-05). Like the plan worker's, each side sends only what changed: the page the design's
 * top-level fields whose objects changed (so the worker's copies keep their identity, which its
 * placement cache keys on), the wiring only for a new plan, the override only when it changes; the
 * worker the groups whose objects are not the ones it posted last time, with the order of all.
 */
import type { Design, WiringElement } from '@/core/model';
import type { Point } from '@/core/edit';
import { createWiringGrouper, type WiringGroup } from './wiring-groups';

/** Page → worker. A field left out is as in the request before. */
export interface WiringRequest {
  id: number;
  /** The design's top-level fields whose objects changed (every field, the first time). */
  design?: Partial<Design>;
  wiring?: readonly WiringElement[];
  /** The lanes view's positions, as entries; null: the design's own layout. */
  override?: [string, Point][] | null;
}

/** Worker → page: the groups for the requests up to `id`. */
export interface WiringResponse {
  id: number;
  /** Every group's id, in order. */
  order: string[];
  /** The groups not posted before as they are now. */
  changed: WiringGroup[];
}

export interface WiringInput {
  design: Design;
  wiring: readonly WiringElement[];
  override: ReadonlyMap<string, Point> | null;
}

/** The page's side: turns each input into the request that carries only what changed since the last. */
export function createWiringRequester(): (input: WiringInput) => WiringRequest {
  let id = 0;
  let last: WiringInput | null = null;
  return (input) => {
    const request: WiringRequest = { id: ++id };
    if (last?.design !== input.design) {
      type Fields = Record<string, unknown>;
      const before = last?.design as Fields | undefined;
      const now = input.design as unknown as Fields;
      const patch: Fields = {};
      // A field the new design lacks travels as undefined: the worker's copy loses it too.
      for (const key of new Set([...Object.keys(before ?? {}), ...Object.keys(now)]))
        if (!before || before[key] !== now[key]) patch[key] = now[key];
      request.design = patch;
    }
    if (last?.wiring !== input.wiring) request.wiring = input.wiring;
    if (!last || last.override !== input.override) request.override = input.override && [...input.override];
    last = input;
    return request;
  };
}

/**
 * The worker's side: takes in requests (patching what it holds) and, when asked, groups and places
 * the wiring with a grouper of its own, answering with the groups it has not posted as they are.
 */
export function createWiringPlacer(): {
  take(request: WiringRequest): void;
  place(): WiringResponse | null;
} {
  const group = createWiringGrouper();
  let design: Design | null = null;
  let wiring: readonly WiringElement[] = [];
  let override: ReadonlyMap<string, Point> | null = null;
  let id = 0;
  let posted = new Map<string, WiringGroup>();
  return {
    take(request) {
      id = request.id;
      // A new object only for a changed design: its unchanged fields keep their objects (and identity).
      if (request.design) design = { ...design, ...request.design } as Design;
      if (request.wiring) wiring = request.wiring;
      if (request.override !== undefined) override = request.override && new Map(request.override);
    },
    place() {
      if (!design) return null;
      const groups = group(design, wiring, override);
      const changed = groups.filter((g) => posted.get(g.id) !== g);
      posted = new Map(groups.map((g) => [g.id, g]));
      return { id, order: groups.map((g) => g.id), changed };
    },
  };
}

/**
 * The page's side of the answers: takes in every response, in order, and gives back all the groups;
 * a group that did not travel is the object held from before, so the wiring layer does not redraw it.
 */
export function createWiringReceiver(): (response: WiringResponse) => WiringGroup[] {
  let held = new Map<string, WiringGroup>();
  return (response) => {
    const arrived = new Map(response.changed.map((g) => [g.id, g]));
    const groups = response.order.map((id) => {
      const g = arrived.get(id) ?? held.get(id);
      if (!g) throw new Error(`the wiring worker left out the group ${id}, never posted`);
      return g;
    });
    held = new Map(groups.map((g) => [g.id, g]));
    return groups;
  };
}
