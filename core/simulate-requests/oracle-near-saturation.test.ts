/**
 * A static pool pushed just past its rate for a minute: the engine against the per-request simulator
 * (mean over seeds), the mean and the p95 within oracle-expect.ts's 10 %.
 *
 * Just over ρ = 1 a queue grows neither by the excess alone, (λ − cμ)t, nor by the diffusion of a
 * queue at ρ = 1, √(4λt/π), but as the reflected walk does, more than either (relaxation.ts
 * growQueue). The engine took one or the other, whichever grew more (serve-pool.ts
 * growsByDiffusion), and the diffusion plus the excess as the diffusion's mean: on 4 cores of 50 ms,
 * a minute every half hour over 16 rps (ρ 0.2), the mean read 22 % high at ρ 1.01 (diffusion) and
 * 31 % and 19 % low at ρ 1.02 and 1.03 (a fluid backlog), where the switch between them falls. Now
 * both follow the walk's mean: the diffusion its growth, the backlog a ghost of idle work and the
 * rate the walk's reflections leave.
 *
 * Left: the minutes over the SLO at ρ 1.01–1.03 (the engine 48–50 in a day, the simulator 64–75).
 * The minute after the burst misses when the drain leaves 5 % of it late, which the fluid's mean
 * backlog just misses and about half of the simulator's walks reach.
 */
import { describe, expect, it } from 'vitest';
import { makeContext, makeLoad } from '../testing/load-fixture';
import { compareEngine } from './compare-engine';

const DAY = 1440;
const SEEDS = 3;
/** Requests of 1 s (a pool of such cores), their SLO 5 s. */
const ONE_SECOND = { sloMs: 5000, cpuMs: 1000, durationMs: 1000, functionDurationMs: 1000 };

describe('the same minute of messages only (async): their queue grows as the walk does too', () => {
  // Messages wait behind nothing but each other here: the diffusive stretch and the backlog took the
  // same two models as sync requests did, and read the mean 22 % high at ρ 1.01 and 30 % and 20 % low
  // at 1.02 and 1.03 before growQueue and reflectedRate served them too (serve-pool.ts).
  for (const rho of [1, 1.01, 1.02, 1.03, 1.05, 1.1]) {
    it(`at ρ ${rho}: mean and p95 within 10 % of the simulator (${SEEDS} seeds)`, () => {
      const sync = makeLoad((i) => (i % 30 === 0 ? 80 * rho : 16), DAY, { sloMs: 200 });
      const load = { ...sync, async: Float32Array.from(sync.total) };
      const { engine, requests } = compareEngine(load, 'static', makeContext(DAY), { cores: 4, seeds: SEEDS });
      const mean = engine.meanLatencyMs / requests.meanLatencyMs - 1;
      const p95 = engine.p95LatencyMs / requests.p95LatencyMs - 1;
      expect(Math.abs(mean), `mean ${engine.meanLatencyMs} ms, simulator ${requests.meanLatencyMs}`).toBeLessThan(0.1);
      expect(Math.abs(p95), `p95 ${engine.p95LatencyMs} ms, simulator ${requests.p95LatencyMs}`).toBeLessThan(0.1);
    });
  }
});

describe('a minute just past the rate, every half hour, on 4 static cores of 50 ms', () => {
  // 80 rps of capacity: the minute at 80ρ rps, the rest at 16 (ρ 0.2); SLO 200 ms.
  for (const rho of [0.95, 1, 1.01, 1.02, 1.03, 1.05, 1.1]) {
    it(`at ρ ${rho}: mean and p95 within 10 % of the simulator (${SEEDS} seeds)`, () => {
      const load = makeLoad((i) => (i % 30 === 0 ? 80 * rho : 16), DAY, { sloMs: 200 });
      const { engine, requests } = compareEngine(load, 'static', makeContext(DAY), { cores: 4, seeds: SEEDS });
      const mean = engine.meanLatencyMs / requests.meanLatencyMs - 1;
      const p95 = engine.p95LatencyMs / requests.p95LatencyMs - 1;
      expect(Math.abs(mean), `mean ${engine.meanLatencyMs} ms, simulator ${requests.meanLatencyMs}`).toBeLessThan(0.1);
      expect(Math.abs(p95), `p95 ${engine.p95LatencyMs} ms, simulator ${requests.p95LatencyMs}`).toBeLessThan(0.1);
    });
  }
});

