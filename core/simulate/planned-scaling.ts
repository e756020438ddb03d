/**
 * Capacity planned for peaks known in advance. An architect who knows a sale starts at 09:00, or that
 * traffic peaks every day at noon, does not wait for an autoscaler to notice: a scheduled action
 * raises the group's minimum so the instances are in service when the peak starts (EC2 Auto
 * Scaling "scheduled scaling"; for recurring load, "predictive scaling", which forecasts daily and
 * weekly patterns and launches capacity ahead of them — AWS documentation, checked 2026-12; a
 * traffic manager's weights changed on the same schedule), and lowers it when the peak is over,
 * after which target tracking scales in by its own datapoints. Only peaks the design says are
 * known (generated once-in-a-lifetime and periodic workloads, component-load.ts PlannedPeak) are
 * planned; unpredictable spikes, growth and measured series are left to the reactive autoscaler.
 */
import type { PlannedPeak } from './component-load';

/** A scheduled action: at `at` seconds, the minimum becomes `min` instances (null: the policy's). */
export interface ScheduledAction {
  at: number;
  min: number | null;
}

/**
 * The scheduled actions for `peaks`: each raises the minimum `leadSeconds` before its peak starts
 * (so launched instances have booted by then) to `instancesFor(peak)` and restores it when the
 * peak ends; where windows overlap, the larger minimum holds. Sorted by time; O(n log n) in the
 * number of peaks plus the overlaps.
 */
export function scheduleActions(
  peaks: readonly PlannedPeak[] | undefined,
  leadSeconds: number,
  instancesFor: (peakRps: number) => number,
): ScheduledAction[] {
  if (!peaks || peaks.length === 0) return [];
  const windows = peaks
    .map((p) => ({ from: Math.max(0, p.startSeconds - leadSeconds), to: p.endSeconds, min: instancesFor(p.peakRps) }))
    .filter((w) => w.to > w.from)
    .sort((a, b) => a.from - b.from);
  const times = [...new Set(windows.flatMap((w) => [w.from, w.to]))].sort((a, b) => a - b);
  const actions: ScheduledAction[] = [];
  let active: typeof windows = [];
  let next = 0;
  let current: number | null = null;
  for (const at of times) {
    while (next < windows.length && (windows[next] as { from: number }).from <= at)
      active.push(windows[next++] as never);
    active = active.filter((w) => w.to > at);
    let min: number | null = null;
    for (const w of active) if (min === null || w.min > min) min = w.min;
    if (min !== current) {
      actions.push({ at, min });
      current = min;
    }
  }
  return actions;
}

/**
 * Walks a schedule along a simulation's clock (times never go back): applies the actions due by `t`
 * to the scaler and says when the next is due, so the caller can cut its interval there.
 */
export class ScheduleCursor {
  private next = 0;

  constructor(private readonly actions: readonly ScheduledAction[]) {}

  /**
   * Applies, in order, every action due by `t` to `scaler`. Step loops ask `nextAt()` first: this
   * call is not inlined into them, and passing it the time boxed a number on every stretch.
   */
  applyDue(t: number, scaler: { setMinimum(t: number, min: number | null): void }): void {
    const { actions } = this;
    while (this.next < actions.length && (actions[this.next] as ScheduledAction).at <= t + 1e-9)
      scaler.setMinimum(t, (actions[this.next++] as ScheduledAction).min);
  }

  /** When the next action is due (Infinity when none is left). */
  nextAt(): number {
    return this.next < this.actions.length ? (this.actions[this.next] as ScheduledAction).at : Number.POSITIVE_INFINITY;
  }
}

/**
 * Answers "is `t` inside a planned peak, and when does the next one start" for times that never go
 * back (a simulation's clock), in amortised O(1) per question.
 */
export class PlannedClock {
  private readonly spans: { start: number; end: number }[] = [];
  private index = 0;

  constructor(peaks: readonly PlannedPeak[] | undefined) {
    const sorted = [...(peaks ?? [])].sort((a, b) => a.startSeconds - b.startSeconds);
    for (const p of sorted) {
      const last = this.spans[this.spans.length - 1];
      if (last && p.startSeconds <= last.end) last.end = Math.max(last.end, p.endSeconds);
      else if (p.endSeconds > p.startSeconds) this.spans.push({ start: p.startSeconds, end: p.endSeconds });
    }
  }

  /**
   * Whether any peak is planned. Without one, step loops skip `inside` and `nextStartAfter`, calls
   * not inlined into them that boxed the time they were passed on every stretch.
   */
  get hasPeaks(): boolean {
    return this.spans.length > 0;
  }

  /** Whether `t` lies in a planned peak (its own time, without the lead). */
  inside(t: number): boolean {
    this.advance(t);
    const s = this.spans[this.index];
    return s !== undefined && s.start <= t && t < s.end;
  }

  /** The start of the next planned peak after `t` (Infinity when none). */
  nextStartAfter(t: number): number {
    this.advance(t);
    for (let i = this.index; i < this.spans.length; i++) {
      const s = this.spans[i] as { start: number };
      if (s.start > t + 1e-9) return s.start;
    }
    return Number.POSITIVE_INFINITY;
  }

  /**
   * The first start or end of a peak after `t` (Infinity when none). Calls with times that only grow
   * answer alike below it: `inside(x)` and `nextStartAfter(t)` change only where x (t + 1e-9 for
   * the latter) reaches a start or an end.
   */
  nextChangeAfter(t: number): number {
    this.advance(t);
    for (let i = this.index; i < this.spans.length; i++) {
      const s = this.spans[i] as { start: number; end: number };
      if (s.start > t) return s.start;
      if (s.end > t) return s.end;
    }
    return Number.POSITIVE_INFINITY;
  }

  private advance(t: number): void {
    while (this.index < this.spans.length && (this.spans[this.index] as { end: number }).end <= t) this.index++;
  }
}
