/**
 * What a request's sync calls across the link add to it, as a distribution for each side a caller
 * serves on (the data centre's requests, the cloud's). Each connection makes its `callsPerRequest`
 * calls (the whole part always, one more with the fraction's chance) and each call crosses, on its
 * own, with the chance that its callee answers on the other side: always or never for a callee in
 * the data centre or the cloud, and for a burst callee its traffic manager's share in that step
 * (cloud-steps.ts) — so the calls of one request, made in one minute, cross together in the callee's
 * busy minutes and not at all in the rest, and a burst caller's cloud side, serving in its own busy
 * minutes, meets the callee's bursts there. Every crossing call adds the link's latency. The caller's
 * percentiles are those of its own response times delayed by these (OptionStats quantilesDelayedBy),
 * its mean their mean.
 *
 * Before, a caller's p95 took the whole of every call that crosses for more than 5 % of its callee's
 * requests, and its median with it: a web shop whose catalogue bursts read p50 58 ms where its requests
 * read 18 (per-request reference: core/simulate-requests/call-delays.ts, oracle-crossing.test.ts).
 * Where the reference still differs: a callee's step is weighted by the caller's requests in its hour,
 * spread evenly over the hour's steps; calls to
 * different callees cross independently; and what a step's delays add to the caller's p95 is read
 * from its response times of the whole horizon, not of that step (its busy minutes' are slower; the
 * SLO minutes those delays add are its own minutes' at that step's load: routedMinutes). (Weighted by the callee's own sync requests instead, a caller
 * whose callee also serves another caller of another shape read p50 +78 % and −25 %: H35's review.)
 */
import { jStat } from 'jstat';
import type { CloudSteps } from '../simulate/cloud-steps';
import type { DelayPart } from '../simulate/response-dist';
import { type StepLoads, levelAtStep, perMinuteOfLevel } from '../simulate/step-loads';

/**
 * A distribution of a count of crossing calls: `value[i]` with chance `prob[i]`, values ascending.
 * Whole counts while there are at most MOST_PARTS of them; beyond, runs of neighbours at their mean.
 */
interface Counts {
  value: number[];
  prob: number[];
}

/** Chances smaller than this are left out (they move no percentile up to the 99th). */
const NEGLIGIBLE = 1e-12;

/**
 * At most this many counts in any distribution: a wider one (thousands of calls a request, or many
 * callees) is grouped into equal runs of neighbouring counts, each at its mean, so the mean stays exact,
 * a quantile moves by less than a run's width, and every step stays bounded (64 × 64 pairs at most,
 * whatever a design holds).
 */
const MOST_PARTS = 64;

/** A binomial this wide (its standard deviation in calls) is read from the normal (grouped anyway). */
const NORMAL_SD = 20;

const ONE: Counts = { value: [0], prob: [1] };

/** The distribution of `value`/`prob` pairs (any order, repeats allowed) as Counts. */
function reduce(value: readonly number[], prob: readonly number[]): Counts {
  const merged = new Map<number, number>();
  for (let i = 0; i < value.length; i++) {
    const p = prob[i] as number;
    if (p >= NEGLIGIBLE) merged.set(value[i] as number, (merged.get(value[i] as number) ?? 0) + p);
  }
  const pairs = [...merged].sort((a, b) => a[0] - b[0]);
  let total = 0;
  for (const [, p] of pairs) total += p;
  if (pairs.length <= MOST_PARTS) return { value: pairs.map(([v]) => v), prob: pairs.map(([, p]) => p / total) };
  const low = (pairs[0] as [number, number])[0];
  const width = ((pairs[pairs.length - 1] as [number, number])[0] - low) / MOST_PARTS;
  const mass = new Array<number>(MOST_PARTS).fill(0);
  const moment = new Array<number>(MOST_PARTS).fill(0);
  for (const [v, p] of pairs) {
    const k = Math.min(MOST_PARTS - 1, Math.floor((v - low) / width));
    mass[k] = (mass[k] as number) + p;
    moment[k] = (moment[k] as number) + p * v;
  }
  const out: Counts = { value: [], prob: [] };
  for (let k = 0; k < MOST_PARTS; k++) {
    const m = mass[k] as number;
    if (!(m > 0)) continue;
    out.value.push((moment[k] as number) / m);
    out.prob.push(m / total);
  }
  return out;
}

