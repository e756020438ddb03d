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
 * different callees cross independently; and the caller's own response times are not told apart by
 * step (its busy minutes' are slower). (Weighted by the callee's own sync requests instead, a caller
 * whose callee also serves another caller of another shape read p50 +78 % and −25 %: H35's review.)
 */
import { jStat } from 'jstat';
import type { CloudSteps } from '../simulate/cloud-steps';
import type { DelayPart } from '../simulate/response-dist';

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
   * by the callee's own sync requests (exact for a callee with one caller).
   */
  demand?: { requests: ArrayLike<number>; stepSeconds: number } | null;
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

/** A share of a step's requests above which its p95 includes them (the p95 is the worst 5 %). */
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
   * The caller's minutes taken as worse than these (addedByRouted): those of its busier hours and the
   * routed minutes of the same hour with larger delays.
   */
  rank: number;
  /**
   * Where the caller has hours as busy as this one (a flat load), the minutes of all of them: these
   * fall evenly among those, from `rank` on. Absent: they are the worst of their hour.
   */
  spread?: number;
}

/**
 * Shares are read to this grain for a step's p95 (rounded up), so that a callee's routed steps make
 * at most this many distributions, each read once.
 */
const SHARE_GRAIN = 64;

/**
 * The minutes in which the calls a data-centre caller makes to these burst callees reach its p95,
 * grouped by what they add to it (largest first): the steps the callees route in, in the hours the
 * caller has requests, where more than 5 % of its requests make a call across (a request makes its
 * calls in one minute; calls to different callees cross independently). `p95Of` reads what a
 * distribution of delays adds to the caller's p95 (assessOption: its own response times delayed by
 * them); absent, the delays' own 95th percentile, which is at least that. Its SLO minutes grow by at
 * most these (addedByRouted), where the month's share read them everywhere or nowhere: a callee that
 * sends 3 % of its requests to the cloud, all in the caller's fifteen-minute peak, is under 5 % over
 * the month, and yet every minute of those peaks misses (H35's `slo3`: 105 minutes request by
 * request, none read), while one that sends a fifth delays most requests by one call of four, not four
 * (`slo`: no minute over 100 ms on a p95 of 60).
 */
export function routedMinutes(
  callees: readonly BurstCalls[],
  demand: CallerSides['demand'],
  latencyMs: number,
  p95Of?: (delays: readonly DelayPart[]) => number,
): RoutedMinutes[] {
  const requests = demand && demand.requests.length > 0 ? demand.requests : null;
  const used = callees.filter((c) => c.calls > 0 && c.steps.step.length > 0);
  const stepSeconds = used[0]?.steps.stepSeconds ?? 0;
  // The steps of every callee in order (each callee's are ascending), with each one's share there.
  const at = new Int32Array(used.length);
  const shares = new Float64Array(used.length);
  const grains = new Int32Array(used.length);
  const delayOf = new Map<string | number, number>();
  // Routed minutes by hour (0 without the caller's hours), then by delay; hours come in order.
  const out: RoutedMinutes[] = [];
  let hour = -1;
  let inHour = new Map<number, number>();
  const flush = () => {
    if (inHour.size === 0) return;
    let rank = busier ? (busier.lo[hour] as number) : 0;
    const spread = busier ? (busier.width[hour] as number) : 0;
    for (const [delayMs, minutes] of [...inHour].sort((a, b) => b[0] - a[0])) {
      if (spread > 60) out.push({ delayMs, minutes, rank, spread });
      else {
        out.push({ delayMs, minutes, rank });
        rank += minutes;
      }
    }
    inHour = new Map();
  };
  // A caller's busier hours hold its worse minutes (its p95 grows with its load): each hour's routed
  // minutes rank after those of its busier hours, and within the hour the larger delays first (a
  // callee routes most where the caller calls most). Without its hours, all as one hour.
  const busier = requests ? busierMinutes(requests) : null;
  for (;;) {
    let i = Number.POSITIVE_INFINITY;
    for (let c = 0; c < used.length; c++) {
      const k = at[c] as number;
      const steps = (used[c] as BurstCalls).steps;
      if (k < steps.step.length) i = Math.min(i, steps.step[k] as number);
    }
    if (i === Number.POSITIVE_INFINITY) break;
    // Whether more than 5 % of its requests make a call across, from the shares themselves.
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
    if (!(1 - none > P95_SHARE)) continue;
    const h = requests ? Math.min(requests.length - 1, Math.floor((i * stepSeconds) / 3600)) : 0;
    if (requests && !((requests[h] as number) > 0)) continue;
    for (let c = 0; c < used.length; c++) grains[c] = Math.ceil((shares[c] as number) * SHARE_GRAIN);
    const key = used.length === 1 ? (grains[0] as number) : grains.join(',');
    let delay = delayOf.get(key);
    if (delay === undefined) {
      let counts = ONE;
      for (let c = 0; c < used.length; c++) {
        const g = grains[c] as number;
        if (g > 0) counts = convolve(counts, grainedCalls((used[c] as BurstCalls).calls, g));
      }
      if (upperQuantile(counts) === 0) delay = 0;
      else if (p95Of)
        delay = p95Of(counts.value.map((v, j) => ({ share: counts.prob[j] as number, delayMs: v * latencyMs })));
      else delay = upperQuantile(counts) * latencyMs;
      delayOf.set(key, delay);
    }
    if (!(delay > 0)) continue;
    if (h !== hour) {
      flush();
      hour = h;
    }
    inHour.set(delay, (inHour.get(delay) ?? 0) + stepSeconds / 60);
  }
  flush();
  return out.sort((a, b) => a.rank - b.rank || b.delayMs - a.delayMs);
}

