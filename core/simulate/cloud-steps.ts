/**
 * The steps in which a burst's traffic manager sent requests to the cloud, and how many: what its
 * callers' calls across the link depend on minute by minute. A caller in the data centre crosses with
 * the calls the callee's cloud answers, which are many in the callee's busy minutes and none in the
 * rest; a burst caller's own cloud side serves in its busy minutes, which are often the same. Read by
 * call-delay-parts.ts, so that the delays fall on the requests they fall on (a web shop bursting
 * with its catalogue read a mean 34.5 ms with the month's shares, 26.2 ms request by request).
 * Only the steps with something routed are kept (a burst routes in a few hours of a month).
 */
export interface CloudSteps {
  /** Step indices, ascending. */
  step: Int32Array;
  /** Requests in each step (all, then the sync ones). */
  requests: Float32Array;
  syncRequests: Float32Array;
  /** Share of each step's requests (all, then the sync ones) the manager sent to the cloud. */
  share: Float32Array;
  syncShare: Float32Array;
  /** The horizon's requests and sync requests, every step's. */
  totalRequests: number;
  totalSync: number;
  /** Seconds of a step. */
  stepSeconds: number;
}

/**
 * Gathers CloudSteps as a burst's simulation goes (its steps in order, each in one or more stretches).
 * One serves run after run (reset): finish copies what it gathered out, and its arrays, grown once,
 * stay (each growth made five typed arrays, a cost a browser's worker feels: plan-worker profile,
 * 2026-12-06).
 */
export class CloudStepsBuilder {
  private n = 0;

  /** Empty again, its arrays kept. */
  reset(): this {
    this.n = 0;
    return this;
  }
  private step = new Int32Array(64);
  private requests = new Float64Array(64);
  private syncRequests = new Float64Array(64);
  private routed = new Float64Array(64);
  private syncRouted = new Float64Array(64);

  /**
   * A stretch of `seconds` of step `i` at `rps` (`syncRps` of it sync) in which `toCloud` requests a
   * second (`syncToCloud` of them sync) went to the cloud; `stepSeconds` long steps.
   */
  add(
    i: number,
    stepSeconds: number,
    seconds: number,
    rps: number,
    syncRps: number,
    toCloud: number,
    syncToCloud: number,
  ) {
    if (!(toCloud > 0)) return;
    let k = this.n - 1;
    if (k < 0 || this.step[k] !== i) {
      if (this.n === this.step.length) this.grow();
      k = this.n++;
      this.step[k] = i;
      this.requests[k] = rps * stepSeconds;
      this.syncRequests[k] = syncRps * stepSeconds;
      this.routed[k] = 0;
      this.syncRouted[k] = 0;
    }
    this.routed[k] = (this.routed[k] as number) + toCloud * seconds;
    this.syncRouted[k] = (this.syncRouted[k] as number) + syncToCloud * seconds;
  }

  private grow(): void {
    const more = <T extends Int32Array | Float64Array>(a: T): T => {
      const b = new (a.constructor as new (n: number) => T)(a.length * 2);
      b.set(a);
      return b;
    };
    this.step = more(this.step);
    this.requests = more(this.requests);
    this.syncRequests = more(this.syncRequests);
    this.routed = more(this.routed);
    this.syncRouted = more(this.syncRouted);
  }

  /** The steps gathered, with the horizon's totals (`total`, `async`: its series per second; `dt` a step's seconds). */
  finish(total: ArrayLike<number>, async: ArrayLike<number> | null, steps: number, dt: number): CloudSteps {
    let all = 0;
    let sync = 0;
    for (let i = 0; i < steps; i++) {
      const rps = total[i] as number;
      all += rps;
      sync += async === null ? rps : rps - (async[i] as number);
    }
    const n = this.n;
    // The five arrays are views of one buffer (four bytes an element each): one allocation, not five
    // (this method was ~2 % of each plan worker's time on a 50-component edit, 2026-12-07).
    const buffer = new ArrayBuffer(20 * n);
    const step = new Int32Array(buffer, 0, n);
    const requests = new Float32Array(buffer, 4 * n, n);
    const syncRequests = new Float32Array(buffer, 8 * n, n);
    const share = new Float32Array(buffer, 12 * n, n);
    const syncShare = new Float32Array(buffer, 16 * n, n);
    step.set(this.step.subarray(0, n));
    for (let k = 0; k < n; k++) {
      const r = this.requests[k] as number;
      const s = this.syncRequests[k] as number;
      requests[k] = r;
      syncRequests[k] = s;
      share[k] = r > 0 ? Math.min(1, (this.routed[k] as number) / r) : 0;
      syncShare[k] = s > 0 ? Math.min(1, (this.syncRouted[k] as number) / s) : 0;
    }
    return {
      step,
      requests,
      syncRequests,
      share,
      syncShare,
      totalRequests: all * dt,
      totalSync: sync * dt,
      stepSeconds: dt,
    };
  }
}
