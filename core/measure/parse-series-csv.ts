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
    return {
      ok: false,
      problems: [
        {
          path: 'line 1',
          message: `expected a header with two columns such as "timestamp,value", got "${clip(header)}"`,
        },
      ],
    };
  }
  if (!Number.isNaN(parseTimestamp(names[0] ?? '')) && isNumber(names[1] ?? '')) {
    return {
      ok: false,
      problems: [
        { path: 'line 1', message: 'no header row: the file must start with a header such as "timestamp,value"' },
      ],
    };
  }
  const timeCol = Math.max(
    0,
    names.findIndex((n) => TIME_HEADER.test(n)),
  );
  // `value` by name, else the first column after the time (columns before it are labels), else any other.
  const named = names.findIndex((n) => /^values?$/i.test(n));
  const valueCol =
    named >= 0 ? named : timeCol + 1 < names.length ? timeCol + 1 : names.findIndex((_, i) => i !== timeCol);
  // Typed arrays sized for every line: a year of minutes makes no garbage for the collector.
  const capacity = Math.min(lines.length, maxRows + 1);
  const t = new Float64Array(capacity);
  const v = new Float64Array(capacity);
  const lineOf = new Int32Array(capacity);
  let count = 0;
  const problems: Problem[] = [];
  const cellOf = createCellReader(delim);
  for (let i = 1; i < lines.length && problems.length < MAX_PROBLEMS; i++) {
    const raw = lines[i] as string;
    const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    if (line.length === 0 || (line.charCodeAt(0) <= 32 && line.trim() === '')) continue;
    if (count >= maxRows) {
      return {
        ok: false,
        problems: [{ path: '', message: `more than ${maxRows} rows: a series may have at most ${maxRows}` }],
      };
    }
    const rawTime = unquote(cellOf(line, timeCol));
    const rawValue = unquote(cellOf(line, valueCol));
    const ms = parseTimestamp(rawTime);
    if (Number.isNaN(ms)) {
      problems.push({
        path: `line ${i + 1}`,
        message: `timestamp "${clip(rawTime)}" is not ISO-8601 or unix seconds/milliseconds`,
      });
      continue;
    }
    // Every dated row joins the order check, a gap or a bad value too: a duplicate is a duplicate.
    t[count] = ms;
    lineOf[count] = i + 1;
    const value = rawValue === '' ? Number.NaN : Number(rawValue);
    if (Number.isNaN(value) && GAP.test(rawValue)) {
      v[count++] = Number.NaN;
      continue;
    }
    if (!Number.isFinite(value))
      problems.push({ path: `line ${i + 1}`, message: `value "${clip(rawValue)}" is not a number` });
    else if (value < 0)
      problems.push({ path: `line ${i + 1}`, message: `value ${rawValue} is negative: a request rate cannot be` });
    v[count++] = value;
  }
  problems.push(...checkTimeOrder(t.subarray(0, count), (k) => `line ${lineOf[k]}`));
  if (problems.length > 0) return { ok: false, problems };
  let kept = 0;
  for (let k = 0; k < count; k++) {
    if (Number.isNaN(v[k])) continue;
    t[kept] = t[k] as number;
    v[kept++] = v[k] as number;
  }
  return { ok: true, value: { t: t.slice(0, kept), v: v.slice(0, kept), format: 'csv' } };
}

function isNumber(s: string): boolean {
  return s.trim() !== '' && Number.isFinite(Number(s));
}

/** The col-th cell of a line, without splitting the whole line (most files have two columns). */
function createCellReader(delim: string): (line: string, col: number) => string {
  return (line, col) => {
    let from = 0;
    for (let c = 0; c < col; c++) {
      const next = line.indexOf(delim, from);
      if (next < 0) return '';
      from = next + 1;
    }
    const to = line.indexOf(delim, from);
    return to < 0 ? line.slice(from) : line.slice(from, to);
  };
}

function unquote(s: string): string {
  const first = s.charCodeAt(0);
  const last = s.charCodeAt(s.length - 1);
  if (first !== 34 && first !== 32 && last !== 32 && last !== 34 && first !== 9 && last !== 9) return s;
  const x = s.trim();
  return x.length >= 2 && x.startsWith('"') && x.endsWith('"') ? x.slice(1, -1).trim() : x;
}

function clip(s: string): string {
  return s.length > 40 ? `${s.slice(0, 40)}…` : s;
}
