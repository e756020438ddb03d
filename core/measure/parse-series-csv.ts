/**
 * CSV series: a header row, then one `timestamp,value` row per interval. The time column is the one
 * whose header names a time or date (the CloudWatch console writes `Timestamp`/`Time`, others `ds`),
 * else the first; the value column is the first other one. An empty value (or NaN/null) is a gap, as
 * the console writes for a missing datapoint; anything else that is not a number is an error.
 * Fields are read as RFC 4180 says: a quoted field may hold the delimiter, a line break and doubled
 * quotes (`"api, prod"`, `"say ""hi"""`); rows without a quote take a fast path. A timestamp that
 * names no real instant (2024-02-31, 24:00:00) is refused at its line, not rolled over.
 */
import type { Problem, Validated } from '../model/validate';
import { checkTimeOrder, MAX_PROBLEMS, type ParsedSeries } from './parse-series-order';
import { describeBadTimestamp, parseTimestamp } from './parse-series-time';

const TIME_HEADER = /time|date|^ts$|^ds$|^t$/i;
const GAP = /^(|nan|null|none|-)$/i;

export function parseCsvSeries(text: string, maxRows: number): Validated<ParsedSeries> {
  const lines = text.split('\n');
  const header = (lines[0] ?? '').replace(/\r$/, '');
  // The delimiter is read outside quoted names ("time, UTC";value is a semicolon file).
  const bare = header.replace(/"[^"]*"/g, '');
  const delim = bare.includes(',') ? ',' : bare.includes(';') ? ';' : '\t';
  const names = splitRecord(header, delim).map(unquote);
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
    const first = i + 1;
    let line = withoutCr(lines[i] as string);
    if (line.length === 0 || (line.charCodeAt(0) <= 32 && line.trim() === '')) continue;
    if (count >= maxRows) {
      return {
        ok: false,
        problems: [{ path: '', message: `more than ${maxRows} rows: a series may have at most ${maxRows}` }],
      };
    }
    let rawTime: string;
    let rawValue: string;
    if (line.includes('"')) {
      // A quoted field may hold line breaks: the record goes on until its quotes pair up.
      while (quoteCount(line) % 2 === 1 && i + 1 < lines.length) line += `\n${withoutCr(lines[++i] as string)}`;
      if (quoteCount(line) % 2 === 1) {
        problems.push({ path: `line ${first}`, message: 'a quoted field is not closed: a " is missing' });
        break;
      }
      const cells = splitRecord(line, delim);
      rawTime = unquote(cells[timeCol] ?? '');
      rawValue = unquote(cells[valueCol] ?? '');
    } else {
      rawTime = unquote(cellOf(line, timeCol));
      rawValue = unquote(cellOf(line, valueCol));
    }
    const ms = parseTimestamp(rawTime);
    if (Number.isNaN(ms)) {
      problems.push({ path: `line ${first}`, message: describeBadTimestamp(rawTime) });
      continue;
    }
    // Every dated row joins the order check, a gap or a bad value too: a duplicate is a duplicate.
    t[count] = ms;
    lineOf[count] = first;
    const value = rawValue === '' ? Number.NaN : Number(rawValue);
    if (Number.isNaN(value) && GAP.test(rawValue)) {
      v[count++] = Number.NaN;
      continue;
    }
    if (!Number.isFinite(value))
      problems.push({ path: `line ${first}`, message: `value "${clip(rawValue)}" is not a number` });
    else if (value < 0)
      problems.push({ path: `line ${first}`, message: `value ${rawValue} is negative: a request rate cannot be` });
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

const withoutCr = (line: string) => (line.endsWith('\r') ? line.slice(0, -1) : line);

function quoteCount(s: string): number {
  let n = 0;
  for (let at = s.indexOf('"'); at >= 0; at = s.indexOf('"', at + 1)) n++;
  return n;
}

/**
 * The fields of one record, RFC 4180: a field that starts with a quote (after spaces) runs to its
 * closing quote, `""` inside it is one quote, and the delimiter or a line break inside it is text.
 * The field keeps its outer quotes (unquote takes them off), so `""` and an empty field stay apart.
 */
export function splitRecord(record: string, delim: string): string[] {
  const fields: string[] = [];
  let at = 0;
  for (;;) {
    let start = at;
    while (record[start] === ' ' || record[start] === '\t') start++;
    let end: number;
    if (record[start] === '"') {
      let field = '"';
      let k = start + 1;
      for (; k < record.length; k++) {
        if (record[k] !== '"') field += record[k];
        else if (record[k + 1] === '"') {
          field += '"';
          k++;
        } else break;
      }
      end = record.indexOf(delim, k + 1);
      // Anything after the closing quote and before the delimiter is kept, as spreadsheets do.
      fields.push(`${field}"${(end < 0 ? record.slice(k + 1) : record.slice(k + 1, end)).trim()}`);
    } else {
      end = record.indexOf(delim, at);
      fields.push(end < 0 ? record.slice(at) : record.slice(at, end));
    }
    if (end < 0) return fields;
    at = end + 1;
  }
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
