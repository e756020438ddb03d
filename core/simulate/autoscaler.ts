/**
 * A reactive autoscaler as clouds ship it (target tracking on CPU): at the end of each step it
 * compares the utilisation it observed with the target and launches or stops instances. New
 * instances serve only after the boot delay, and after any action it waits out the cooldown. Because
 * the observed utilisation cannot exceed 100 %, a sudden tenfold spike is met by a few cautious
 * rounds of scaling, not one: Fehling et al. (2012) note such policies "fail when the load increases
 * drastically within very short time frames", and the simulation shows it.
 */

export interface ScalingPolicy {
  vcpu: number;
  targetUtilization: number;
  minInstances: number;
  maxInstances: number;
  /** Steps from launch until an instance serves (at least 1: it acts at the end of a step). */
  bootSteps: number;
  /** Steps to wait after an action before the next. */
  cooldownSteps: number;
}

export function createPolicy(
  vm: {
    vcpu: number;
    targetUtilization: number;
    minInstances: number;
    maxInstances: number;
    bootSeconds: number;
    cooldownSeconds: number;
  },
  dt: number,
  minInstances = vm.minInstances,
): ScalingPolicy {
  return {
    vcpu: vm.vcpu,
    targetUtilization: vm.targetUtilization,
    minInstances: Math.min(minInstances, vm.maxInstances),
    maxInstances: vm.maxInstances,
    bootSteps: Math.max(1, Math.ceil(vm.bootSeconds / dt - 1e-9)),
    cooldownSteps: Math.ceil(vm.cooldownSeconds / dt - 1e-9),
  };
}

export class Autoscaler {
  running: number;
  pending = 0;
  /** Instance-steps paid for (running or booting). */
  instanceSteps = 0;
  private readonly boots: number[] = [];
  private lastAction = -1e9;

  constructor(
    private readonly policy: ScalingPolicy,
    initialBusyCores: number,
  ) {
    this.running = this.desiredFor(initialBusyCores);
  }

  /** Instances needed to run `busyCores` at the target utilisation, within min and max. */
  desiredFor(busyCores: number): number {
    const p = this.policy;
    const want = Math.ceil(busyCores / (p.vcpu * p.targetUtilization) - 1e-9);
    return want < p.minInstances ? p.minInstances : want > p.maxInstances ? p.maxInstances : want;
  }

  /** Brings booted instances into service and pays for the step; returns the cores serving. */
  beginStep(i: number): number {
    while (this.boots.length > 0 && (this.boots[0] as number) <= i) {
      this.boots.shift();
      const count = this.boots.shift() as number;
      this.running += count;
      this.pending -= count;
    }
    this.instanceSteps += this.running + this.pending;
    return this.running * this.policy.vcpu;
  }

  /** Reacts to the busy cores observed in step i. */
  endStep(i: number, busyCores: number): void {
    if (i - this.lastAction < this.policy.cooldownSteps) return;
    const desired = this.desiredFor(busyCores);
    if (desired > this.running + this.pending) {
      const count = desired - this.running - this.pending;
      this.boots.push(i + this.policy.bootSteps, count);
      this.pending += count;
      this.lastAction = i;
    } else if (desired < this.running) {
      this.running = desired;
      this.lastAction = i;
    }
  }
}
