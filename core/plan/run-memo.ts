/**
 * Runs kept from one plan to the next, so that an edit re-simulates only what it changed (the editor
 * re-plans on every edit). A capacity model's run depends on the component, its load and the
 * context, never on prices (run-placement.ts); so a component is named in the keys by a fingerprint of
 * those, and a run whose fingerprint and model settings match is billed again, not simulated again.
 * A layout or rename edit changes no fingerprint and re-simulates nothing; an edit to a component
 * changes its own load and its callees' loads, and only those are simulated again; a price changes no
 * fingerprint and re-bills every run.
 *
 * The fingerprint holds the component (its name aside), the context's steps and environments (prices
 * aside) verbatim, and the load's series as two independent 32-bit hashes of their bits (64 bits: an
 * accidental collision between two loads is about one in 10¹⁹). A plan that completes lets go of the
 * runs it did not ask for (`sweepRunMemo`). It also keeps the joint choice's last problem and answer
 * (solve-jointly.ts, SolveMemo): an edit that leaves every option's cost and slack as they were
 * (a rename) chooses without solving again; and the options in context it judged (option-memo.ts):
 * an edit judges again only the components whose runs or callees it changed.
 */
import type { Component } from '../model/design';
import type { RunCache } from '../recommend/run-placement';
import { createOptionMemo } from '../recommend/option-memo';
import { createSolveMemo } from '../recommend/solve-jointly';
import type { ComponentLoad, PlannedPeak, SimulationContext } from '../simulate/component-load';
import { createDemandMemo, sweepDemandMemo } from '../simulate/propagate-demand';

/** Beyond this many runs (cancelled plans add without sweeping) the memo starts afresh. */
const MAX_RUNS = 20_000;

export function createRunMemo(): RunCache {
  const contextKeys = new WeakMap<SimulationContext, string>();
  // The context's text (the environments' JSON, ~500 characters) hashed once per context, not once per component.
  const contextKey = (ctx: SimulationContext) => {
    let key = contextKeys.get(ctx);
    if (key === undefined) {
      key = hashOf(`${ctx.steps}|${ctx.stepMinutes}|${ctx.dt}|${ctx.points}|${JSON.stringify(ctx.env, withoutPrices)}`);
      contextKeys.set(ctx, key);
    }
    return key;
  };
  const memo: RunCache = {
    runs: new Map(),
    reused: 0,
    used: new Set(),
    sizings: new Map(),
    demand: createDemandMemo(),
    placements: new Map(),
    solved: createSolveMemo(),
    options: createOptionMemo(),
    keyOf: (value) => {
      let key = objectKeys.get(value);
      if (key === undefined) {
        key = hashOf(JSON.stringify(value));
        objectKeys.set(value, key);
      }
      return key;
    },
    fingerprintOf: (c, load, ctx) => {
      if (memo.runs.size > MAX_RUNS) {
        memo.runs.clear();
        memo.sizings?.clear();
        memo.placements?.clear();
      }
      return fingerprint(c, load, contextKey(ctx));
    },
  };
  return memo;
}

/**
 * The environments without their prices (and the data centre's cost inputs, which only make a
 * core's price): a run never reads a price except through a burst's base, which is in its key
 * (run-placement.ts). run-memo.test.ts re-plans after price edits and expects the full plan.
 */
function withoutPrices(key: string, value: unknown): unknown {
  return key === 'dataCentre' || /price|cost/i.test(key) ? undefined : value;
}

/** After a completed plan: drops the runs it did not use. */
export function sweepRunMemo(memo: RunCache): void {
  const used = memo.used;
  if (!used) return;
  for (const key of memo.runs.keys()) if (!used.has(key)) memo.runs.delete(key);
  if (memo.sizings) for (const key of memo.sizings.keys()) if (!used.has(key)) memo.sizings.delete(key);
  if (memo.placements) for (const key of memo.placements.keys()) if (!used.has(key)) memo.placements.delete(key);
  if (memo.demand) sweepDemandMemo(memo.demand);
  used.clear();
}

function fingerprint(c: Component, load: ComponentLoad, context: string): string {
  const text = [
    JSON.stringify({ ...c, name: '' }),
    load.cpuMs,
    load.durationMs,
    load.functionDurationMs,
    load.memoryMb,
    load.timeoutMs,
    load.sloMs,
    load.peakRps,
    plannedHash(load.planned),
    load.total.length,
    seriesHash(load.total),
    load.async === null ? -1 : load.async.length,
    load.async === null ? '' : seriesHash(load.async),
    context,
  ].join('|');
  return hashOf(text);
}

/**
 * The planned peaks' JSON's two hashes, kept by the array: a kept demand series hands on the same
 * array from plan to plan and it is never written to (propagate-demand.ts). A once-in-a-lifetime or
 * periodic caller's peaks were ~2,000 characters of JSON a component, stringified and hashed on
 * every plan: half the memo's bookkeeping of a 500-component plan whose runs are all kept.
 */
const plannedHashes = new WeakMap<readonly PlannedPeak[], string>();
const NO_PEAKS: readonly PlannedPeak[] = [];
function plannedHash(planned: readonly PlannedPeak[] | undefined): string {
  const peaks = planned ?? NO_PEAKS;
  let hash = plannedHashes.get(peaks);
  if (hash === undefined) {
    hash = hashOf(JSON.stringify(peaks));
    plannedHashes.set(peaks, hash);
  }
  return hash;
}

/** Two independent 32-bit hashes of a text, as one short key. */
function hashOf(text: string): string {
  const a = hashText(text, 0x2545f491, 0x9e3779b1);
  const b = hashText(text, 0x6a09e667, 0x85ebca6b);
  return `${(a >>> 0).toString(36)}.${(b >>> 0).toString(36)}`;
}

/**
 * Objects a plan shares between components (a tariff, the environments) by their JSON's hash, made
 * once per object: a price book's JSON is large, and the key is built for every component.
 */
const objectKeys = new WeakMap<object, string>();

/**
 * A series' two 32-bit hashes, kept by the series: a kept demand series (propagate-demand.ts) is the
 * same array from plan to plan and never written to, so an unchanged load is hashed once.
 */
const seriesHashes = new WeakMap<Float32Array, string>();
function seriesHash(series: Float32Array): string {
  let hash = seriesHashes.get(series);
  if (hash === undefined) {
    const words = new Uint32Array(series.buffer, series.byteOffset, series.length);
    let a = 0x2545f491;
    let b = 0x6a09e667;
    for (let i = 0; i < words.length; i++) {
      const w = words[i] as number;
      a = Math.imul(a ^ w, 0x9e3779b1);
      a ^= a >>> 15;
      b = Math.imul(b ^ w, 0x85ebca6b);
      b ^= b >>> 13;
    }
    hash = `${(a >>> 0).toString(36)}.${(b >>> 0).toString(36)}`;
    seriesHashes.set(series, hash);
  }
  return hash;
}

function hashText(text: string, seed: number, multiplier: number): number {
  let h = seed;
  for (let i = 0; i < text.length; i++) {
    h = Math.imul(h ^ text.charCodeAt(i), multiplier);
    h ^= h >>> 15;
  }
  return h;
}
