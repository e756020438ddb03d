'use client';
/**
 * A small chart of one or more series over time, drawn as plain SVG: horizontal grid lines at the y
 * ticks, the two axes with their labels, an area or a line per series, and a tooltip that follows
 * the pointer. It replaces recharts for the editor's charts that redraw on every plan (a component's
 * four option charts and its load preview): recharts rebuilt a redux store and its selectors per
 * chart and measured labels in the DOM, the main-thread's longest tasks after an edit (profiled in
 * Chromium, bench/RESULTS.md). Here a redraw is a few path strings and one React render; the width
 * is read once when the chart mounts and again only when its box is resized.
 */
import { useId, useLayoutEffect, useMemo, useRef, useState, type PointerEvent } from 'react';
import { linear, nearestIndex, pathOf } from './chart-scale';
import './time-chart.css';

export interface TimeSeries {
  /** Name in the tooltip. */
  label: string;
  values: ArrayLike<number>;
  kind: 'area' | 'line';
  curve?: 'linear' | 'step';
  /** Class of its path(s), for its colours. */
  className?: string;
}

export interface TimeChartProps {
  /** The points' x values, ascending; each series has one value per point. */
  x: ArrayLike<number>;
  series: readonly TimeSeries[];
  height: number;
  /** Fixed width in pixels; without it the chart fills its container's width. */
  width?: number;
  xDomain: readonly [number, number];
  xTicks: readonly number[];
  xFormat: (x: number) => string;
  /** Ticks of the y axis, from 0 up: the last is the top of the chart (higher values are clipped). */
  yTicks: readonly number[];
  yFormat: (y: number) => string;
  /** Room for the y axis's labels. */
  yAxisWidth?: number;
  xAxisHeight?: number;
  margin?: { top: number; right: number };
  dashedGrid?: boolean;
  /** The tooltip's heading and each value's text. */
  tipTitle: (x: number) => string;
  tipValue: (y: number) => string;
}

/** Roughly the width of a 10 px label (for keeping the last x label inside the chart). */
const CHAR_PX = 6;

export function TimeChart(props: TimeChartProps) {
  const { height, width: fixed, x, series, xDomain, xTicks, yTicks, xFormat, yFormat } = props;
  const box = useRef<HTMLDivElement>(null);
  const measured = useWidth(box, fixed === undefined);
  const width = fixed ?? measured;
  const clip = useId();
  const [hover, setHover] = useState<number | null>(null);

  const yAxis = props.yAxisWidth ?? 36;
  const xAxis = props.xAxisHeight ?? 18;
  const margin = props.margin ?? { top: 6, right: 8 };
  const plot = { left: yAxis, top: margin.top, right: width - margin.right, bottom: height - xAxis };
  const top = yTicks.at(-1) ?? 1;
  const [x0, x1] = xDomain;
  const sx = useMemo(() => linear(x0, x1, plot.left, plot.right), [x0, x1, plot.left, plot.right]);
  const sy = useMemo(() => linear(0, top, plot.bottom, plot.top), [top, plot.bottom, plot.top]);
  const paths = useMemo(
    () =>
      width > 0
        ? series.map((s) => ({
            s,
            stroke: pathOf(x, s.values, sx, sy, s.curve ?? 'linear'),
            fill: s.kind === 'area' ? pathOf(x, s.values, sx, sy, s.curve ?? 'linear', plot.bottom) : null,
          }))
        : [],
    [width, series, x, sx, sy, plot.bottom],
  );

  const onMove = (e: PointerEvent<SVGRectElement>) => {
    const rect = e.currentTarget.getBoundingClientRect();
    const at = x0 + ((e.clientX - rect.left) / Math.max(1, rect.width)) * (x1 - x0);
    const i = nearestIndex(x, at);
    setHover(i < 0 ? null : i);
  };

  const hx = hover === null ? 0 : sx(x[hover] as number);
  return (
    <div className="tm-chart" ref={box} style={{ height, width: fixed }}>
      {width > 0 && (
        <svg width={width} height={height} aria-hidden="true" focusable="false">
          <defs>
            <clipPath id={clip}>
              <rect
                x={plot.left}
                y={plot.top - 1}
                width={Math.max(0, plot.right - plot.left)}
                height={plot.bottom - plot.top + 1}
              />
            </clipPath>
          </defs>
          <g className={`tm-chart-grid${props.dashedGrid ? ' dashed' : ''}`}>
            {yTicks.map((t) => (
              <line key={t} x1={plot.left} x2={plot.right} y1={sy(t)} y2={sy(t)} />
            ))}
          </g>
          <g className="tm-chart-axis">
            <line x1={plot.left} x2={plot.right} y1={plot.bottom} y2={plot.bottom} />
            <line x1={plot.left} x2={plot.left} y1={plot.top} y2={plot.bottom} />
            {yTicks.map((t) => (
              <text key={t} x={plot.left - 4} y={sy(t)} textAnchor="end" dominantBaseline="middle">
                {yFormat(t)}
              </text>
            ))}
            {xTicks.map((t) => {
              const label = xFormat(t);
              const at = sx(t);
              // The last label would run past the chart's edge: it ends at the edge instead.
              const anchor = at + (label.length * CHAR_PX) / 2 > width ? 'end' : 'middle';
              return (
                <text
                  key={t}
                  x={anchor === 'end' ? width - 1 : at}
                  y={plot.bottom + 4}
                  textAnchor={anchor}
                  dominantBaseline="hanging"
                >
                  {label}
                </text>
              );
            })}
          </g>
          <g clipPath={`url(#${clip})`}>
            {paths.map(({ s, stroke, fill }) => (
              <g key={s.label} className={s.className}>
                {fill !== null && <path className="tm-chart-area" d={fill} />}
                <path className={s.kind === 'area' ? 'tm-chart-curve' : 'tm-chart-line'} d={stroke} fill="none" />
              </g>
            ))}
          </g>
          {hover !== null && <line className="tm-chart-cursor" x1={hx} x2={hx} y1={plot.top} y2={plot.bottom} />}
          <rect
            className="tm-chart-hit"
            x={plot.left}
            y={plot.top}
            width={Math.max(0, plot.right - plot.left)}
            height={Math.max(0, plot.bottom - plot.top)}
            onPointerMove={onMove}
            onPointerLeave={() => setHover(null)}
          />
        </svg>
      )}
      {hover !== null && width > 0 && (
        <div
          className="tm-chart-tip"
          style={hx > width / 2 ? { right: width - hx + 8, top: plot.top } : { left: hx + 8, top: plot.top }}
        >
          <div className="tm-chart-tip-title">{props.tipTitle(x[hover] as number)}</div>
          {series.map((s) => (
            <div key={s.label} className={s.className}>
              {s.label}: {props.tipValue(s.values[hover] as number)}
            </div>
          ))}
        </div>
      )}
    </div>
  );
}

/** The element's content width, kept current with a ResizeObserver (0 until measured, or when off). */
function useWidth(ref: React.RefObject<HTMLDivElement | null>, on: boolean): number {
  const [width, setWidth] = useState(0);
  useLayoutEffect(() => {
    const el = ref.current;
    if (!on || !el) return;
    setWidth(Math.floor(el.getBoundingClientRect().width));
    const observer = new ResizeObserver((entries) => {
      const w = entries[0]?.contentRect.width;
      if (w !== undefined) setWidth(Math.floor(w));
    });
    observer.observe(el);
    return () => observer.disconnect();
  }, [ref, on]);
  return width;
}