describe('drops near ρ = 1: the walk overflows the timeout before its mean gets there', () => {
  // 2 cores of 1 s with a 29 s timeout (a ceiling of 58 waiting), 1 request a second (ρ 0.5) but for
  // five minutes a day at ρ, for 30 days. The mean queue stays below the ceiling, yet the walk about it
  // reaches it: the engine took the stationary M/M/c+D share over a stretch that starts empty, a
  // fluid that drops nothing until its mean reaches the timeout, or an exponential wait about the
  // mean, and read 3 / 520 / 0 drops at ρ 1 / 1.02 / 1.05 against the simulator's 64 / 131 / 284
  // (relaxation.ts ceilingOverflow, serve-pool.ts walkAbandoned). Not tested: at ρ 0.95 a drop is a
  // rare event (the simulator's mean over seeds 1–2 is 0.5, over 1–3 it is 38; the engine's 13).
  // Five minutes at ρ 1.1 as one step: its fluid reaches the ceiling at the step's end, and only its
  // excess was dropped (60 against the simulator's 653).
  const days = 30;
  for (const [rho, stepMinutes] of [
    [1, 5],
    [1.02, 5],
    [1.05, 5],
    [1.1, 5],
    [1.05, 1],
    [1.1, 1],
  ] as const) {
    it(`at ρ ${rho}, ${stepMinutes}-minute steps: drops within 35 % of the simulator (${SEEDS} seeds)`, () => {
      const perDay = 1440 / stepMinutes;
      const steps = perDay * days;
      const load = makeLoad((i) => (i % perDay < 5 / stepMinutes ? 2 * rho : 1), steps, ONE_SECOND);
      const { engine, requests } = compareEngine(load, 'static', makeContext(steps, stepMinutes), {
        cores: 2,
        seeds: SEEDS,
      });
      const drops = engine.droppedRequests / requests.droppedRequests - 1;
      expect(Math.abs(drops), `dropped ${engine.droppedRequests}, simulator ${requests.droppedRequests}`).toBeLessThan(
        0.35,
      );
    });
  }
});

describe('a quarter of an hour near ρ = 1 at 5-minute steps: the walk is stationary before the fluid reaches the ceiling', () => {
  // The same 2 cores of 1 s and 29 s timeout, fifteen minutes a day at ρ. The walk reaches its
  // stationary mean (34 waiting of the ceiling's 58 at ρ 1.02) within the first step; the fluid, rising
  // at the excess, would take ten more minutes to the ceiling, and the backlog dropped nothing until
  // then: 584 at ρ 1.02 and 1,507 at ρ 1.05 against the simulator's 1,097 (8 seeds) and 2,112.
  const days = 30;
  for (const rho of [1.02, 1.05]) {
    it(`fifteen minutes a day at ρ ${rho}: drops within 25 % of the simulator (${SEEDS} seeds)`, () => {
      const steps = (1440 / 5) * days;
      const load = makeLoad((i) => (i % 288 < 3 ? 2 * rho : 1), steps, ONE_SECOND);
      const { engine, requests } = compareEngine(load, 'static', makeContext(steps, 5), { cores: 2, seeds: SEEDS });
      const drops = engine.droppedRequests / requests.droppedRequests - 1;
      expect(Math.abs(drops), `dropped ${engine.droppedRequests}, simulator ${requests.droppedRequests}`).toBeLessThan(
        0.25,
      );
    });
  }
});

