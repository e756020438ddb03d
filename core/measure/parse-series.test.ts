import { describe, expect, it } from 'vitest';
import { parseSeries } from './parse-series';
import { parseTimestamp } from './parse-series-time';

const ok = (text: string) => {
  const r = parseSeries(text);
  if (!r.ok) throw new Error(JSON.stringify(r.problems));
  return r.value;
};
const problems = (text: string, limits?: { maxChars: number; maxRows: number }) => {
  const r = parseSeries(text, limits);
  if (r.ok) throw new Error('expected problems');
  return r.problems.map((p) => `${p.path}: ${p.message}`);
};

describe('parseTimestamp', () => {
  it('reads ISO-8601 with and without zone, bare dates and unix seconds or milliseconds', () => {
    const base = Date.UTC(2019, 0, 1, 12, 30, 0);
    expect(parseTimestamp('2019-01-01 12:30:00')).toBe(base);
    expect(parseTimestamp('2019-01-01T12:30:00Z')).toBe(base);
    expect(parseTimestamp('2019-01-01T14:30:00+02:00')).toBe(base);
    expect(parseTimestamp('2019-01-01T12:30:00.500Z')).toBe(base + 500);
    expect(parseTimestamp('2019-01-01')).toBe(Date.UTC(2019, 0, 1));
    expect(parseTimestamp(String(base / 1000))).toBe(base);
    expect(parseTimestamp(String(base))).toBe(base);
    expect(parseTimestamp('yesterday')).toBeNaN();
    expect(parseTimestamp('2019-13-01')).toBeNaN();
  });
});

describe('parseSeries: formats', () => {
  it('reads timestamp,value CSV with CRLF, quotes and a gap', () => {
    const s = ok('timestamp,value\r\n"2019-01-01 00:00:00","1.5"\r\n2019-01-01 00:01:00,\r\n2019-01-01 00:02:00,3\r\n');
    expect(s.format).toBe('csv');
    expect(Array.from(s.v)).toEqual([1.5, 3]);
    expect(s.t[1]! - s.t[0]!).toBe(120_000);
  });

  it('reads the CloudWatch console CSV: a Timestamp column among others', () => {
    const s = ok(
      '"Label","Timestamp","RequestCount"\n"x","2023-05-01T00:05:00Z","7"\n"x","2023-05-01T00:10:00Z","9"\n',
    );
    expect(Array.from(s.v)).toEqual([7, 9]);
  });

  it('reads Prometheus query_range JSON', () => {
    const doc = {
      status: 'success',
      data: {
        resultType: 'matrix',
        result: [
          {
            metric: {},
            values: [
              [1700000000, '1'],
              [1700000060, '2.5'],
            ],
          },
        ],
      },
    };
    const s = ok(JSON.stringify(doc));
    expect(s.format).toBe('prometheus-json');
    expect(Array.from(s.t)).toEqual([1700000000000, 1700000060000]);
    expect(Array.from(s.v)).toEqual([1, 2.5]);
  });

  it('reads CloudWatch get-metric-data JSON, newest first, into time order', () => {
    const doc = {
      MetricDataResults: [
        {
          Id: 'm1',
          Timestamps: ['2023-05-01T00:10:00Z', '2023-05-01T00:05:00Z'],
          Values: [9, 7],
          StatusCode: 'Complete',
        },
      ],
    };
    const s = ok(JSON.stringify(doc));
    expect(s.format).toBe('cloudwatch-json');
    expect(Array.from(s.v)).toEqual([7, 9]);
  });

  it('reads CloudWatch get-metric-statistics JSON datapoints', () => {
    const doc = {
      Label: 'x',
      Datapoints: [
        { Timestamp: '2023-05-01T00:10:00Z', Sum: 9 },
        { Timestamp: '2023-05-01T00:05:00Z', Sum: 7 },
      ],
    };
    expect(Array.from(ok(JSON.stringify(doc)).v)).toEqual([7, 9]);
  });
});