/** Crossing calls out of `n`, each with chance `p`: exact (log-gamma), or the normal's when wide. */
function binomial(n: number, p: number): Counts {
  if (n === 0 || p <= 0) return ONE;
  if (p >= 1) return { value: [n], prob: [1] };
  const mean = n * p;
  const sd = Math.sqrt(n * p * (1 - p));
  const value: number[] = [];
  const prob: number[] = [];
  if (sd > NORMAL_SD) {
    // Whole counts seven standard deviations either side, at the normal's density.
    const from = Math.max(0, Math.ceil(mean - 7 * sd));
    const to = Math.min(n, Math.floor(mean + 7 * sd));
    for (let k = from; k <= to; k++) {
      value.push(k);
      prob.push(Math.exp(-0.5 * ((k - mean) / sd) ** 2));
    }
    return reduce(value, prob);
  }
  const lnP = Math.log(p);
  const lnQ = Math.log1p(-p);
  const lnN = jStat.gammaln(n + 1);
  const at = (k: number) => Math.exp(lnN - jStat.gammaln(k + 1) - jStat.gammaln(n - k + 1) + k * lnP + (n - k) * lnQ);
  const mode = Math.min(n, Math.floor((n + 1) * p));
  let lo = mode;
  while (lo > 0 && at(lo - 1) >= NEGLIGIBLE) lo--;
  for (let k = lo; k <= n; k++) {
    const x = at(k);
    if (k > mode && x < NEGLIGIBLE) break;
    value.push(k);
    prob.push(x);
  }
  return reduce(value, prob);
}

/** Crossing calls of one connection: `calls` a request on average, each crossing with chance `p`. */
function crossingCalls(calls: number, p: number): Counts {
  const whole = Math.floor(calls);
  const extra = calls - whole;
  const a = binomial(whole, p);
  if (!(extra > 0) || !(p > 0)) return a;
  return mix([
    [a, 1 - extra],
    [binomial(whole + 1, p), extra],
  ]);
}

/** Weighted mixture of distributions (weights summing to 1). */
function mix(parts: readonly (readonly [Counts, number])[]): Counts {
  if (parts.length === 1) return (parts[0] as readonly [Counts, number])[0];
  const value: number[] = [];
  const prob: number[] = [];
  for (const [c, w] of parts)
    for (let i = 0; i < c.value.length; i++) {
      value.push(c.value[i] as number);
      prob.push(w * (c.prob[i] as number));
    }
  return reduce(value, prob);
}

/** The sum of two independent counts. */
function convolve(a: Counts, b: Counts): Counts {
  if (b === ONE) return a;
  if (a === ONE) return b;
  const value: number[] = [];
  const prob: number[] = [];
  for (let i = 0; i < a.value.length; i++)
    for (let j = 0; j < b.value.length; j++) {
      value.push((a.value[i] as number) + (b.value[j] as number));
      prob.push((a.prob[i] as number) * (b.prob[j] as number));
    }
  return reduce(value, prob);
}

/** A sync connection to a callee, as its calls cross. */
export interface CalleeCalls {
  /** Calls a request makes, on average. */
  calls: number;
  /** Share of its calls the callee answers in the cloud over the horizon (0 in the data centre, 1 on VMs or functions). */
  cloudShare: number;
  /** A burst callee's steps with calls sent to the cloud; absent: `cloudShare` in every step. */
  steps?: CloudSteps | null;
}

