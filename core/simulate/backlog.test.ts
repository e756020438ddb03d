import { describe, expect, it } from 'vitest';
import { Cohorts, type Departure, type DepartureSink } from './backlog';

/** Collects departures (the queue hands one object, overwritten, so each is copied). */
function collect(): DepartureSink & { all: Departure[] } {
  const all: Departure[] = [];
  return { all, leave: (d) => void all.push({ ...d }) };
}

const sum = (ds: Departure[], key: 'served' | 'minutes') => ds.reduce((s, d) => s + d[key], 0);

describe('Cohorts.moveOldest', () => {
  // 100 messages arriving evenly over 100 s (one a second), none served yet, worth 10 SLO minutes.
  const queued = () => {
    const q = new Cohorts();
    q.add(100, 0, 100, 10);
    return q;
  };

  it('hands over the head of the queue: the first to arrive, as consumers of one queue take them', () => {
    const base = queued();
    const cloud = new Cohorts();
    base.moveOldest(30, cloud);
    expect(base.waiting).toBeCloseTo(70, 9);
    expect(cloud.waiting).toBeCloseTo(30, 9);
    // Both served at once at t = 100: the moved ones arrived in seconds 0–30, the kept in 30–100.
    const moved = collect();
    cloud.serve(1e6, 100, 1, Infinity, moved);
    const kept = collect();
    base.serve(1e6, 100, 1, Infinity, kept);
    expect(sum(moved.all, 'served')).toBeCloseTo(30, 6);
    expect(moved.all[0]?.firstWait).toBeCloseTo(100, 3);
    expect(moved.all.at(-1)?.lastWait).toBeCloseTo(70, 3);
    expect(sum(kept.all, 'served')).toBeCloseTo(70, 6);
    expect(kept.all[0]?.firstWait).toBeCloseTo(70, 3);
    expect(kept.all.at(-1)?.lastWait).toBeLessThan(0.01);
    // The SLO minutes follow the requests: 3 with the moved, 7 with the kept.
    expect(sum(moved.all, 'minutes')).toBeCloseTo(3, 9);
    expect(sum(kept.all, 'minutes')).toBeCloseTo(7, 9);
  });

  it('moves past a served part and across cohorts, and no more than waits', () => {
    const base = queued();
    base.add(50, 100, 150, 5);
    // Served at 0.4 a second from t = 100 for 100 s: 40 of the first cohort leave, having waited 100 → 60 s.
    const first = collect();
    base.serve(0.4, 100, 100, Infinity, first);
    const served = sum(first.all, 'served');
    expect(served).toBeGreaterThan(0);
    const waiting = base.waiting;
    const cloud = new Cohorts();
    base.moveOldest(1e9, cloud);
    expect(cloud.waiting).toBeCloseTo(waiting, 6);
    expect(base.waiting).toBeCloseTo(0, 9);
    expect(base.isEmpty).toBe(true);
    // Every minute is accounted for once: those that left before the move, and the moved ones.
    const rest = collect();
    cloud.serve(1e6, 200, 10, Infinity, rest);
    expect(sum(first.all, 'minutes') + sum(rest.all, 'minutes')).toBeCloseTo(15, 6);
    expect(served + sum(rest.all, 'served')).toBeCloseTo(150, 6);
  });
});

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
