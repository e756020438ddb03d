/**
 * Reading a measured series (journey 4): `timestamp,value` CSV, the CloudWatch console's CSV, the
 * CloudWatch get-metric-data JSON and the Prometheus query_range JSON, sniffed from the text itself.
 * Pure (the command line and the editor read the file): every problem the user can cause comes back
 * as `path: message` with the line it is on, never as an exception, so nothing is half-attached.
 */
import type { Problem, Validated } from '../model/validate';
import { parseCsvSeries } from './parse-series-csv';
import { parseJsonSeries } from './parse-series-json';
import type { ParsedSeries } from './parse-series-order';

export type { ParsedSeries, Series, SeriesFormat } from './parse-series-order';

/** 40 MB of text or a million rows: about two years of one-minute samples, and a bounded parse. */
export const SERIES_LIMITS = { maxChars: 40 * 1024 * 1024, maxRows: 1_000_000 } as const;

export function parseSeries(
  text: string,
  limits: { maxChars: number; maxRows: number } = SERIES_LIMITS,
): Validated<ParsedSeries> {
  if (text.length > limits.maxChars) {
    const mb = (n: number) => (n / 1024 / 1024).toFixed(1);
    return fail([
      { path: '', message: `${mb(text.length)} MB is more than the ${mb(limits.maxChars)} MB a series may have` },
    ]);
  }
  const body = text.replace(/^\uFEFF/, '');
  if (body.trim() === '') return fail([{ path: '', message: 'the file is empty' }]);
  const first = body.trimStart()[0];
  const result = first === '{' || first === '[' ? parseJsonSeries(body) : parseCsvSeries(body, limits.maxRows);
  if (!result.ok) return fail(result.problems);
  const { t } = result.value;
  if (t.length > limits.maxRows) {
    return fail([{ path: '', message: `${t.length} rows are more than the ${limits.maxRows} a series may have` }]);
  }
  if (t.length < 2) {
    return fail([
      { path: '', message: `${t.length === 0 ? 'no data rows' : 'only one data row'}: a series needs at least two` },
    ]);
  }
  return result;
}

function fail(problems: Problem[]): { ok: false; problems: Problem[] } {
  return { ok: false, problems };
}