/** The caller's requests as their sides serve them. */
export interface CallerSides {
  /** 'dc': all in the data centre; 'cloud': all in the cloud; 'both': a burst, split by `steps`. */
  sides: 'dc' | 'cloud' | 'both';
  /** A burst caller's steps with requests sent to the cloud. */
  steps?: CloudSteps | null;
  /**
   * The caller's requests in each hour of the horizon, and the seconds of a step. A callee's step is
   * weighted by the caller's requests there (its hour's, spread evenly over the hour's steps); absent,
   * by the callee's own sync requests (exact for a callee with one caller). `steps`: its load step by
   * step (a caller with an SLO), which a routed step's minutes are read at (routedMinutes).
   */
  demand?: { requests: ArrayLike<number>; stepSeconds: number; steps?: StepLoads | null } | null;
}

export interface SideDelays {
  /** Each side's delays (shares summing to 1), none where no request of it is delayed. */
  dc: DelayPart[];
  cloud: DelayPart[];
  /** Each side's mean delay, ms. */
  meanDc: number;
  meanCloud: number;
}

/** Bins of a callee's cloud share (beside 0 exactly): each at its weighted mean share. */
const SHARE_BINS = 32;

/** The delays of the caller's requests on each side, each crossing call paid `latencyMs`. */
export function sideDelays(caller: CallerSides, callees: readonly CalleeCalls[], latencyMs: number): SideDelays {
  let dc = ONE;
  let cloud = ONE;
  for (const c of callees) {
    if (!(c.calls > 0)) continue;
    const [onDc, onCloud] = shareMix(caller, c);
    if (caller.sides !== 'cloud') dc = convolve(dc, crossingMix(c.calls, onDc, false));
    if (caller.sides !== 'dc') cloud = convolve(cloud, crossingMix(c.calls, onCloud, true));
  }
  const parts = (counts: Counts): DelayPart[] =>
    counts.value.every((v) => v === 0)
      ? []
      : counts.value.map((v, i) => ({ share: counts.prob[i] as number, delayMs: v * latencyMs }));
  const meanOf = (list: DelayPart[]) => list.reduce((m, p) => m + p.share * p.delayMs, 0);
  const dcParts = parts(dc);
  const cloudParts = parts(cloud);
  return { dc: dcParts, cloud: cloudParts, meanDc: meanOf(dcParts), meanCloud: meanOf(cloudParts) };
}

/**
 * A share of a step's requests above which its p95 includes them (the p95 is the worst 5 %): where no
 * reading of the caller's own response times is at hand (routedMinutes without `p95Of`).
 */
export const P95_SHARE = 0.05;

/** A burst callee's calls, for the minutes in which they reach its caller's p95. */
export interface BurstCalls {
  /** Calls a request makes, on average. */
  calls: number;
  steps: CloudSteps;
}

/** Minutes of a data-centre caller in which its calls across the link add `delayMs` at their p95. */
export interface RoutedMinutes {
  delayMs: number;
  minutes: number;
  /**
   * The caller's requests a minute in these minutes (its own step's load where its steps are known,
   * else its hour's), which its own minutes at that load are read at (addedByRouted); NaN: unknown.
   */
  perMinute: number;
}

/**
 * Shares are read to a grain for a step's p95 (rounded up), so that a callee's routed steps make at
 * most ~120 distributions, each read once: 1/1024 below 1/16, where a share of 0.3 % read as 1/64
 * made a request of four calls cross five times as often as it does, and 1/64 above.
 */
const FINE_GRAIN = 1024;
function grainOf(share: number): number {
  return share < 1 / 16 ? Math.ceil(share * FINE_GRAIN) : 16 * Math.ceil(share * 64);
}