describe('parseSeries: bad files name the line', () => {
  it('no header', () => {
    expect(problems('2019-01-01,1\n2019-01-02,2\n')).toEqual([
      'line 1: no header row: the file must start with a header such as "timestamp,value"',
    ]);
  });
  it('a value that is not a number', () => {
    expect(problems('timestamp,value\n2019-01-01,1\n2019-01-02,abc\n')).toEqual([
      'line 3: value "abc" is not a number',
    ]);
  });
  it('a timestamp that is not one', () => {
    expect(problems('timestamp,value\nnope,1\n2019-01-02,2\n')[0]).toMatch(/^line 2: timestamp "nope" is not ISO-8601/);
  });
  it('unsorted timestamps', () => {
    expect(problems('timestamp,value\n2019-01-02,1\n2019-01-01,2\n')[0]).toMatch(
      /^line 3: timestamp 2019-01-01T00:00:00Z is earlier than .* at line 2/,
    );
  });
  it('duplicate timestamps', () => {
    expect(problems('timestamp,value\n2019-01-01,1\n2019-01-01,2\n')).toEqual([
      'line 3: duplicate timestamp 2019-01-01T00:00:00Z (also at line 2)',
    ]);
  });
  it('negative values', () => {
    expect(problems('timestamp,value\n2019-01-01,1\n2019-01-02,-2\n')[0]).toMatch(/^line 3: value -2 is negative/);
  });
  it('a single row, or none', () => {
    expect(problems('timestamp,value\n2019-01-01,1\n')).toEqual([': only one data row: a series needs at least two']);
    expect(problems('timestamp,value\n')).toEqual([': no data rows: a series needs at least two']);
    expect(problems('')).toEqual([': the file is empty']);
  });
  it('too large a file, or too many rows', () => {
    expect(problems('timestamp,value\n'.padEnd(2000, ' '), { maxChars: 1000, maxRows: 10 })[0]).toMatch(
      /MB is more than the/,
    );
    const rows = Array.from({ length: 12 }, (_, i) => `${1700000000 + i * 60},1`).join('\n');
    expect(problems(`t,value\n${rows}`, { maxChars: 1e6, maxRows: 10 })).toEqual([
      ': more than 10 rows: a series may have at most 10',
    ]);
  });
  it('stops after twenty problems', () => {
    const rows = Array.from({ length: 100 }, (_, i) => `${1700000000 + i * 60},x`).join('\n');
    expect(problems(`timestamp,value\n${rows}`)).toHaveLength(20);
  });
  it('JSON that is not an export it knows, or is broken', () => {
    expect(problems('{"foo": 1}')[0]).toMatch(/^: expected a Prometheus query_range result/);
    expect(problems('{"foo": ')).toEqual(['line 1, column 9: not valid JSON: the text ends where a value should be']);
    const doc = {
      data: {
        result: [
          {
            values: [
              [1700000000, 'x'],
              [1700000060, '1'],
            ],
          },
        ],
      },
    };
    expect(problems(JSON.stringify(doc))).toEqual(['data.result[0].values[0]: value "x" is not a number']);
  });
});

describe('parseSeries: CSV read as RFC 4180', () => {
  it('reads a quoted field holding the delimiter, a line break and doubled quotes', () => {
    const s = ok(
      'service,timestamp,value\n' +
        '"api, prod",2024-01-01T00:00:00Z,5\n' +
        '"api ""edge""\nsecond line",2024-01-01T01:00:00Z,7\n' +
        '"api, prod","2024-01-01T02:00:00Z","9"\n',
    );
    expect(Array.from(s.v)).toEqual([5, 7, 9]);
    expect(s.t[2]! - s.t[0]!).toBe(7_200_000);
    // Semicolon files with quoted names that hold commas.
    expect(Array.from(ok('"time, UTC";"value"\n2024-01-01 00:00:00;1\n2024-01-01 00:01:00;2\n').v)).toEqual([1, 2]);
  });

  it('names the line of a quoted field that is never closed, and of a bad row after a multi-line one', () => {
    expect(problems('service,timestamp,value\n"api,2024-01-01T00:00:00Z,5\n"x",2024-01-01T01:00:00Z,6\n')).toEqual([
      'line 2: a quoted field is not closed: a " is missing',
    ]);
    expect(problems('label,timestamp,value\n"a\nb",2024-01-01T00:00:00Z,5\nx,2024-01-01T01:00:00Z,oops\n')).toEqual([
      'line 4: value "oops" is not a number',
    ]);
  });
});

describe('parseSeries: impossible dates and times are refused at their line, never rolled over', () => {
  it.each([
    ['2024-02-31T00:00:00Z', 'is not a real date and time: February 2024 has 29 days, not 31'],
    ['2023-02-29 10:00:00', 'is not a real date and time: February 2023 has 28 days, not 29'],
    ['2024-04-31', 'is not a real date and time: April 2024 has 30 days, not 31'],
    ['2024-01-01 24:00:00', 'is not a real date and time: hour 24 does not exist (hours run from 00 to 23)'],
    ['2024-01-01T23:60:00Z', 'is not a real date and time: minute 60 does not exist'],
    ['2024-01-01T23:59:60Z', 'is not a real date and time: second 60 does not exist'],
    ['2024-13-01', 'is not a real date and time: there is no month 13'],
    ['2024-01-01T10:00:00+25:00', 'has a time zone offset that does not exist (+25:00)'],
  ])('%s', (stamp, why) => {
    const text = `timestamp,value\n2024-01-01T00:00:00Z,1\n${stamp},2\n2024-06-01T00:00:00Z,3\n`;
    expect(problems(text)).toEqual([`line 3: timestamp ${JSON.stringify(stamp)} ${why}`]);
  });

  it('accepts the leap day of a leap year and the last second of a day', () => {
    expect(parseTimestamp('2024-02-29 23:59:59')).toBe(Date.UTC(2024, 1, 29, 23, 59, 59));
    expect(parseTimestamp('2000-02-29')).toBe(Date.UTC(2000, 1, 29));
    expect(parseTimestamp('1900-02-29')).toBeNaN();
  });
});