describe('a long stretch near ρ = 1 at fine steps, and a long timeout: drops, and the waits of those served', () => {
  // H49's grid (2026-12-07) against the first form of the walk's drops. (1) An hour a day at ρ 1 or
  // 1.02 at 1-minute steps read 20–31 % too few drops: each minute's walk started as young as a queue
  // without the ceiling would be at its length, where the ceiling had held it down. (2) 15 minutes an
  // hour at ρ 1.1 on one core of 1 s with a 100 s timeout read the mean 24–26 % and the p95 30–33 %
  // short at 15-minute steps: the requests lost were taken evenly from the stretch, so the fluid stood
  // lower all along, where a walk loses those that come when it stands highest.
  const days = 30;
  for (const rho of [1, 1.02]) {
    it(`an hour a day at ρ ${rho}, 1-minute steps: drops within 20 % of the simulator (${SEEDS} seeds)`, () => {
      const steps = 1440 * days;
      const load = makeLoad((i) => (i % 1440 < 60 ? 2 * rho : 1), steps, ONE_SECOND);
      const { engine, requests } = compareEngine(load, 'static', makeContext(steps), { cores: 2, seeds: SEEDS });
      const drops = engine.droppedRequests / requests.droppedRequests - 1;
      expect(Math.abs(drops), `dropped ${engine.droppedRequests}, simulator ${requests.droppedRequests}`).toBeLessThan(
        0.2,
      );
    });
  }
  for (const base of [0.3, 0.7]) {
    it(`15 minutes an hour at ρ 1.1 over ρ ${base}, 100 s timeout, 15-minute steps: mean within 12 %, p95 within 10 %`, () => {
      const steps = (1440 / 15) * 10;
      const load = makeLoad((i) => (i % 4 === 0 ? 1.1 : base), steps, { ...ONE_SECOND, timeoutMs: 100_000 });
      const { engine, requests } = compareEngine(load, 'static', makeContext(steps, 15), { cores: 1, seeds: 2 });
      const mean = engine.meanLatencyMs / requests.meanLatencyMs - 1;
      const p95 = engine.p95LatencyMs / requests.p95LatencyMs - 1;
      expect(Math.abs(mean), `mean ${engine.meanLatencyMs} ms, simulator ${requests.meanLatencyMs}`).toBeLessThan(0.12);
      expect(Math.abs(p95), `p95 ${engine.p95LatencyMs} ms, simulator ${requests.p95LatencyMs}`).toBeLessThan(0.1);
      expect(engine.droppedRequests / requests.droppedRequests).toBeGreaterThan(0.8);
    });
  }
});

describe('an hour near ρ = 1 as one step, where the walk would pass the timeout', () => {
  // An hour a day at ρ 1.02 over ρ 0.6 on one core of 1 s with a 100 s timeout, hourly steps (a trace
  // by the hour): the walk's mean from empty would pass the timeout's 100 requests within the hour, so
  // the fluid was left to rise by the excess alone (72 at the end, 36 on average), where the walk's
  // mean under the ceiling nears 60: the month's mean latency read 16 % short (H49-style grid,
  // 2026-12-07; 1 % at 1- to 15-minute steps). Now a ghost lifts it to the walk's mean.
  it(`mean within 8 % of the simulator (${SEEDS} seeds)`, () => {
    const steps = 24 * 30;
    const load = makeLoad((i) => (i % 24 === 0 ? 1.02 : 0.6), steps, { ...ONE_SECOND, timeoutMs: 100_000 });
    const { engine, requests } = compareEngine(load, 'static', makeContext(steps, 60), { cores: 1, seeds: SEEDS });
    const mean = engine.meanLatencyMs / requests.meanLatencyMs - 1;
    expect(Math.abs(mean), `mean ${engine.meanLatencyMs} ms, simulator ${requests.meanLatencyMs}`).toBeLessThan(0.08);
  });
});

