/**
 * A queue at ρ = 1 grows by diffusion, not by its (zero) excess: the mean wait of the requests of
 * each minute against the exact transient M/M/c, solved here from the forward (Kolmogorov) equations
 * by fourth-order Runge–Kutta — an oracle that shares nothing with the engine. Ten minutes at
 * λ = cμ from empty on 5 cores of 50 ms: the exact mean wait rises from 0.6 s in the first minute
 * to 2.7 s in the tenth (the reflected walk's √(4λt/π) ÷ λ). The engine served these stretches as a
 * fluid that never queues (and, at λ = cμ to the bit, lost them).
 */
import { describe, expect, it } from 'vitest';
import { makeContext, makeLoad } from '../testing/load-fixture';
import { simulateStatic } from './simulate-static';

/** Mean wait (s) of the arrivals of each minute of an M/M/c queue from empty at a rate constant within each minute. */
function exactWaits(c: number, rate0: number | ((minute: number) => number), mu: number, minutes: number): number[] {
  const lambdaOf = typeof rate0 === 'number' ? () => rate0 : rate0;
  let lambda = lambdaOf(0);
  const n = 900; // states 0…n: the queue's mass beyond is negligible within ten minutes
  const dt = 0.004;
  const rate = (k: number) => Math.min(k, c) * mu;
  let p = new Float64Array(n + 1);
  p[0] = 1;
  const deriv = (q: Float64Array, out: Float64Array) => {
    for (let k = 0; k <= n; k++) {
      let d = -(k < n ? lambda : 0) * (q[k] as number) - rate(k) * (q[k] as number);
      if (k > 0) d += lambda * (q[k - 1] as number);
      if (k < n) d += rate(k + 1) * (q[k + 1] as number);
      out[k] = d;
    }
  };
  const [k1, k2, k3, k4, tmp] = Array.from({ length: 5 }, () => new Float64Array(n + 1)) as [
    Float64Array,
    Float64Array,
    Float64Array,
    Float64Array,
    Float64Array,
  ];
  const waits: number[] = [];
  for (let m = 0; m < minutes; m++) {
    lambda = lambdaOf(m);
    let sum = 0;
    for (let s = 0; s < 60 / dt; s++) {
      // PASTA: an arrival that finds k ≥ c in the system waits (k − c + 1) ÷ cμ on average.
      let w = 0;
      for (let k = c; k <= n; k++) w += (p[k] as number) * ((k - c + 1) / (c * mu));
      sum += w;
      deriv(p, k1);
      for (let k = 0; k <= n; k++) tmp[k] = (p[k] as number) + (dt / 2) * (k1[k] as number);
      deriv(tmp, k2);
      for (let k = 0; k <= n; k++) tmp[k] = (p[k] as number) + (dt / 2) * (k2[k] as number);
      deriv(tmp, k3);
      for (let k = 0; k <= n; k++) tmp[k] = (p[k] as number) + dt * (k3[k] as number);
      deriv(tmp, k4);
      const next = new Float64Array(n + 1);
      for (let k = 0; k <= n; k++)
        next[k] =
          (p[k] as number) +
          (dt / 6) * ((k1[k] as number) + 2 * (k2[k] as number) + 2 * (k3[k] as number) + (k4[k] as number));
      p = next;
    }
    waits.push(sum / (60 / dt));
  }
  return waits;
}

describe('a pool at ρ = 1, against the exact transient M/M/c', () => {
  it('each minute’s mean wait within 10 % from the second minute, the ten minutes’ within 5 %', () => {
    const minutes = 10;
    const exact = exactWaits(5, 100, 20, minutes);
    expect(exact[9]).toBeGreaterThan(2.5);
    const engine: number[] = [];
    for (let m = 1; m <= minutes; m++) {
      // The mean of the first m minutes, from m runs: minute m's is the difference of two.
      const run = simulateStatic(
        makeLoad(() => 100, m),
        makeContext(m),
        5,
      ).stats.finish();
      engine.push((run.meanLatencyMs - 50) / 1000);
    }
    const minute = engine.map((mean, i) => (i === 0 ? mean : mean * (i + 1) - (engine[i - 1] as number) * i));
    for (let i = 1; i < minutes; i++)
      expect(Math.abs((minute[i] as number) / (exact[i] as number) - 1), `minute ${i + 1}`).toBeLessThan(0.1);
    const all = exact.reduce((s, w) => s + w, 0) / minutes;
    expect(Math.abs((engine[minutes - 1] as number) / all - 1)).toBeLessThan(0.05);
  });
});

describe('a pool just below ρ = 1 approaching its stationary queue, against the exact transient M/M/c', () => {
  // The queue grew by diffusion until it reached its stationary length, and then stood there: it got
  // there too soon, as the drift towards empty slows it long before (relaxation.ts). Ten minutes from
  // empty on one core at ρ 0.99 waited 3.86 s on average against the exact 2.83 s; the first minute
  // on five cores 0.59 s against 0.43 s.
  for (const [cores, lambda, mu, isAsync] of [
    [5, 99, 20, false],
    [1, 19.8, 20, false],
    [5, 99, 20, true],
  ] as const) {
    it(`${cores} core${cores > 1 ? 's' : ''} at ρ ${lambda / (cores * mu)}${isAsync ? ', messages' : ''}: the mean wait of the first 1, 2, 5 and 10 minutes within 5 %`, () => {
      const exact = exactWaits(cores, lambda, mu, 10);
      for (const minutes of [1, 2, 5, 10]) {
        const load = makeLoad(() => lambda, minutes, { cpuMs: 1000 / mu, durationMs: 1000 / mu });
        // All of it async: the messages' queue is then the whole M/M/c queue.
        if (isAsync) load.async = Float32Array.from(load.total);
        const run = simulateStatic(load, makeContext(minutes), cores).stats.finish();
        const engine = (run.meanLatencyMs - 1000 / mu) / 1000;
        const truth = exact.slice(0, minutes).reduce((s, w) => s + w, 0) / minutes;
        expect(Math.abs(engine / truth - 1), `${minutes} minutes: ${engine} s against ${truth} s`).toBeLessThan(0.05);
      }
    });
  }
});

describe('a queue grown at ρ = 1 draining at ρ 0.97, against the exact transient M/M/c', () => {
  // The load fell and the queue fell with it, at once, to the new stationary length: the minutes
  // after a peak waited 0.33 s on average where the exact queue, draining, makes them wait 0.64 s.
  it('ten minutes at 100 rps on 5 cores of 50 ms, then ten at 97: the drain’s minutes within 10 %', () => {
    const rate = (minute: number) => (minute < 10 ? 100 : 97);
    const exact = exactWaits(5, rate, 20, 20);
    const engine: number[] = [];
    for (let m = 1; m <= 20; m++) {
      const run = simulateStatic(makeLoad(rate, m), makeContext(m), 5).stats.finish();
      engine.push((run.meanLatencyMs - 50) / 1000);
    }
    const minute = engine.map((mean, i) => (i === 0 ? mean : mean * (i + 1) - (engine[i - 1] as number) * i));
    for (const i of [10, 11])
      expect(Math.abs((minute[i] as number) / (exact[i] as number) - 1), `minute ${i + 1}`).toBeLessThan(0.1);
    const drain = (w: number[]) => w.slice(10).reduce((s, x) => s + x, 0) / 10;
    expect(drain(exact)).toBeGreaterThan(0.6);
    expect(Math.abs(drain(minute) / drain(exact) - 1)).toBeLessThan(0.1);
  });
});
