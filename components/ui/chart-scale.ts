/**
 * Scales and paths for the small SVG charts (time-chart.tsx): pure functions, tested apart from React.
 */

/** The plot area inside a chart of `width` × `height` pixels. */
export interface PlotBox {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/** A linear map from [d0, d1] onto [r0, r1]. */
export function linear(d0: number, d1: number, r0: number, r1: number): (v: number) => number {
  const span = d1 - d0;
  const k = span > 0 ? (r1 - r0) / span : 0;
  return (v) => r0 + (v - d0) * k;
}

const STEPS = [1, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10];

/**
 * At most `count` round ticks from 0 to a round value at or above `max`: the smallest step of 1, 1.5,
 * 2, 2.5, 3, 4, 5, 6 or 8 × 10ⁿ that fits (so the top stays near the maximum).
 */
export function niceTicks(max: number, count = 5): number[] {
  if (!(max > 0) || !Number.isFinite(max)) return [0, 1];
  const raw = max / Math.max(1, count - 1);
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = (STEPS.find((m) => m * power >= raw * (1 - 1e-9)) ?? 10) * power;
  const ticks: number[] = [];
  // Integer multiples, rounded to the step's precision, so 0.1 + 0.2 is shown as 0.3.
  const digits = Math.max(0, -Math.floor(Math.log10(step)) + 1);
  for (let k = 0; k * step < max * (1 + 1e-9) || ticks.length < 2; k++) ticks.push(+(k * step).toFixed(digits));
  if ((ticks.at(-1) as number) < max * (1 - 1e-9)) ticks.push(+(ticks.length * step).toFixed(digits));
  return ticks;
}

/**
 * An SVG path through the points (x[i], y[i]): straight segments, or steps that hold each value until
 * the next x (`step`). With `base`, the path closes down to that y and back: an area to fill.
 */
export function pathOf(
  xs: ArrayLike<number>,
  ys: ArrayLike<number>,
  sx: (v: number) => number,
  sy: (v: number) => number,
  curve: 'linear' | 'step',
  base?: number,
): string {
  const n = Math.min(xs.length, ys.length);
  if (n === 0) return '';
  const r = (v: number) => Math.round(v * 10) / 10;
  const parts: string[] = [`M${r(sx(xs[0] as number))},${r(sy(ys[0] as number))}`];
  for (let i = 1; i < n; i++) {
    const x = r(sx(xs[i] as number));
    const y = r(sy(ys[i] as number));
    parts.push(curve === 'step' ? `H${x}V${y}` : `L${x},${y}`);
  }
  if (base !== undefined) {
    parts.push(`L${r(sx(xs[n - 1] as number))},${r(base)}L${r(sx(xs[0] as number))},${r(base)}Z`);
  }
  return parts.join('');
}

/** The index of the point whose x is nearest `x` (xs ascending). */
export function nearestIndex(xs: ArrayLike<number>, x: number): number {
  let lo = 0;
  let hi = xs.length - 1;
  if (hi < 0) return -1;
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if ((xs[mid] as number) <= x) lo = mid;
    else hi = mid;
  }
  return Math.abs((xs[hi] as number) - x) < Math.abs(x - (xs[lo] as number)) ? hi : lo;
}