describe('the waits of a backlog grown near ρ = 1 spread as its walk does', () => {
  // A queue over its rate is a walk, and each request waits behind the queue it found, short or long,
  // about the fluid's mean (wait-spread.ts). With the waits pinned at the mean, 15 minutes an hour at
  // ρ 1.05 over ρ 0.7 on one core of 1 s with a 100 s timeout read the p95 19–22 % short at every step
  // size (none of the burst's requests far above the mean), and the same at ρ 1.1, 9–17 % short (H49's
  // grid, 2026-12-07); the p95 above was within 20 % only.
  for (const stepMinutes of [1, 5, 15]) {
    it(`15 minutes an hour at ρ 1.05 over ρ 0.7, ${stepMinutes}-minute steps: p95 within 10 % (2 seeds)`, () => {
      const steps = (1440 / stepMinutes) * 10;
      const perHour = 60 / stepMinutes;
      const load = makeLoad((i) => (i % perHour < 15 / stepMinutes ? 1.05 : 0.7), steps, {
        ...ONE_SECOND,
        timeoutMs: 100_000,
      });
      const { engine, requests } = compareEngine(load, 'static', makeContext(steps, stepMinutes), {
        cores: 1,
        seeds: 2,
      });
      const p95 = engine.p95LatencyMs / requests.p95LatencyMs - 1;
      expect(Math.abs(p95), `p95 ${engine.p95LatencyMs} ms, simulator ${requests.p95LatencyMs}`).toBeLessThan(0.1);
    });
  }
});

describe('a steep drift up towards a long timeout: the walk overflows it too', () => {
  // 8 cores of 1 s with a 100 s timeout (a ceiling of 800 waiting), 15 minutes an hour at ρ 1.1 over
  // ρ 0.5: the queue's mean reaches 720 in a burst, its walk (σ√t ≈ 120) the timeout. Too steep for
  // the series between two walls (θL = 76), it was left to the fluid, which drops nothing below the
  // ceiling: 0 against the simulator's thousands (H49's grid, 2026-12-07). Now the walk with nothing
  // holding it at empty (relaxation.ts freeOverflow).
  it(`drops within 40 % of the simulator (2 seeds)`, () => {
    const steps = (1440 / 5) * 3;
    const load = makeLoad((i) => (i % 12 < 3 ? 8.8 : 4), steps, { ...ONE_SECOND, timeoutMs: 100_000 });
    const { engine, requests } = compareEngine(load, 'static', makeContext(steps, 5), { cores: 8, seeds: 2 });
    const drops = engine.droppedRequests / requests.droppedRequests - 1;
    expect(Math.abs(drops), `dropped ${engine.droppedRequests}, simulator ${requests.droppedRequests}`).toBeLessThan(
      0.4,
    );
  });
});

describe('the minutes over the SLO of a backlog grown near ρ = 1, as its walk stands from day to day', () => {
  // Its minutes wait behind the queue the walk stands at then, high on some days and low on others:
  // judged at the mean alone, 15 minutes an hour at ρ 1.02 over ρ 0.7 on one core of 1 s with a 100 s
  // timeout read the minutes over an SLO of 60 s 38 % short and those over 30 s 25 % over (a grid of
  // 27 such loads on 1–8 cores, 2026-12-07: 22 % off on average, 8 % now).
  for (const sloSeconds of [30, 60]) {
    it(`SLO ${sloSeconds} s: minutes over within 15 % of the simulator (2 seeds)`, () => {
      const steps = (1440 / 5) * 10;
      const load = makeLoad((i) => (i % 12 < 3 ? 1.02 : 0.7), steps, {
        ...ONE_SECOND,
        sloMs: sloSeconds * 1000,
        timeoutMs: 100_000,
      });
      const { engine, requests } = compareEngine(load, 'static', makeContext(steps, 5), { cores: 1, seeds: 2 });
      const minutes = engine.sloViolationMinutes / requests.sloViolationMinutes - 1;
      expect(requests.sloViolationMinutes).toBeGreaterThan(300);
      expect(
        Math.abs(minutes),
        `${engine.sloViolationMinutes} minutes over, simulator ${requests.sloViolationMinutes}`,
      ).toBeLessThan(0.15);
    });
  }
});

