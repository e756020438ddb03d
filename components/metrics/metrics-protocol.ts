/**
 * Messages between the inspector's "Attach measured load…" section and the metrics worker
 * (metrics-worker.ts). The worker keeps the last parsed file, so a change of unit, window or scale
 * re-classifies without reading the file again; every answer names the request it belongs to, and
 * the page ignores an answer to a request it has since superseded.
 */
import type { Classification, MeasuredPoint, RateUnit, Scaling, SeriesFormat, SeriesWindow } from '@/core/measure';
import type { Problem } from '@/core/model';

/**
 * How the file is read: what its values count, which window of it is simulated (null: the default,
 * the horizon's length around its highest point), and the scaling to one's own traffic.
 */
export interface MeasuredOptions {
  per: RateUnit;
  window: SeriesWindow | null;
  scaling: Scaling;
}

/** Page → worker. `per` absent on `read`: the worker guesses it (guessRateUnit). */
export type MetricsRequest =
  | { type: 'read'; id: number; file: Blob; per?: RateUnit; key: string; horizonHours: number }
  | { type: 'classify'; id: number; key: string; options: MeasuredOptions }
  | { type: 'trace'; id: number; options: MeasuredOptions };

export interface MetricsReading {
  format: SeriesFormat;
  rows: number;
  guessedPer: RateUnit;
  per: RateUnit;
  /** The whole file's span, and the window classified (always set: the default when none was chosen). */
  spanHours: number;
  window: SeriesWindow;
  /** The series' highest rate as measured (rps, before scaling), and the factor applied. */
  measuredPeakRps: number;
  factor: number;
  scaling: Scaling;
  /** The fitted occasion lies outside the window: the fit puts it at the window's nearer edge. */
  occasionOutside: boolean;
  classification: Classification;
  chart: MeasuredPoint[];
}

/** Worker → page. */
export type MetricsResponse =
  | ({ type: 'classified'; id: number } & MetricsReading)
  | { type: 'trace'; id: number; trace: { stepMinutes: number; rps: number[] } }
  | { type: 'failed'; id: number; problems: Problem[] };