/**
 * The minutes in which the calls a data-centre caller makes to these burst callees reach its p95,
 * grouped by what they add to it and by the caller's load in them: the steps the callees route in
 * where the caller has requests (a request makes its calls in one minute; calls to different callees
 * cross independently). `p95Of` reads what a step's distribution of delays adds to the caller's p95
 * (assessOption: its own response times delayed by them), which tells by itself whether the few
 * requests that cross reach the p95 — 4 % of them 100 ms later move a p95 of 60 ms to ~91 (H37's
 * review: cut at 5 %, none of those minutes was read, 132 missed request by request). Absent, the
 * delays' own 95th percentile, which is at least that, and none where at most 5 % of the requests make
 * a call across. Its SLO minutes grow by at most these (addedByRouted), where the month's share read
 * them everywhere or nowhere: a callee that sends 3 % of its requests to the cloud, all in the
 * caller's fifteen-minute peak, is under 5 % over the month, and yet every minute of those peaks
 * misses (H35's `slo3`: 105 minutes request by request, none read), while one that sends a fifth
 * delays most requests by one call of four, not four (`slo`: no minute over 100 ms on a p95 of 60).
 */
export function routedMinutes(
  callees: readonly BurstCalls[],
  demand: CallerSides['demand'],
  latencyMs: number,
  p95Of?: (delays: readonly DelayPart[]) => number,
): RoutedMinutes[] {
  const requests = demand && demand.requests.length > 0 ? demand.requests : null;
  const loads = demand?.steps ?? null;
  const used = callees.filter((c) => c.calls > 0 && c.steps.step.length > 0);
  const stepSeconds = used[0]?.steps.stepSeconds ?? 0;
  // The steps of every callee in order (each callee's are ascending), with each one's share there.
  const at = new Int32Array(used.length);
  const shares = new Float64Array(used.length);
  const grains = new Int32Array(used.length);
  const delayOf = new Map<string | number, number>();
  // Minutes by the caller's load (coded, step-loads.ts, or its hour's requests a minute) and delay.
  const byLoad = new Map<number, Map<number, number>>();
  for (;;) {
    let i = Number.POSITIVE_INFINITY;
    for (let c = 0; c < used.length; c++) {
      const k = at[c] as number;
      const steps = (used[c] as BurstCalls).steps;
      if (k < steps.step.length) i = Math.min(i, steps.step[k] as number);
    }
    if (i === Number.POSITIVE_INFINITY) break;
    let none = 1;
    for (let c = 0; c < used.length; c++) {
      const { calls, steps } = used[c] as BurstCalls;
      const k = at[c] as number;
      const share = k < steps.step.length && steps.step[k] === i ? (steps.syncShare[k] as number) : 0;
      if (k < steps.step.length && steps.step[k] === i) at[c] = k + 1;
      shares[c] = share;
      const whole = Math.floor(calls);
      none *= (1 - share) ** whole * (1 - (calls - whole) * share);
    }
    // Without the caller's own reading, a share's 95th percentile: none at 5 % or less.
    if (!p95Of && !(1 - none > P95_SHARE)) continue;
    if (!(1 - none > 0)) continue;
    // The caller's load in the step: its own block's, else its hour's, else unknown (NaN).
    let load = Number.NaN;
    if (loads) {
      load = levelAtStep(loads, i);
      if (load === 0) continue;
    } else if (requests) {
      const h = Math.min(requests.length - 1, Math.floor((i * stepSeconds) / 3600));
      load = (requests[h] as number) / 60;
      if (!(load > 0)) continue;
    }
    for (let c = 0; c < used.length; c++) grains[c] = grainOf(shares[c] as number);
    const key = used.length === 1 ? (grains[0] as number) : grains.join(',');
    let delay = delayOf.get(key);
    if (delay === undefined) {
      let counts = ONE;
      for (let c = 0; c < used.length; c++) {
        const g = grains[c] as number;
        if (g > 0) counts = convolve(counts, grainedCalls((used[c] as BurstCalls).calls, g));
      }
      if (p95Of)
        delay = counts.value.every((v) => v === 0)
          ? 0
          : p95Of(counts.value.map((v, j) => ({ share: counts.prob[j] as number, delayMs: v * latencyMs })));
      else delay = upperQuantile(counts) * latencyMs;
      delayOf.set(key, delay);
    }
    if (!(delay > 0)) continue;
    let inLoad = byLoad.get(load);
    if (!inLoad) byLoad.set(load, (inLoad = new Map<number, number>()));
    inLoad.set(delay, (inLoad.get(delay) ?? 0) + stepSeconds / 60);
  }
  const out: RoutedMinutes[] = [];
  for (const [load, inLoad] of byLoad) {
    const perMinute = loads && load === load ? perMinuteOfLevel(load) : load;
    for (const [delayMs, minutes] of inLoad) out.push({ delayMs, minutes, perMinute });
  }
  return out.sort((a, b) => b.delayMs - a.delayMs || a.perMinute - b.perMinute);
}