describe('a backlog grown near ρ = 1 drains as its walk does, not as a fluid', () => {
  // Under the rate the queue's walk reflects at empty: from its spread at the burst's end, its long
  // realisations drain slowly while the short ones reflect, so its mean stays above the fluid's
  // (which drained at the spare rate to nothing) and settles at the stationary queue from above
  // (serve-pool.ts followDrain). Drained as a fluid, on one core of 1 s with a long timeout, the
  // month's mean latency read 21 % short (15 minutes at ρ 1.05, 30 at ρ 0.95, an hour round) and 15 %
  // short (10 minutes at ρ 1.05, 5 at ρ 0.9, 10 at ρ 1.05 again, 35 at ρ 0.5) of the per-request
  // simulator's, the p95 37 % and 25 % short (H51, 2026-12-07). Those arriving during the drain wait
  // behind the queue they find, spread as the draining walk is (wider than a walk grown from empty,
  // towards the exponential it settles to), not all at its mean.
  const cases = [
    {
      name: '15 minutes at ρ 1.05, 30 at ρ 0.95, 15 at ρ 0.5',
      timeoutMs: 900_000,
      segments: [
        [1.05, 15],
        [0.95, 30],
        [0.5, 15],
      ],
    },
    {
      name: '10 minutes at ρ 1.05, 5 at ρ 0.9, 10 at ρ 1.05, 35 at ρ 0.5',
      timeoutMs: 300_000,
      segments: [
        [1.05, 10],
        [0.9, 5],
        [1.05, 10],
        [0.5, 35],
      ],
    },
  ] as const;
  for (const { name, timeoutMs, segments } of cases) {
    it(`${name}, hourly: mean within 10 % of the simulator, p95 within 15 % (2 seeds)`, () => {
      const cycle = segments.reduce((sum, [, minutes]) => sum + minutes, 0);
      const rhoAt = (minute: number): number => {
        let t = minute % cycle;
        for (const [rho, minutes] of segments) {
          if (t < minutes) return rho;
          t -= minutes;
        }
        return segments[0][0];
      };
      const steps = DAY * 10;
      const load = makeLoad(rhoAt, steps, { ...ONE_SECOND, timeoutMs });
      const { engine, requests } = compareEngine(load, 'static', makeContext(steps, 1), { cores: 1, seeds: 2 });
      const mean = engine.meanLatencyMs / requests.meanLatencyMs - 1;
      expect(Math.abs(mean), `mean ${engine.meanLatencyMs} ms, simulator ${requests.meanLatencyMs}`).toBeLessThan(0.1);
      const p95 = engine.p95LatencyMs / requests.p95LatencyMs - 1;
      expect(Math.abs(p95), `p95 ${engine.p95LatencyMs} ms, simulator ${requests.p95LatencyMs}`).toBeLessThan(0.15);
    });
  }
});

describe('a backlog built fast and then growing slowly is as narrow as its walk', () => {
  // The spread of the queue a request finds was read from its length at the drift of the moment, as if
  // grown from empty at that drift. Built at ρ 1.5 and then growing at ρ 1.02, a queue is far younger
  // than that, and narrower: 5 minutes at ρ 1.5, 10 at ρ 1.02 and 45 at ρ 0.6 on one core of 1 s
  // (600 s timeout) read the p95 23 % over the per-request simulator's (H51, 2026-12-07). Now the
  // walk's variance is carried from stretch to stretch (serve-pool.ts PoolState.walkSpread).
  it('5 minutes at ρ 1.5, 10 at ρ 1.02, 45 at ρ 0.6, hourly: p95 within 10 % (2 seeds)', () => {
    const rhoAt = (minute: number): number => {
      const t = minute % 60;
      return t < 5 ? 1.5 : t < 15 ? 1.02 : 0.6;
    };
    const steps = DAY * 10;
    const load = makeLoad(rhoAt, steps, { ...ONE_SECOND, timeoutMs: 600_000 });
    const { engine, requests } = compareEngine(load, 'static', makeContext(steps, 1), { cores: 1, seeds: 2 });
    const p95 = engine.p95LatencyMs / requests.p95LatencyMs - 1;
    expect(Math.abs(p95), `p95 ${engine.p95LatencyMs} ms, simulator ${requests.p95LatencyMs}`).toBeLessThan(0.1);
  });
});
