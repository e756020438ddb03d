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
 * Where the reference still differs: a callee's steps stand for its caller's by its own sync requests
 * (exact for a callee with one caller); calls to different callees cross independently; and the
 * caller's own response times are not told apart by step (its busy minutes' are slower).
 */
import { jStat } from 'jstat';
import type { CloudSteps } from '../simulate/cloud-steps';
import type { DelayPart } from '../simulate/response-dist';

/** A distribution of a count: `pmf[i]` is the chance of `offset + i`. */
interface Counts {
  offset: number;
  pmf: number[];
}

/** Chances smaller than this at either end are left out (they move no percentile up to the 99th). */
const NEGLIGIBLE = 1e-12;

/**
 * At most this many delays: a wider distribution (thousands of calls a request) is grouped into runs
 * of neighbouring counts, each at its mean, so the mean stays exact and a quantile moves by less than
 * a run's width.
 */
const MOST_PARTS = 64;

const ONE: Counts = { offset: 0, pmf: [1] };

function binomial(n: number, p: number): Counts {
  if (n === 0 || p <= 0) return ONE;
  if (p >= 1) return { offset: n, pmf: [1] };
  const lnP = Math.log(p);
  const lnQ = Math.log1p(-p);
  const lnN = jStat.gammaln(n + 1);
  const mode = Math.min(n, Math.floor((n + 1) * p));
  const at = (k: number) => Math.exp(lnN - jStat.gammaln(k + 1) - jStat.gammaln(n - k + 1) + k * lnP + (n - k) * lnQ);
  let lo = mode;
  while (lo > 0 && at(lo - 1) >= NEGLIGIBLE) lo--;
  let hi = mode;
  while (hi < n && at(hi + 1) >= NEGLIGIBLE) hi++;
  const pmf: number[] = [];
  for (let k = lo; k <= hi; k++) pmf.push(at(k));
  return { offset: lo, pmf };
}

/** Crossing calls of one connection: `calls` a request on average, each crossing with chance `p`. */
function crossingCalls(calls: number, p: number): Counts {
  const whole = Math.floor(calls);
  const extra = calls - whole;
  const a = binomial(whole, p);
  if (!(extra > 0) || !(p > 0)) return a;
  const b = binomial(whole + 1, p);
  const offset = Math.min(a.offset, b.offset);
  const end = Math.max(a.offset + a.pmf.length, b.offset + b.pmf.length);
  const pmf = new Array<number>(end - offset).fill(0);
  a.pmf.forEach((x, i) => (pmf[a.offset + i - offset] = (pmf[a.offset + i - offset] as number) + (1 - extra) * x));
  b.pmf.forEach((x, i) => (pmf[b.offset + i - offset] = (pmf[b.offset + i - offset] as number) + extra * x));
  return { offset, pmf };
}

function convolve(a: Counts, b: Counts): Counts {
  if (b === ONE) return a;
  if (a === ONE) return b;
  const pmf = new Array<number>(a.pmf.length + b.pmf.length - 1).fill(0);
  for (let i = 0; i < a.pmf.length; i++) {
    const x = a.pmf[i] as number;
    for (let j = 0; j < b.pmf.length; j++) pmf[i + j] = (pmf[i + j] as number) + x * (b.pmf[j] as number);
  }
  // Trimmed again, so that many connections do not widen it with negligible ends.
  let lo = 0;
  while (lo < pmf.length - 1 && (pmf[lo] as number) < NEGLIGIBLE) lo++;
  let hi = pmf.length - 1;
  while (hi > lo && (pmf[hi] as number) < NEGLIGIBLE) hi--;
  return { offset: a.offset + b.offset + lo, pmf: pmf.slice(lo, hi + 1) };
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
  const parts = (counts: Counts) =>
    counts.offset === 0 && counts.pmf.length === 1
      ? []
      : group(counts).map((p) => ({ share: p.share, delayMs: p.count * latencyMs }));
  const meanOf = (list: DelayPart[]) => list.reduce((m, p) => m + p.share * p.delayMs, 0);
  const dcParts = parts(dc);
  const cloudParts = parts(cloud);
  return { dc: dcParts, cloud: cloudParts, meanDc: meanOf(dcParts), meanCloud: meanOf(cloudParts) };
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
  const own = caller.sides === 'both' ? caller.steps : null;
  if (!own || !(own.totalRequests > 0)) {
    // One side: the callee's steps weighted by its sync requests.
    let routed = 0;
    for (let k = 0; k < callee.step.length; k++) {
      const w = (callee.syncRequests[k] as number) / callee.totalSync;
      routed += w;
      dc.add(callee.syncShare[k] as number, w);
    }
    dc.add(0, Math.max(0, 1 - routed));
    const mix = dc.finish();
    return [mix, mix];
  }
  // A burst caller: its steps and the callee's merged in step order.
  const perSync = own.totalRequests / callee.totalSync;
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
      const n = (callee.syncRequests[b] as number) * perSync;
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
function crossingMix(calls: number, mix: ShareMix, fromCloud: boolean): Counts {
  let offset = Number.POSITIVE_INFINITY;
  let end = 0;
  const parts: [Counts, number][] = [];
  for (const [share, weight] of mix) {
    const counts = crossingCalls(calls, fromCloud ? 1 - share : share);
    parts.push([counts, weight]);
    offset = Math.min(offset, counts.offset);
    end = Math.max(end, counts.offset + counts.pmf.length);
  }
  if (parts.length === 1) return (parts[0] as [Counts, number])[0];
  const pmf = new Array<number>(end - offset).fill(0);
  for (const [counts, weight] of parts)
    counts.pmf.forEach(
      (x, i) => (pmf[counts.offset + i - offset] = (pmf[counts.offset + i - offset] as number) + weight * x),
    );
  return { offset, pmf };
}

/** The counts as at most MOST_PARTS runs of neighbours, each at its mean count, shares renormalised. */
function group(counts: Counts): { share: number; count: number }[] {
  const n = counts.pmf.length;
  const width = Math.ceil(n / MOST_PARTS);
  const total = counts.pmf.reduce((s, x) => s + x, 0);
  const out: { share: number; count: number }[] = [];
  for (let start = 0; start < n; start += width) {
    let mass = 0;
    let moment = 0;
    for (let i = start; i < Math.min(n, start + width); i++) {
      const x = counts.pmf[i] as number;
      mass += x;
      moment += x * (counts.offset + i);
    }
    if (mass > 0) out.push({ share: mass / total, count: width === 1 ? counts.offset + start : moment / mass });
  }
  return out;
}
