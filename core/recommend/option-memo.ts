/**
 * Options in context kept from one plan to the next (a run memo's, core/plan/run-memo.ts): a plan
 * judges every component's option under the recommendation and four baselines, and every option
 * under the recommendation (assess-assignment.ts) — ~4,500 options on the 500-component canvas
 * design, of which a leaf edit changes the leaf's and its callers'. An option in context reads its
 * component, its run, its requests, the tolerance, the tariff, and, for each connection it calls,
 * the connection, the callee and the callee's placement; so it is kept by a key made of exactly those.
 *
 * A component's runs array stands for its component (its name aside), its load, the simulation's
 * context and the tariff: the run memo hands on the same array only while all of these hash alike
 * (run-placement.ts, `runPlacements`), and a part simulated on another thread is handed on by the
 * same rule (components/editor/shard-protocol.ts). The key adds the id and name, the requests a month,
 * the pattern and the tolerance to it, and each called connection's JSON. A plan keeps the options it
 * used and lets go of the others.
 */
import type { Connection, Placement } from '../model/design';
import { PLACEMENTS } from '../model/design-fields';
import type { ComponentFacts, OptionResult, Tolerance } from './assess-assignment';
import type { PlacementRun } from './run-placement';

export interface OptionMemo {
  /** A number for each runs array and each option met: their identity in the keys. */
  readonly ids: WeakMap<object, number>;
  nextId: number;
  /**
   * The options the last plan used: by the text of what they read but placements (the component's
   * key, each called connection's and callee's), then by the placements as a number (`option`).
   */
  kept: Map<string, Map<number, OptionResult>>;
  /** What the last plan made of each component's facts and options (candidates, edges, entries), by key. */
  entries: Map<string, unknown>;
  /**
   * A number for each text the last plan's keys were made of (a component's key, a connection's
   * JSON): keys are made of these numbers, so that they stay short to build and to look up (with the
   * texts in full, making them was most of what the memo saved, 2026-12-06).
   */
  codes: Map<string, number>;
}

/** Placements written as digits of one number: PLACEMENTS.length ** MAX_DIGITS stays an exact integer. */
const MAX_DIGITS = Math.floor(52 / Math.log2(PLACEMENTS.length));

export function createOptionMemo(): OptionMemo {
  return { ids: new WeakMap(), nextId: 0, kept: new Map(), entries: new Map(), codes: new Map() };
}

/** One plan's use of an OptionMemo: each component's key made once, the options used gathered. */
export class PlanOptions {
  private readonly keys = new Map<string, string>();
  private readonly connectionKeys = new Map<Connection, string>();
  /** Each component's callees as last met and the text they make (`option`), by component id. */
  private readonly reads = new Map<string, { callees: readonly Connection[]; text: string }>();
  private readonly used = new Map<string, Map<number, OptionResult>>();
  private readonly usedEntries = new Map<string, unknown>();
  private readonly usedCodes = new Map<string, number>();

  constructor(
    private readonly memo: OptionMemo,
    facts: ReadonlyMap<string, ComponentFacts>,
    tol: Tolerance,
  ) {
    const context = `${tol.horizonMinutes}|${tol.minutes}|${tol.dropShare}`;
    for (const [id, f] of facts) {
      const runId = this.idOf(f.runs);
      const text = `${context}|${runId}|${f.requestsPerMonth}|${f.pattern}|${JSON.stringify([id, f.component.name])}`;
      this.keys.set(id, `c${this.codeOf(text)}`);
    }
  }

  /**
   * The option of component `id` on `run` with these callees (each at `end.placement`), from the
   * memo when it holds one made from the same inputs, else made by `make` and kept.
   */
  option(
    id: string,
    run: PlacementRun,
    callees: readonly { connection: Connection; end: { placement: Placement } }[],
    make: () => OptionResult,
  ): OptionResult {
    // The key in two parts: the text of what the option reads but placements, the same string for
    // the component's every option in a plan (so its hash is computed once), and the placements as
    // digits of a number. (One text per call, placements included, was ~9 ms of a 500-component leaf
    // edit's ~200 in Node, 4,500 calls; more in the browser's worker, 2026-12-07.)
    let text = this.readsOf(id, callees);
    let placements = PLACEMENTS.indexOf(run.placement);
    if (callees.length < MAX_DIGITS) {
      for (let k = 0, unit = PLACEMENTS.length; k < callees.length; k++, unit *= PLACEMENTS.length)
        placements += unit * PLACEMENTS.indexOf((callees[k] as (typeof callees)[number]).end.placement);
    } else {
      // More callees than a number holds digits for: their placements join the text.
      text += '=';
      for (const { end } of callees) text += PLACEMENTS.indexOf(end.placement);
    }
    let used = this.used.get(text);
    let option = used?.get(placements) ?? this.memo.kept.get(text)?.get(placements);
    if (!option) option = make();
    if (!used) this.used.set(text, (used = new Map<number, OptionResult>()));
    used.set(placements, option);
    return option;
  }

