/**
 * The autoscaler of the per-request simulator, written apart from the engine's so that the two are
 * checked against each other, from the rules alone: a datapoint every `evaluationSeconds` (the busy
 * cores measured over the period, request by request); scale out after 3 datapoints in a row above
 * the target utilisation of the running cores, in after 15 below it; the new fleet is what would
 * put the datapoint at the target (ceil(busy ÷ (vCPU × target)), within min and max); launches pay
 * from launch and serve after `bootSeconds`; no action within `cooldownSeconds` of the last.
 */
export interface ScalerRules {
  vcpu: number;
  targetUtilization: number;
  minInstances: number;
  maxInstances: number;
  bootSeconds: number;
  cooldownSeconds: number;
  evaluationSeconds: number;
}

export class RequestScaler {
  running: number;
  /** [ready at, count] of launches not yet serving. */
  readonly launches: { at: number; count: number }[] = [];
  private lastAction = Number.NEGATIVE_INFINITY;
  private over = 0;
  private under = 0;
  private floor = 0;

  constructor(
    private readonly rules: ScalerRules,
    initialBusyCores: number,
  ) {
    this.running = this.fleetFor(initialBusyCores);
  }

  get booting(): number {
    return this.launches.reduce((n, l) => n + l.count, 0);
  }

  fleetFor(busy: number): number {
    const r = this.rules;
    const n = Math.ceil(busy / (r.vcpu * r.targetUtilization) - 1e-9);
    return Math.min(r.maxInstances, Math.max(r.minInstances, this.floor, n));
  }

  /** A scheduled minimum (0: none): what the fleet lacks of it is launched at `t`, outside the cooldown. */
  setFloor(t: number, floor: number): void {
    this.floor = Math.min(this.rules.maxInstances, floor);
    const lacking = this.floor - this.running - this.booting;
    if (lacking > 0) {
      this.launches.push({ at: t + this.rules.bootSeconds, count: lacking });
      this.ready(t);
    }
  }

  /** Next launch to finish booting, seconds (Infinity: none). */
  nextReady(): number {
    return this.launches.length > 0 ? (this.launches[0] as { at: number }).at : Number.POSITIVE_INFINITY;
  }

  /** Launches ready by `t` start serving. */
  ready(t: number): void {
    while (this.launches.length > 0 && (this.launches[0] as { at: number }).at <= t + 1e-9) {
      this.running += (this.launches.shift() as { count: number }).count;
    }
  }

  datapoint(t: number, busy: number): void {
    const r = this.rules;
    const target = r.targetUtilization * this.running * r.vcpu;
    const isOver = this.running > 0 ? busy > target : busy > 0;
    const isUnder = busy < target;
    this.over = isOver ? this.over + 1 : 0;
    this.under = isUnder && !isOver ? this.under + 1 : 0;
    if (t - this.lastAction < r.cooldownSeconds - 1e-9) return;
    const fleet = this.fleetFor(busy);
    const booting = this.booting;
    if (this.over >= 3 && fleet > this.running + booting) {
      this.launches.push({ at: t + r.bootSeconds, count: fleet - this.running - booting });
      this.lastAction = t;
      this.ready(t);
    } else if (this.under >= 15 && fleet < this.running) {
      this.running = fleet;
      this.lastAction = t;
    }
  }
}
