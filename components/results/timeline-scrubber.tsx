'use client';
/**
 * Replays the simulated month: a slider over the chart points and a play button (a month in about
 * ten seconds). It sets the plan store's timeIndex, which the canvas reads to colour nodes by
 * utilisation and to mark those that drop requests or miss their SLO; "Live" (timeIndex null) goes
 * back to colouring by placement. Above the slider, a marker for each moment the plan reports
 * drops or SLO misses (click to go there); while replaying, a legend for the colours.
 */
import { useDeferredValue, useEffect, useMemo, useRef, useState } from 'react';
import { useEditor, usePlan, usePlanStore } from '@/components/editor/editor-context';
import { formatCount, formatPointTime, replayEvents, type ReplayEvent } from '@/core/present';
import './results.css';

/** A full replay's length (ms) and how often it advances. */
const REPLAY_MS = 10_000;
const TICK_MS = 50;
/** Ticks the replay stays on a marked moment (drops, SLO misses) before it goes on: 1.5 s. */
const EVENT_HOLD_TICKS = 30;

export function TimelineScrubber() {
  const planStore = usePlanStore();
  const timeIndex = usePlan((s) => s.timeIndex);
  const pointMinutes = usePlan((s) => s.result?.series.pointMinutes ?? 60);
  const points = usePlan((s) =>
    s.result ? (Object.values(s.result.series.components)[0]?.static.demand.length ?? 0) : 0,
  );
  // Scanning every series for marked moments waits for a quiet moment after a new plan.
  const result = useDeferredValue(usePlan((s) => s.result));
  const events = useMemo(() => replayEvents(result), [result]);
  const [isPlaying, setPlaying] = useState(false);
  const timer = useRef<ReturnType<typeof setInterval> | null>(null);

  useEffect(() => {
    if (!isPlaying || points === 0) return;
    const step = Math.max(1, Math.round((points * TICK_MS) / REPLAY_MS));
    const { timeIndex: at } = planStore.getState();
    if (at === null || at >= points - 1) planStore.getState().setTimeIndex(0);
    let hold = 0;
    timer.current = setInterval(() => {
      if (hold > 0) {
        hold--;
        return;
      }
      const now = planStore.getState().timeIndex ?? 0;
      // Playing skips points; it never skips a moment the plan reports drops or SLO misses in, and
      // stays on it a moment so that it can be seen.
      const event = events.find((e) => e.from > now && e.from <= now + step);
      const next = Math.min(points - 1, event ? event.from : now + step);
      if (event) hold = EVENT_HOLD_TICKS;
      planStore.getState().setTimeIndex(next);
      if (next >= points - 1) setPlaying(false);
    }, TICK_MS);
    return () => {
      if (timer.current) clearInterval(timer.current);
      timer.current = null;
    };
  }, [isPlaying, points, planStore, events]);

  const disabled = points === 0;
  const value = timeIndex ?? 0;
  const label = timeIndex === null ? 'Live (whole month)' : formatPointTime(timeIndex, pointMinutes);
  return (
    <div className="res-replay">
      <div
        className="res-scrubber"
        role="group"
        aria-label="Timeline replay"
        title="Replay the month: nodes show how busy they are, and red marks drops"
      >
        <button
          type="button"
          className="res-icon-button"
          onClick={() => setPlaying((p) => !p)}
          disabled={disabled}
          aria-label={isPlaying ? 'Pause the replay' : 'Play the month'}
          title={isPlaying ? 'Pause' : 'Play the month'}
        >
          {isPlaying ? <PauseIcon /> : <PlayIcon />}
        </button>
        <div className="res-track">
          <EventMarkers
            events={events}
            points={points}
            pointMinutes={pointMinutes}
            onGo={(i) => planStore.getState().setTimeIndex(i)}
          />
          <input
            type="range"
            min={0}
            max={Math.max(0, points - 1)}
            step={1}
            value={value}
            disabled={disabled}
            aria-label="Time in the simulated month"
            aria-valuetext={label}
            onChange={(e) => planStore.getState().setTimeIndex(Number(e.currentTarget.value))}
          />
        </div>
        <output aria-live="off">{label}</output>
        <button
          type="button"
          className="button small"
          disabled={timeIndex === null}
          title="Back to the live view: nodes coloured by placement"
          onClick={() => {
            setPlaying(false);
            planStore.getState().setTimeIndex(null);
          }}
        >
          Live
        </button>
      </div>
      {timeIndex !== null && <ReplayLegend marked={events.length > 0} />}
    </div>
  );
}

function describeEvent(e: ReplayEvent, pointMinutes: number, names: Map<string, string>): string {
  const what = [
    e.dropped >= 1 && `${formatCount(e.dropped)} requests dropped`,
    e.sloMinutes > 0 && `${formatCount(e.sloMinutes)} minutes over the SLO`,
  ]
    .filter(Boolean)
    .join(', ');
  const who = e.componentIds.map((id) => names.get(id) ?? id).join(', ');
  return `${formatPointTime(e.from, pointMinutes)}: ${what} (${who})`;
}

/** A mark over the slider for each episode of drops or SLO misses; clicking one replays that moment. */
function EventMarkers({
  events,
  points,
  pointMinutes,
  onGo,
}: {
  events: ReplayEvent[];
  points: number;
  pointMinutes: number;
  onGo: (index: number) => void;
}) {
  const components = useEditor((s) => s.design.components);
  const names = useMemo(() => new Map(components.map((c) => [c.id, c.name])), [components]);
  if (points < 2 || events.length === 0) return null;
  return (
    <div className="res-events" role="list" aria-label="Moments with drops or SLO misses">
      {events.map((e) => {
        const text = describeEvent(e, pointMinutes, names);
        return (
          <span role="listitem" key={e.from} style={{ left: `${(e.from / (points - 1)) * 100}%` }}>
            <button
              type="button"
              className={`res-event${e.dropped >= 1 ? ' dropped' : ''}`}
              aria-label={`Replay ${text}`}
              title={text}
              data-testid="replay-event"
              onClick={() => onGo(e.from)}
            />
          </span>
        );
      })}
    </div>
  );
}

/** What the replay's colours mean; the timeline's marks only when there are any. */
function ReplayLegend({ marked }: { marked: boolean }) {
  return (
    <div className="res-replay-legend" aria-label="Replay legend" data-testid="replay-legend">
      <span className="res-heat-scale">
        <span>busy</span>
        <i aria-hidden="true" />
        <span>0 % → 100 %</span>
      </span>
      <span>
        <i className="res-alarm-key" aria-hidden="true">
          !
        </i>{' '}
        drops requests or misses its SLO in this moment
      </span>
      {marked && (
        <span>
          <i className="res-event-key" aria-hidden="true" /> a moment the plan reports drops or SLO misses (click to go
          there)
        </span>
      )}
    </div>
  );
}

function PlayIcon() {
  return (
    <svg width="14" height="14" viewBox="0 0 14 14" aria-hidden="true">
      <path d="M3 1.5v11l9-5.5z" fill="currentColor" />
    </svg>
  );
}

function PauseIcon() {
  return (
    <svg width="14" height="14" viewBox="0 0 14 14" aria-hidden="true">
      <path d="M3 1.5h3v11H3zM8 1.5h3v11H8z" fill="currentColor" />
    </svg>
  );
}
