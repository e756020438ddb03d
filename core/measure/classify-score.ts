/**
 * Turning the evidence into a score per pattern, each 0..1 and built from ramps over plain figures
 * (so every score can be explained by the numbers beside it), then into confidences that sum to 1.
 * Static is what is left when nothing else explains the series; unpredictable is either spikes or
 * wide variation that neither a cycle, a trend nor one event accounts for.
 */
import type { Pattern } from '../model/design';
import type { Evidence } from './classify-evidence';
import { ramp } from './classify-stats';

export type PatternScores = Record<Pattern, number>;

export function scorePatterns(e: Evidence): PatternScores {
  const p = e.period;
  const change = Math.abs(Math.log1p(e.trend.totalChange));
  const changing = ramp(e.trend.r2, 0.3, 0.7) * ramp(change, Math.log(1.05), Math.log(1.2));
  // A cycle under a strong trend is real but secondary: the level moves more than it repeats.
  const cyclic = p ? ramp(p.autocorrelation, 0.25, 0.6) * ramp(p.peakOverBase, 1.15, 1.5) * ramp(p.cycles, 3, 6) : 0;
  const periodic = cyclic * (1 - 0.5 * changing);
  // An event counts against the series' own daily peaks: a flash crowd of 1.6x the usual peak is an
  // anomaly of a periodic series, a tournament of 6x is an occasion.
  const ev = e.event;
  const usualPeak = 1 + (p ? p.peakOverBase - 1 : 0) * cyclic;
  const lift = ev ? ev.peakOverBase / usualPeak : 0;
  const once = ev
    ? ramp(lift, 1.2, 2) * (1 - ramp(ev.spanShare, 0.2, 0.5)) * (ev.endsAtSeriesEnd ? 0.5 : 1) * (1 - 0.5 * changing)
    : 0;
  const spiky = ramp(e.spikes.count, 1, 3) * ramp(e.spikes.peakOverBase, 1.2, 1.8);
  const explained = Math.max(periodic, changing, once);
  const wander = ramp(e.cv, 0.3, 0.8) * (1 - explained);
  const unpredictable = Math.max(spiky * (1 - 0.5 * periodic), wander);
  const stat = 1 - Math.max(explained, unpredictable);
  return { static: stat, periodic, 'once-in-a-lifetime': once, unpredictable, 'continuously-changing': changing };
}

export interface Ranking {
  pattern: Pattern;
  confidence: number;
  runnerUp: { pattern: Pattern; confidence: number };
  ambiguous: boolean;
}

/** A runner-up within 60 % of the winner, or a winner below one half, makes the answer ambiguous. */
export function rankPatterns(scores: PatternScores): Ranking {
  const total = Object.values(scores).reduce((a, b) => a + b, 0) || 1;
  const ranked = (Object.entries(scores) as [Pattern, number][])
    .map(([pattern, s]) => ({ pattern, confidence: s / total }))
    .sort((a, b) => b.confidence - a.confidence);
  const [top, second] = ranked as [(typeof ranked)[0], (typeof ranked)[0]];
  return {
    pattern: top.pattern,
    confidence: top.confidence,
    runnerUp: second,
    ambiguous: second.confidence >= 0.6 * top.confidence || top.confidence < 0.5,
  };
}
