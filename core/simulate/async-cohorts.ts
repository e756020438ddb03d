/**
 * Messages waiting in a backlog, in arrival order, so each learns its wait when it is served rather
 * than from a guess when it arrives. A backlog drains at whatever rate the cores reach later — an
 * autoscaler may multiply them, a traffic manager may move the work to the cloud — so the wait of a
 * message is known only at its departure. Arrivals of one stretch form a cohort (n messages arriving
 * evenly from t0 to t1); departures take messages from the oldest cohort at the stretch's rate; when
 * a cohort's last message has left, its first waited s0 − t0 and its last s1 − t1 (seconds), the
 * ones between in proportion, and it is reported. Memory grows only with the backlog's stretches.
 */

export interface DoneCohort {
  /** Messages, and the stretch's weight in SLO minutes (arrival window × this class's share). */
  count: number;
  minutes: number;
  /** Waits of the first and last message, seconds. */
  firstWait: number;
  lastWait: number;
}

export class Cohorts {
  private count: number[] = [];
  private left: number[] = [];
  private from: number[] = [];
  private to: number[] = [];
  private minutes: number[] = [];
  private firstOut: number[] = [];
  private head = 0;

  get isEmpty(): boolean {
    return this.head >= this.count.length;
  }

  /** Messages still waiting. */
  waiting(): number {
    let n = 0;
    for (let k = this.head; k < this.left.length; k++) n += this.left[k] as number;
    return n;
  }

  add(count: number, from: number, to: number, minutes: number): void {
    if (!(count > 0)) return;
    this.count.push(count);
    this.left.push(count);
    this.from.push(from);
    this.to.push(to);
    this.minutes.push(minutes);
    this.firstOut.push(Number.NaN);
  }

  /** `n` messages leave evenly from time `at` over `seconds`; every cohort completed is passed to `done`. */
  depart(n: number, at: number, seconds: number, done: (c: DoneCohort) => void): void {
    const rate = seconds > 0 ? n / seconds : Number.POSITIVE_INFINITY;
    let gone = 0;
    while (n - gone > 1e-9 && !this.isEmpty) {
      const k = this.head;
      const left = this.left[k] as number;
      if (Number.isNaN(this.firstOut[k])) this.firstOut[k] = at + gone / rate;
      const take = Math.min(left, n - gone);
      gone += take;
      this.left[k] = left - take;
      if (this.left[k] <= 1e-9) {
        done(this.finish(k, at + gone / rate));
        this.head++;
      }
    }
    this.compact();
  }

  /** Every waiting message leaves at `rate` per second from `at` (a backlog that returns to normal). */
  flush(at: number, rate: number, done: (c: DoneCohort) => void): void {
    const n = this.waiting();
    if (n > 0) this.depart(n, at, rate > 0 ? n / rate : 0, done);
  }

  /** Removes up to `n` of the newest waiting messages and hands them to `into` (work moved elsewhere). */
  moveNewest(n: number, into: Cohorts): void {
    let moved = 0;
    while (n - moved > 1e-9 && !this.isEmpty) {
      const k = this.left.length - 1;
      const left = this.left[k] as number;
      const take = Math.min(left, n - moved);
      const share = take / (this.count[k] as number);
      // The newest part of the cohort: arrivals from the end of its window backwards.
      const span = (this.to[k] as number) - (this.from[k] as number);
      const cut = (this.to[k] as number) - span * (take / left) * (left / (this.count[k] as number));
      into.add(take, cut, this.to[k] as number, (this.minutes[k] as number) * share);
      moved += take;
      if (take >= left - 1e-9) {
        for (const a of [this.count, this.left, this.from, this.to, this.minutes, this.firstOut]) a.pop();
      } else {
        this.left[k] = left - take;
        this.count[k] = (this.count[k] as number) - take;
        this.minutes[k] = (this.minutes[k] as number) * (1 - share);
        this.to[k] = cut;
      }
    }
  }

  private finish(k: number, lastOut: number): DoneCohort {
    return {
      count: this.count[k] as number,
      minutes: this.minutes[k] as number,
      firstWait: Math.max(0, (this.firstOut[k] as number) - (this.from[k] as number)),
      lastWait: Math.max(0, lastOut - (this.to[k] as number)),
    };
  }

  private compact(): void {
    if (this.head > 256 && this.head * 2 > this.count.length) {
      for (const a of [this.count, this.left, this.from, this.to, this.minutes, this.firstOut]) a.splice(0, this.head);
      this.head = 0;
    }
  }
}
