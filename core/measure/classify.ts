/**
 * Recognising a measured series' workload pattern (journey 4): put it on a regular grid in rps,
 * gather plain statistical evidence, score the five catalogue patterns, and fit the winner's
 * workload fields. No trained model: every verdict can be retraced from the evidence it prints, and
 * an answer the evidence does not settle says so (`ambiguous`, with the runner-up) instead of forcing
 * a label. Deterministic and O(n log n).
 */
import type { Pattern, Workload } from '../model/design';
import type { Problem, Validated } from '../model/validate';
import { gatherEvidence, type Evidence } from './classify-evidence';
import { fitWorkload } from './classify-fit';
import { guessStepSeconds, toGrid, type RateUnit } from './classify-grid';
import { rankPatterns, scorePatterns } from './classify-score';
import { roundSignificant } from '../model/round';
import { parseSeries, type Series } from './parse-series';

export type { Evidence } from './classify-evidence';
export type { RateUnit } from './classify-grid';

export interface ClassifyOptions {
  /** Sampling step; guessed from the timestamps (their most common interval) when absent. */
  stepMinutes?: number;
  /** What the values count: requests per second (default), per minute, or per interval (step). */
  per?: RateUnit;
}

export interface Classification {
  pattern: Pattern;
  confidence: number;
  ambiguous: boolean;
  runnerUp: { pattern: Pattern; confidence: number };
  workload: Omit<Workload, 'trace'>;
  evidence: Evidence;
}

/** Fewer points than this say nothing about a pattern. */
export const MIN_POINTS = 8;

export function classifySeries(series: Series, options: ClassifyOptions = {}): Validated<Classification> {
  if (options.stepMinutes !== undefined && !(options.stepMinutes > 0)) {
    return problem('--step-minutes', `must be a positive number of minutes, got ${options.stepMinutes}`);
  }
  const stepSeconds = options.stepMinutes !== undefined ? options.stepMinutes * 60 : guessStepSeconds(series.t);
  const grid = toGrid(series, stepSeconds, options.per ?? 'second');
  if ('error' in grid) return problem('', grid.error);
  if (grid.rps.length < MIN_POINTS) {
    return problem('', `${grid.rps.length} points are too few to recognise a pattern; give at least ${MIN_POINTS}`);
  }
  const detail = gatherEvidence(grid);
  const ranking = rankPatterns(scorePatterns(detail.evidence));
  return {
    ok: true,
    value: {
      pattern: ranking.pattern,
      confidence: roundSignificant(ranking.confidence, 2),
      ambiguous: ranking.ambiguous,
      runnerUp: { pattern: ranking.runnerUp.pattern, confidence: roundSignificant(ranking.runnerUp.confidence, 2) },
      workload: fitWorkload(ranking.pattern, detail),
      evidence: roundFigures(detail.evidence),
    },
  };
}

/** Parse and classify in one call: what the command line and the editor's import both do. */
export function classifyText(text: string, options: ClassifyOptions = {}): Validated<Classification> {
  const parsed = parseSeries(text);
  return parsed.ok ? classifySeries(parsed.value, options) : parsed;
}

function problem(path: string, message: string): { ok: false; problems: Problem[] } {
  return { ok: false, problems: [{ path, message }] };
}

/** Every figure to four significant digits, recursively; the evidence reads as numbers, not noise. */
function roundFigures<T>(value: T): T {
  if (typeof value === 'number') return roundSignificant(value) as T;
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, roundFigures(v)])) as T;
  }
  return value;
}
