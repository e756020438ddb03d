/**
 * JSON exports of monitoring systems:
 * - Prometheus `query_range`: `data.result[0].values` of `[unixSeconds, "value"]`, in time order;
 * - CloudWatch `get-metric-data`: `MetricDataResults[0].Timestamps` / `.Values`, newest first by
 *   default, so they are sorted here (a duplicate timestamp is still an error);
 * - CloudWatch `get-metric-statistics`: `Datapoints[]` of `{ Timestamp, Average|Sum|… }`, unordered.
 */
import type { Problem, Validated } from '../model/validate';
import { checkTimeOrder, MAX_PROBLEMS, type ParsedSeries, type SeriesFormat } from './parse-series-order';
import { parseTimestampValue } from './parse-series-time';

type Point = { t: number; v: number; where: string };
const STATISTICS = ['Average', 'Sum', 'Maximum', 'Minimum', 'SampleCount'] as const;

export function parseJsonSeries(text: string): Validated<ParsedSeries> {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (e) {
    return { ok: false, problems: [{ path: '', message: `not valid JSON: ${(e as Error).message}` }] };
  }
  const d = doc as Record<string, any>;
  if (Array.isArray(d?.data?.result)) {
    const values = d.data.result[0]?.values;
    if (!Array.isArray(values)) return missing('data.result[0].values', 'a Prometheus query_range result with one series');
    const at = (i: number) => `data.result[0].values[${i}]`;
    return collect('prometheus-json', values.map((p: unknown, i: number) => pointOf(Array.isArray(p) ? p[0] : undefined, Array.isArray(p) ? p[1] : undefined, at(i))), false);
  }
  if (Array.isArray(d?.MetricDataResults)) {
    const r = d.MetricDataResults[0];
    if (!Array.isArray(r?.Timestamps) || !Array.isArray(r?.Values)) return missing('MetricDataResults[0]', 'Timestamps and Values arrays');
    if (r.Timestamps.length !== r.Values.length) {
      return missing('MetricDataResults[0]', `as many Values as Timestamps (${r.Values.length} vs ${r.Timestamps.length})`);
    }
    return collect('cloudwatch-json', r.Timestamps.map((ts: unknown, i: number) => pointOf(ts, r.Values[i], `MetricDataResults[0].Values[${i}]`)), true);
  }
  if (Array.isArray(d?.Datapoints)) {
    const stat = STATISTICS.find((s) => d.Datapoints.some((p: any) => p && s in p));
    if (!stat) return missing('Datapoints', `one of ${STATISTICS.join(', ')} in each datapoint`);
    return collect('cloudwatch-statistics-json', d.Datapoints.map((p: any, i: number) => pointOf(p?.Timestamp, p?.[stat], `Datapoints[${i}]`)), true);
  }
  return missing('', 'a Prometheus query_range result (data.result) or a CloudWatch export (MetricDataResults or Datapoints)');
}

function pointOf(ts: unknown, value: unknown, where: string): Point | Problem {
  const t = parseTimestampValue(ts);
  if (Number.isNaN(t)) return { path: where, message: `timestamp ${JSON.stringify(ts)} is not ISO-8601 or unix seconds/milliseconds` };
  const v = typeof value === 'string' ? (value.trim() === '' ? Number.NaN : Number(value)) : typeof value === 'number' ? value : Number.NaN;
  if (!Number.isFinite(v)) return { path: where, message: `value ${JSON.stringify(value)} is not a number` };
  if (v < 0) return { path: where, message: `value ${v} is negative: a request rate cannot be` };
  return { t, v, where };
}

function collect(format: SeriesFormat, items: (Point | Problem)[], sort: boolean): Validated<ParsedSeries> {
  const problems = items.filter((p): p is Problem => 'message' in p).slice(0, MAX_PROBLEMS);
  if (problems.length > 0) return { ok: false, problems };
  const points = items as Point[];
  if (sort) points.sort((a, b) => a.t - b.t);
  const order = checkTimeOrder(points.map((p) => p.t), (i) => (points[i] as Point).where);
  if (order.length > 0) return { ok: false, problems: order };
  return {
    ok: true,
    value: { t: Float64Array.from(points, (p) => p.t), v: Float64Array.from(points, (p) => p.v), format },
  };
}

function missing(path: string, what: string): { ok: false; problems: Problem[] } {
  return { ok: false, problems: [{ path, message: `expected ${what}` }] };
}
