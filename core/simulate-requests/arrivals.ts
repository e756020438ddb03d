/**
 * Seeded Poisson arrivals at each step's rate: exponential gaps, drawn afresh at every step boundary
 * (the process is memoryless, so a rate that changes at a boundary needs nothing more). Each arrival
 * is async with the step's async share of the rate.
 */
import { createPrng } from '../workload/prng';

export class Arrivals {
  /** Time of the next arrival, seconds (Infinity after the horizon). */
  at = 0;
  isAsync = false;
  private step = 0;
  readonly random: () => number;

  constructor(
    private readonly total: Float32Array,
    private readonly asyncPart: Float32Array | null,
    private readonly dt: number,
    private readonly steps: number,
    seed: number,
  ) {
    this.random = createPrng(seed);
    this.at = 0;
    this.advance(0);
  }

  /** Exponential with the given mean. */
  exponential(mean: number): number {
    return -Math.log(1 - this.random()) * mean;
  }

  /** Moves to the first arrival after `from`. */
  advance(from: number): void {
    let t = from;
    for (;;) {
      if (this.step >= this.steps) {
        this.at = Number.POSITIVE_INFINITY;
        return;
      }
      const rate = this.total[this.step] as number;
      const end = (this.step + 1) * this.dt;
      const next = rate > 0 ? t + this.exponential(1 / rate) : Number.POSITIVE_INFINITY;
      if (next < end) {
        this.at = next;
        const a = this.asyncPart === null ? 0 : (this.asyncPart[this.step] as number);
        this.isAsync = a > 0 && this.random() * rate < a;
        return;
      }
      t = end;
      this.step++;
    }
  }
}
