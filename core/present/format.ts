/**
 * How the results panels write numbers and times: dollars with cents, milliseconds, counts with
 * thousands separators, a chart point as "Day 3, 14:00", and a run's progress as one percentage.
 * Pure and locale-fixed (en-US) so that the server-rendered and client-rendered text agree.
 */
import type { PlanProgress } from '../plan/build-plan';

const money = new Intl.NumberFormat('en-US', {
  style: 'currency',
  currency: 'USD',
  minimumFractionDigits: 2,
  maximumFractionDigits: 2,
});
const whole = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
const oneDecimal = new Intl.NumberFormat('en-US', { maximumFractionDigits: 1 });

/** `$1,234.56` */
export function formatMoney(dollars: number): string {
  return Number.isFinite(dollars) ? money.format(dollars) : '—';
}

const fine = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD', maximumSignificantDigits: 4 });

/** A unit price: whole cents as money (`$0.40`), finer prices to four significant digits (`$0.096`, `$0.00001667`). */
export function formatPrice(dollars: number): string {
  if (!Number.isFinite(dollars)) return '—';
  return Math.abs(dollars * 100 - Math.round(dollars * 100)) < 1e-9 ? formatMoney(dollars) : fine.format(dollars);
}

/** `12 ms`, `0.4 ms`, `1,250 ms` */
export function formatMs(ms: number): string {
  if (!Number.isFinite(ms)) return '—';
  return `${ms < 10 ? oneDecimal.format(ms) : whole.format(ms)} ms`;
}

/** A run's duration: `480 ms` below a second, then `7.5 s`, then `2 min 5 s`. */
export function formatDuration(ms: number): string {
  if (!Number.isFinite(ms)) return '—';
  if (ms < 1000) return `${whole.format(ms)} ms`;
  if (ms < 60_000) return `${oneDecimal.format(ms / 1000)} s`;
  const s = Math.round(ms / 1000);
  return `${Math.floor(s / 60)} min${s % 60 ? ` ${s % 60} s` : ''}`;
}

/** An hour of the simulation: `237`, `237.5` (one decimal when it is not whole). */
export function formatHour(h: number): string {
  return Number.isFinite(h) ? oneDecimal.format(h) : '—';
}

/** "1 core", "3 cores": a count and its noun, plural unless it is one. */
export function plural(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}

/** `1,234,567` (rounded to whole units) */
export function formatCount(n: number): string {
  return Number.isFinite(n) ? whole.format(n) : '—';
}

/**
 * A limit that need not be whole — a tolerance of 43.2 minutes, the 21.6 of it a split may use — to
 * one decimal: rounded like a count, "22 minutes over … more than the 22 a split may use" read as
 * nonsense (reviewer's report, 2026-12-06). `43.2`, `21.6`, `1,440`.
 */
export function formatLimit(n: number): string {
  return Number.isFinite(n) ? oneDecimal.format(n) : '—';
}

/** A limit in minutes, the noun singular when the limit reads 1: "1 minute", "43.2 minutes", "1,440 minutes". */
export function formatLimitMinutes(n: number): string {
  const limit = formatLimit(n);
  return `${limit} minute${limit === '1' ? '' : 's'}`;
}

/**
 * A run's SLO-violation minutes as what they are: over its latency target, or — with no target — the
 * minutes it drops requests (all that option-stats.ts counts then). "1 minutes over its target" was
 * said of a component with none.
 */
export function formatMissedMinutes(minutes: number, sloMs: number | undefined): string {
  const count = formatCountOf(minutes, 'minute');
  return sloMs !== undefined ? `${count} over its ${formatMs(sloMs)} target` : `${count} dropping requests`;
}

/** A count and its noun, the noun plural unless the count reads 1: "1 minute", "2,128 minutes", "0 requests". */
export function formatCountOf(n: number, noun: string): string {
  const count = formatCount(n);
  return `${count} ${noun}${count === '1' ? '' : 's'}`;
}

/**
 * The span a count of minutes is over: `a month` for a simulated month (within 10 %), else `in 7 days`
 * (a tolerance of "10 minutes a month" over a week-long simulation said a month where it meant the week).
 */
export function formatSpan(horizonMinutes: number): string {
  const days = horizonMinutes / (24 * 60);
  if (Math.abs(days - 30.4) <= 3.1) return 'a month';
  if (days < 1) {
    const hours = horizonMinutes / 60;
    return `in ${oneDecimal.format(hours)} ${hours === 1 ? 'hour' : 'hours'}`;
  }
  return `in ${oneDecimal.format(days)} ${days === 1 ? 'day' : 'days'}`;
}

/**
 * Requests per second, one decimal below 10: `0.5`, `1,200`; two significant digits below 0.1, so a
 * nightly job's rate is not written `0` (`0.05`, `0.0017`).
 */
export function formatRps(rps: number): string {
  if (!Number.isFinite(rps)) return '—';
  // Loads are kept as 32-bit floats (7 digits) and read back as doubles in places: 1.05 kept reads
  // 1.0499999523, and one screen said "peak 1.1 rps" above a reason that said "peak 1 req/s". Rounded
  // to the digits a float keeps first, both read alike.
  const x = Number(rps.toPrecision(7));
  if (x > 0 && x < 0.1) return String(Number(x.toPrecision(2)));
  return x < 10 ? oneDecimal.format(x) : whole.format(x);
}

/** Start of chart point `index` as `Day 3, 14:00` (day 1 is the first day of the simulation). */
export function formatPointTime(index: number, pointMinutes: number): string {
  const minutes = Math.max(0, Math.round(index * pointMinutes));
  const day = Math.floor(minutes / 1440) + 1;
  const hh = Math.floor((minutes % 1440) / 60);
  const mm = minutes % 60;
  return `Day ${day}, ${String(hh).padStart(2, '0')}:${String(mm).padStart(2, '0')}`;
}

// Share of a run each phase stands for: simulating the components is nearly all of the work.
// Keyed by name, not by the phase type, so that a phase the engine adds later still counts (as 0–90).
const PHASES: Record<string, [from: number, to: number]> = {
  simulate: [0, 90],
  placement: [90, 97],
  wiring: [97, 100],
};

/** A run's progress as a whole percentage, 0–100, increasing across the phases. */
export function progressPercent(progress: PlanProgress | null): number {
  if (!progress) return 0;
  const [from, to] = PHASES[progress.phase] ?? [0, 90];
  const share = progress.total > 0 ? Math.min(1, Math.max(0, progress.done / progress.total)) : 1;
  return Math.round(from + (to - from) * share);
}
