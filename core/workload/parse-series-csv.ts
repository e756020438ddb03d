/**
 * CSV series: a header row, then one `timestamp,value` row per interval. The time column is the one
 * whose header names a time or date (the CloudWatch console writes `Timestamp`/`Time`, others `ds`),
 * else the first; the value column is the first other one. An empty value (or NaN/null) is a gap, as
 * the console writes for a missing datapoint; anything else that is not a number is an error.
 */
import type { Problem, Validated } from '../model/validate';
import { checkTimeOrder, MAX_PROBLEMS, type ParsedSeries } from './parse-series-order';
import { parseTimestamp } from './parse-series-time';

const TIME_HEADER = /time|date|^ts$|^ds$|^t$/i;
const GAP = /^(|nan|null|none|-)$/i;

export function parseCsvSeries(text: string, maxRows: number): Validated<ParsedSeries> {
  const lines = text.split('\n');
  const header = (lines[0] ?? '').replace(/\r$/, '');
  const delim = header.includes(',') ? ',' : header.includes(';') ? ';' : '\t';
  const names = header.split(delim).map(unquote);
  if (names.length < 2) {
    return { ok: false, problems: [{ path: 'line 1', message: `expected a header with two columns such as "timestamp,value", got "${clip(header)}"` }] };
  }
  if (!Number.isNaN(parseTimestamp(names[0] ?? '')) && isNumber(names[1] ?? '')) {
    return { ok: false, problems: [{ path: 'line 1', message: 'no header row: the file must start with a header such as "timestamp,value"' }] };
  }
  const timeCol = Math.max(0, names.findIndex((n) => TIME_HEADER.test(n)));
  // `value` by name, else the first column after the time (columns before it are labels), else any other.
  const named = names.findIndex((n) => /^values?$/i.test(n));
  const valueCol = named >= 0 ? named : timeCol + 1 < names.length ? timeCol + 1 : names.findIndex((_, i) => i !== timeCol);
  const t: number[] = [];
  const v: number[] = [];
  const lineOf: number[] = [];
  const problems: Problem[] = [];
  for (let i = 1; i < lines.length && problems.length < MAX_PROBLEMS; i++) {
    const line = (lines[i] as string).replace(/\r$/, '');
    if (line.trim() === '') continue;
    if (t.length >= maxRows) {
      return { ok: false, problems: [{ path: '', message: `more than ${maxRows} rows: a series may have at most ${maxRows}` }] };
    }
    const cells = line.split(delim);
    const where = `line ${i + 1}`;
    const rawTime = unquote(cells[timeCol] ?? '');
    const rawValue = unquote(cells[valueCol] ?? '');
    const ms = parseTimestamp(rawTime);
    if (Number.isNaN(ms)) {
      problems.push({ path: where, message: `timestamp "${clip(rawTime)}" is not ISO-8601 or unix seconds/milliseconds` });
      continue;
    }
    // Every dated row joins the order check, a gap or a bad value too: a duplicate is a duplicate.
    t.push(ms);
    lineOf.push(i + 1);
    if (GAP.test(rawValue)) {
      v.push(Number.NaN);
      continue;
    }
    if (!isNumber(rawValue)) problems.push({ path: where, message: `value "${clip(rawValue)}" is not a number` });
    else if (Number(rawValue) < 0) problems.push({ path: where, message: `value ${rawValue} is negative: a request rate cannot be` });
    v.push(Number(rawValue));
  }
  problems.push(...checkTimeOrder(t, (k) => `line ${lineOf[k]}`));
  if (problems.length > 0) return { ok: false, problems };
  const kept = v.flatMap((value, k) => (Number.isNaN(value) ? [] : [k]));
  return { ok: true, value: { t: Float64Array.from(kept, (k) => t[k] as number), v: Float64Array.from(kept, (k) => v[k] as number), format: 'csv' } };
}

function isNumber(s: string): boolean {
  return s.trim() !== '' && Number.isFinite(Number(s));
}

function unquote(s: string): string {
  const x = s.trim();
  return x.length >= 2 && x.startsWith('"') && x.endsWith('"') ? x.slice(1, -1).trim() : x;
}

function clip(s: string): string {
  return s.length > 40 ? `${s.slice(0, 40)}…` : s;
}
