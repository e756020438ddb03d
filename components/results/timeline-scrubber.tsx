'use client';
/**
 * Replays the simulated month: a slider over the chart points and a play button (a month in about
 * ten seconds). It sets the plan store's timeIndex, which the canvas reads to colour nodes by
 * utilisation; "Live" (timeIndex null) goes back to colouring by placement.
 */
import { useEffect, useRef, useState } from 'react';
import { usePlan, usePlanStore } from '@/components/editor/editor-context';
import { formatPointTime } from '@/core/present';
import './results.css';

/** A full replay's length (ms) and how often it advances. */
const REPLAY_MS = 10_000;
const TICK_MS = 50;

export function TimelineScrubber() {
  const planStore = usePlanStore();
  const timeIndex = usePlan((s) => s.timeIndex);
  const pointMinutes = usePlan((s) => s.result?.series.pointMinutes ?? 60);
  const points = usePlan((s) =>
    s.result ? (Object.values(s.result.series.components)[0]?.static.demand.length ?? 0) : 0,
  );
  const [isPlaying, setPlaying] = useState(false);
  const timer = useRef<ReturnType<typeof setInterval> | null>(null);

  useEffect(() => {
    if (!isPlaying || points === 0) return;
    const step = Math.max(1, Math.round((points * TICK_MS) / REPLAY_MS));
    const { timeIndex: at } = planStore.getState();
    if (at === null || at >= points - 1) planStore.getState().setTimeIndex(0);
    timer.current = setInterval(() => {
      const now = planStore.getState().timeIndex ?? 0;
      const next = Math.min(points - 1, now + step);
      planStore.getState().setTimeIndex(next);
      if (next >= points - 1) setPlaying(false);
    }, TICK_MS);
    return () => {
      if (timer.current) clearInterval(timer.current);
      timer.current = null;
    };
  }, [isPlaying, points, planStore]);

  const disabled = points === 0;
  const value = timeIndex ?? 0;
  const label = timeIndex === null ? 'Live (whole month)' : formatPointTime(timeIndex, pointMinutes);
  return (
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