  /** The text of component `id`'s key and its callees' (each connection's and callee's keys). */
  private readsOf(id: string, callees: readonly { connection: Connection }[]): string {
    const last = this.reads.get(id);
    if (last !== undefined && last.callees.length === callees.length) {
      let same = true;
      for (let k = 0; k < callees.length && same; k++)
        same = last.callees[k] === (callees[k] as (typeof callees)[number]).connection;
      if (same) return last.text;
    }
    let text = `${this.keys.get(id)}`;
    for (const { connection } of callees) text += `;${this.connectionKey(connection)}@${this.keys.get(connection.to)}`;
    this.reads.set(id, { callees: callees.map((c) => c.connection), text });
    return text;
  }

  /**
   * What `make` makes of component `id`'s options in context (`options`, `chosen`: objects this
   * memo's `option` returned) and `more` (the rest it reads, as text): the last plan's when all of
   * these are the same objects and text, else made now. The caller must not change what it is given.
   */
  entry<T>(id: string, options: readonly OptionResult[], chosen: OptionResult, more: string, make: () => T): T {
    let key = `entry|${this.keys.get(id)}|${this.idOf(chosen)}|${more}`;
    for (const o of options) key += `,${this.idOf(o)}`;
    return this.keep(key, make);
  }

  /**
   * What `make` makes of component `id`'s facts alone (its runs, requests and component, the
   * tolerance, the tariff), `what` naming it: the last plan's when the component's key is the same.
   */
  own<T>(id: string, what: string, make: () => T): T {
    return this.keep(`own|${what}|${this.keys.get(id)}`, make);
  }

  /**
   * What `make` makes of `from` (a value this memo handed out: a candidate, a component's states)
   * and `more` (the rest it reads, as text): the last plan's when both are the same.
   */
  derived<T>(from: object, more: string, make: () => T): T {
    return this.keep(`derived|${this.idOf(from)}|${more}`, make);
  }

  /**
   * What `make` makes of `connection` between two values this memo handed out (candidates, from
   * `own`) and `more` (the rest it reads, as text): the last plan's when all of these are the same.
   */
  between<T>(connection: Connection, from: object, to: object, more: string, make: () => T): T {
    return this.keep(`between|${this.connectionKey(connection)}|${this.idOf(from)}|${this.idOf(to)}|${more}`, make);
  }

  /** After the plan: the memo keeps what it used. */
  finish(): void {
    this.memo.kept = this.used;
    this.memo.entries = this.usedEntries;
    this.memo.codes = this.usedCodes;
  }

  private codeOf(text: string): number {
    let code = this.usedCodes.get(text) ?? this.memo.codes.get(text);
    if (code === undefined) code = this.memo.nextId++;
    this.usedCodes.set(text, code);
    return code;
  }

  private keep<T>(key: string, make: () => T): T {
    let made: T;
    if (this.usedEntries.has(key)) made = this.usedEntries.get(key) as T;
    else if (this.memo.entries.has(key)) made = this.memo.entries.get(key) as T;
    else made = make();
    this.usedEntries.set(key, made);
    return made;
  }

  private idOf(value: object): number {
    let id = this.memo.ids.get(value);
    if (id === undefined) {
      id = this.memo.nextId++;
      this.memo.ids.set(value, id);
    }
    return id;
  }

  private connectionKey(connection: Connection): string {
    let key = this.connectionKeys.get(connection);
    if (key === undefined) {
      key = `k${this.codeOf(JSON.stringify(connection))}`;
      this.connectionKeys.set(connection, key);
    }
    return key;
  }
}