/** Per hour, the minutes of the hours with more requests (`lo`) and of those with as many (`width`); kept per series. */
const busierKept = new WeakMap<ArrayLike<number>, { lo: Float64Array; width: Float64Array }>();
function busierMinutes(requests: ArrayLike<number>): { lo: Float64Array; width: Float64Array } {
  const kept = busierKept.get(requests);
  if (kept) return kept;
  const order = Array.from({ length: requests.length }, (_, h) => h);
  order.sort((a, b) => (requests[b] as number) - (requests[a] as number) || a - b);
  const lo = new Float64Array(requests.length);
  const width = new Float64Array(requests.length);
  for (let k = 0; k < order.length;) {
    let end = k + 1;
    while (end < order.length && requests[order[end] as number] === requests[order[k] as number]) end++;
    for (let j = k; j < end; j++) {
      lo[order[j] as number] = 60 * k;
      width[order[j] as number] = 60 * (end - k);
    }
    k = end;
  }
  const ranks = { lo, width };
  busierKept.set(requests, ranks);
  return ranks;
}

/** crossingCalls at a share of `grain` / SHARE_GRAIN, kept: a plan asks for the same few again and again. */
const grainedKept = new Map<string, Counts>();
function grainedCalls(calls: number, grain: number): Counts {
  const key = `${calls}|${grain}`;
  let counts = grainedKept.get(key);
  if (!counts) {
    if (grainedKept.size >= 4096) grainedKept.clear();
    counts = crossingCalls(calls, grain / SHARE_GRAIN);
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
 * The SLO minutes added to `base` (those counted with the calls that always cross) by a caller's
 * routed minutes (routedMinutes), with `countAt(d)` the minutes counted were every minute delayed by
 * `d` more. Its minutes are taken in order of its load (its `rank`), the worst first: the r-th
 * misses at a delay when the count at that delay reaches r, and the first `base` are counted already.
 * So a callee that routes in the caller's busiest minutes adds what its delay's count reaches, and one
 * that routes in its quiet hours (another caller's peak) adds only what a delay that reaches those
 * hours does (H35's `twocallers`: x bursting read 192 minutes over with every routed minute taken as
 * its worst, where its requests miss 101). Minutes spread over equally busy hours (a flat load) miss
 * with the share of those hours' minutes the count reaches.
 */
export function addedByRouted(
  routed: readonly RoutedMinutes[],
  base: number,
  countAt: (delayMs: number) => number,
): number {
  const reachAt = new Map<number, number>();
  let added = 0;
  for (const { delayMs, minutes, rank, spread } of routed) {
    let reach = reachAt.get(delayMs);
    if (reach === undefined) reachAt.set(delayMs, (reach = countAt(delayMs)));
    // Spread evenly over `width` minutes from `rank` on: each misses with the share of those reached.
    const width = spread !== undefined && spread > minutes ? spread : minutes;
    const reached = Math.max(0, Math.min(rank + width, reach) - Math.max(rank, base));
    added += width > 0 ? (minutes * reached) / width : 0;
  }
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