/** crossingCalls at a share of `grain` / FINE_GRAIN, kept: a plan asks for the same few again and again. */
const grainedKept = new Map<string, Counts>();
function grainedCalls(calls: number, grain: number): Counts {
  const key = `${calls}|${grain}`;
  let counts = grainedKept.get(key);
  if (!counts) {
    if (grainedKept.size >= 4096) grainedKept.clear();
    counts = crossingCalls(calls, Math.min(1, grain / FINE_GRAIN));
    grainedKept.set(key, counts);
  }
  return counts;
}

/** The least count that no more than 5 % of requests exceed (its 95th percentile). */
function upperQuantile(counts: Counts): number {
  let below = 0;
  for (let i = 0; i < counts.value.length; i++) {
    below += counts.prob[i] as number;
    if (below >= 1 - P95_SHARE - 1e-12) return counts.value[i] as number;
  }
  return counts.value[counts.value.length - 1] as number;
}

/**
 * The SLO minutes a caller's routed minutes (routedMinutes) add to those counted without them, with
 * `chanceAt(perMinute, d)` the chance that a minute of the caller's at that load misses its SLO with
 * its requests `d` ms later (OptionStats missChanceAt, less what is counted already): each routed
 * minute adds what its delay adds to its own chance. Its own: a rank among the month's minutes by
 * the hour's load took a ten-minute peak in an hour quieter than others for a minute that no delay
 * reaches, and a caller whose quiet minutes are its worst (a few requests a minute, a high p95) for
 * one whose busy hour misses first (H37's review: 22 read where 46 miss; 50 where none does). A
 * callee that routes in the caller's quiet hours (another caller's peak) adds what those minutes'
 * own chance does (H35's `twocallers`: x bursting read 192 minutes over with every routed minute
 * taken as its worst, where its requests miss 101).
 */
export function addedByRouted(
  routed: readonly RoutedMinutes[],
  chanceAt: (perMinute: number, delayMs: number) => number,
): number {
  let added = 0;
  for (const { delayMs, minutes, perMinute } of routed)
    added += minutes * Math.max(0, chanceAt(perMinute, delayMs) - chanceAt(perMinute, 0));
  return added;
}

/** A distribution of a callee's cloud share over a side's requests: [share, weight] pairs, weights summing to 1. */
type ShareMix = [number, number][];

/**
 * The callee's cloud share as each side of the caller meets it. A callee without steps: its share
 * everywhere. A burst callee: the share of each step it routed, weighted by the caller's requests
 * there — a burst caller's own where it routed too (split by its share between its sides), elsewhere
 * the callee's sync requests in proportion (the caller's calls are those); the rest of the caller's
 * requests meet a share of 0.
 */
