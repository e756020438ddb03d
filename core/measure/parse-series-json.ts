/**
 * JSON exports of monitoring systems:
 * - Prometheus `query_range`: `data.result[0].values` of `[unixSeconds, "value"]`, in time order;
 * - CloudWatch `get-metric-data`: `MetricDataResults[0].Timestamps` / `.Values`, newest first by
 *   default, so they are sorted here (a duplicate timestamp is still an error);
 * - CloudWatch `get-metric-statistics`: `Datapoints[]` of `{ Timestamp, Average|Sum|… }`, unordered.
 */
import { parseJson } from '../model/problems';
import type { Problem, Validated } from '../model/validate';
import { checkTimeOrder, MAX_PROBLEMS, type ParsedSeries, type SeriesFormat } from './parse-series-order';
import { parseTimestampValue } from './parse-series-time';

type Point = { t: number; v: number; where: string };
const STATISTICS = ['Average', 'Sum', 'Maximum', 'Minimum', 'SampleCount'] as const;

export function parseJsonSeries(text: string): Validated<ParsedSeries> {
  // The same reading as a design file's: nesting past any export's depth refused before parsing.
  const parsed = parseJson(text);
  if (!parsed.ok) return parsed;
  const doc = parsed.value;
  const result = arrayAt(objectAt(doc, 'data'), 'result');
  if (result) {
    const values = arrayAt(result[0], 'values');
    if (!values) return missing('data.result[0].values', 'a Prometheus query_range result with one series');
    const pair = (p: unknown, k: number) => (Array.isArray(p) ? (p[k] as unknown) : undefined);
    return collect(
      'prometheus-json',
      values.map((p, i) => pointOf(pair(p, 0), pair(p, 1), `data.result[0].values[${i}]`)),
      false,
    );
  }
  const results = arrayAt(doc, 'MetricDataResults');
  if (results) {
    const times = arrayAt(results[0], 'Timestamps');
    const values = arrayAt(results[0], 'Values');
    if (!times || !values) return missing('MetricDataResults[0]', 'Timestamps and Values arrays');
    if (times.length !== values.length) {
      return missing('MetricDataResults[0]', `as many Values as Timestamps (${values.length} vs ${times.length})`);
    }
    return collect(
      'cloudwatch-json',
      times.map((ts, i) => pointOf(ts, values[i], `MetricDataResults[0].Values[${i}]`)),
      true,
    );
  }
  const datapoints = arrayAt(doc, 'Datapoints');
  if (datapoints) {
    const stat = STATISTICS.find((s) => datapoints.some((p) => asObject(p)?.[s] !== undefined));
    if (!stat) return missing('Datapoints', `one of ${STATISTICS.join(', ')} in each datapoint`);
    return collect(
      'cloudwatch-statistics-json',
      datapoints.map((p, i) => pointOf(asObject(p)?.Timestamp, asObject(p)?.[stat], `Datapoints[${i}]`)),
      true,
    );
  }
  return missing(
    '',
    'a Prometheus query_range result (data.result) or a CloudWatch export (MetricDataResults or Datapoints)',
  );
}

function pointOf(ts: unknown, value: unknown, where: string): Point | Problem {
  const t = parseTimestampValue(ts);
  if (Number.isNaN(t))
    return { path: where, message: `timestamp ${JSON.stringify(ts)} is not ISO-8601 or unix seconds/milliseconds` };
  const v =
    typeof value === 'string'
      ? value.trim() === ''
        ? Number.NaN
        : Number(value)
      : typeof value === 'number'
        ? value
        : Number.NaN;
  if (!Number.isFinite(v)) return { path: where, message: `value ${JSON.stringify(value)} is not a number` };
  if (v < 0) return { path: where, message: `value ${v} is negative: a request rate cannot be` };
  return { t, v, where };
}

function collect(format: SeriesFormat, items: (Point | Problem)[], sort: boolean): Validated<ParsedSeries> {
  const problems = items.filter((p): p is Problem => 'message' in p).slice(0, MAX_PROBLEMS);
  if (problems.length > 0) return { ok: false, problems };
  const points = items as Point[];
  if (sort) points.sort((a, b) => a.t - b.t);
  const order = checkTimeOrder(
    points.map((p) => p.t),
    (i) => (points[i] as Point).where,
  );
  if (order.length > 0) return { ok: false, problems: order };
  return {
    ok: true,
    value: { t: Float64Array.from(points, (p) => p.t), v: Float64Array.from(points, (p) => p.v), format },
  };
}

function missing(path: string, what: string): { ok: false; problems: Problem[] } {
  return { ok: false, problems: [{ path, message: `expected ${what}` }] };
}

function asObject(value: unknown): Record<string, unknown> | undefined {
  return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
}

function objectAt(value: unknown, key: string): Record<string, unknown> | undefined {
  return asObject(asObject(value)?.[key]);
}

function arrayAt(value: unknown, key: string): unknown[] | undefined {
  const inner = asObject(value)?.[key];
  return Array.isArray(inner) ? inner : undefined;
}
