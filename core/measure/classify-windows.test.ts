/**
 * Windows of three to eight weeks cut from the shared traces that have a clear daily cycle. In many
 * of them the weekly cycle correlates more strongly than the daily one (NYC taxis: 0.99 a week
 * apart, 0.82 a day apart), and a few weeks hold only a few weekly cycles: such a window must still
 * come out periodic, with a 24-hour period. The NASA windows that hold the flash crowd of 13 July
 * 1995 are a cycle and an event at once: there periodic must be the answer or the runner-up.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { classifySeries } from './classify';
import { parseSeries } from './parse-series';

const TRACES = fileURLToPath(new URL('../../../shared/data/traces/', import.meta.url));
const DAY = 86_400_000;
const FLASH_CROWD = Date.UTC(1995, 6, 13);

function windowsOf(file: string) {
  const parsed = parseSeries(readFileSync(`${TRACES}${file}`, 'utf8'));
  if (!parsed.ok) throw new Error(parsed.problems[0]?.message);
  const { t, v } = parsed.value;
  const cut: { label: string; start: number; end: number; series: { t: Float64Array; v: Float64Array } }[] = [];
  for (const weeks of [3, 4, 6, 8]) {
    for (let start = t[0]!; start + weeks * 7 * DAY <= t[t.length - 1]!; start += 11 * DAY) {
      const end = start + weeks * 7 * DAY;
      const lo = t.findIndex((x) => x >= start);
      const hi = t.findIndex((x) => x >= end);
      cut.push({
        label: `${weeks} weeks from day ${Math.round((start - t[0]!) / DAY)}`,
        start,
        end,
        series: { t: t.slice(lo, hi), v: v.slice(lo, hi) },
      });
    }
  }
  return cut;
}

describe.each([
  'periodic_nab_nyc_taxi_30min.csv',
  'periodic_wikipedia_projectviews_2019_1h.csv',
  'periodic_nasa_http_1995_1h.csv',
])('%s, cut into 3-8 week windows', (file) => {
  const windows = windowsOf(file);

  it('has windows in which the weekly cycle is the stronger one', () => {
    expect(windows.length).toBeGreaterThanOrEqual(file.includes('nasa') ? 4 : 20);
  });

  it('comes out periodic with a daily period in every window with a clear daily cycle', () => {
    for (const w of windows) {
      const r = classifySeries(w.series, { per: 'interval' });
      if (!r.ok) throw new Error(`${w.label}: ${r.problems[0]?.message}`);
      const c = r.value;
      const withEvent = w.start <= FLASH_CROWD && FLASH_CROWD < w.end && file.includes('nasa');
      if (withEvent) expect([c.pattern, c.runnerUp.pattern], w.label).toContain('periodic');
      else {
        expect(c.pattern, `${w.label}: ${JSON.stringify(c.evidence.period)}`).toBe('periodic');
        expect(c.workload.periodHours, w.label).toBe(24);
      }
    }
  });
});
