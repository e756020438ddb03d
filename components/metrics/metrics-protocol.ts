/**
 * Messages between the inspector's "Attach measured load…" section and the metrics worker
 * (metrics-worker.ts). The worker keeps the last parsed file, so a change of unit re-classifies
 * without reading the file again; every answer names the request it belongs to, and the page
 * ignores an answer to a request it has since superseded.
 */
import type { Classification, RateUnit, MeasuredPoint, SeriesFormat } from '@/core/measure';
import type { Problem } from '@/core/model';

/** Page → worker. `per` absent on `read`: the worker guesses it (guessRateUnit). */
export type MetricsRequest =
  | { type: 'read'; id: number; file: Blob; per?: RateUnit; key: string }
  | { type: 'classify'; id: number; per: RateUnit; key: string }
  | { type: 'trace'; id: number; per: RateUnit };

export interface MetricsReading {
  format: SeriesFormat;
  rows: number;
  guessedPer: RateUnit;
  per: RateUnit;
  classification: Classification;
  chart: MeasuredPoint[];
}

/** Worker → page. */
export type MetricsResponse =
  | ({ type: 'classified'; id: number } & MetricsReading)
  | { type: 'trace'; id: number; trace: { stepMinutes: number; rps: number[] } }
  | { type: 'failed'; id: number; problems: Problem[] };