function shareMix(caller: CallerSides, c: CalleeCalls): [ShareMix, ShareMix] {
  const callee = c.steps;
  if (!callee || !(callee.totalSync > 0)) return [[[c.cloudShare, 1]], [[c.cloudShare, 1]]];
  const dc = new ShareBins();
  const cloud = new ShareBins();
  const own = caller.sides === 'both' && caller.steps && caller.steps.totalRequests > 0 ? caller.steps : null;
  const demand = caller.demand && caller.demand.requests.length > 0 ? caller.demand : null;
  // The caller's requests in a callee's step: from its hours where known, else the callee's sync
  // requests standing for them; `total` in the same unit.
  let total: number;
  let inStep: (k: number) => number;
  if (demand) {
    const { requests, stepSeconds } = demand;
    total = 0;
    for (let h = 0; h < requests.length; h++) total += requests[h] as number;
    const perStep = stepSeconds / 3600;
    inStep = (k) => {
      const h = Math.min(requests.length - 1, Math.floor(((callee.step[k] as number) * stepSeconds) / 3600));
      return (requests[h] as number) * perStep;
    };
  } else {
    total = callee.totalSync;
    inStep = (k) => callee.syncRequests[k] as number;
  }
  if (!own) {
    // One side: the callee's steps weighted by the caller's requests in them, the rest at a share of 0.
    let routed = 0;
    for (let k = 0; k < callee.step.length; k++) {
      const w = inStep(k);
      routed += w;
      dc.add(callee.syncShare[k] as number, w);
    }
    dc.add(0, Math.max(0, total - routed));
    const mix = dc.finish();
    return [mix, mix];
  }
  // A burst caller: its own routed steps (their requests split by its share between its sides) and
  // the callee's other steps, merged in step order, in the caller's requests.
  const scale = total > 0 ? own.totalRequests / total : 0;
  let counted = 0;
  let a = 0;
  let b = 0;
  while (a < own.step.length || b < callee.step.length) {
    const sa = a < own.step.length ? (own.step[a] as number) : Number.POSITIVE_INFINITY;
    const sb = b < callee.step.length ? (callee.step[b] as number) : Number.POSITIVE_INFINITY;
    const share = sb <= sa ? (callee.syncShare[b] as number) : 0;
    if (sa <= sb) {
      const n = own.requests[a] as number;
      const s = own.share[a] as number;
      cloud.add(share, n * s);
      dc.add(share, n * (1 - s));
      counted += n;
      a++;
      if (sb === sa) b++;
    } else {
      const n = inStep(b) * scale;
      dc.add(share, n);
      counted += n;
      b++;
    }
  }
  dc.add(0, Math.max(0, own.totalRequests - counted));
  return [dc.finish(), cloud.finish()];
}

/** Weights of cloud shares in SHARE_BINS bins (and 0 exactly), each bin at its weighted mean. */
class ShareBins {
  private readonly weight = new Float64Array(SHARE_BINS + 1);
  private readonly moment = new Float64Array(SHARE_BINS + 1);

  add(share: number, weight: number): void {
    if (!(weight > 0)) return;
    const k = share <= 0 ? 0 : 1 + Math.min(SHARE_BINS - 1, Math.floor(share * SHARE_BINS));
    this.weight[k] = (this.weight[k] as number) + weight;
    this.moment[k] = (this.moment[k] as number) + weight * share;
  }

  finish(): ShareMix {
    let total = 0;
    for (const w of this.weight) total += w;
    const out: ShareMix = [];
    if (!(total > 0)) return [[0, 1]];
    for (let k = 0; k <= SHARE_BINS; k++) {
      const w = this.weight[k] as number;
      if (w > 0) out.push([k === 0 ? 0 : (this.moment[k] as number) / w, w / total]);
    }
    return out;
  }
}

/** Crossing calls of one connection over a mix of callee shares: from the cloud a call crosses to the data centre. */
function crossingMix(calls: number, shares: ShareMix, fromCloud: boolean): Counts {
  return mix(shares.map(([share, weight]) => [crossingCalls(calls, fromCloud ? 1 - share : share), weight] as const));
}
