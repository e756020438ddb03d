import { describe, expect, it } from 'vitest';
import { Cohorts, type Departure, type DepartureSink } from './backlog';

/** Collects departures (the queue hands one object, overwritten, so each is copied). */
function collect(): DepartureSink & { all: Departure[] } {
  const all: Departure[] = [];
  return { all, leave: (d) => void all.push({ ...d }) };
}

const sum = (ds: Departure[], key: 'served' | 'minutes') => ds.reduce((s, d) => s + d[key], 0);

describe('Cohorts.serve', () => {
  it('ends on a cohort of a hundred-billionth of a request on no server (it went round for ever)', () => {
    // A rate of 1.7·10⁻¹³ a second for a minute, on no instance, with a 12.56 s timeout: at the
    // timeout the age read 2·10⁻¹⁵ s over it, 10⁻²⁸ expired, and that was taken for all of it.
    const q = new Cohorts();
    q.add(1.04207235288728e-11, 60, 120, 1);
    const out = collect();
    const used = q.serve(0, 60, 60, 12.564409758898192, out);
    expect(used).toBe(60);
    const expired = out.all.reduce((s, d) => s + d.expired, 0);
    expect(sum(out.all, 'served')).toBe(0);
    // Those that arrived by 107.4 s have waited out the timeout; the rest still wait.
    expect(expired).toBeCloseTo((1.04207235288728e-11 * (120 - 12.564409758898192 - 60)) / 60, 20);
    expect(q.waiting).toBeCloseTo((1.04207235288728e-11 * 12.564409758898192) / 60, 20);
  });
});
