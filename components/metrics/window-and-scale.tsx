'use client';
/**
 * Making a measured series one's own before attaching it: which days of a long series to simulate
 * (by default the horizon's length around its highest point) and how to scale it to one's own
 * traffic (as measured, by a factor, or to the peak one expects). Each change re-classifies in the
 * worker; a value that cannot be used is marked at its field and nothing is re-run.
 */
import { useId, useState } from 'react';
import type { Scaling, SeriesWindow } from '@/core/measure';
import type { MetricsReading } from './metrics-protocol';
import { readField } from './read-field';
import styles from './metrics.module.css';

const number = new Intl.NumberFormat('en-US', { maximumSignificantDigits: 4 });
const fmt = (v: number) => number.format(v);
const days = (hours: number) => Math.round((hours / 24) * 100) / 100;

export interface WindowAndScaleProps {
  reading: MetricsReading;
  horizonDays: number;
  busy: boolean;
  onWindow: (window: SeriesWindow | null) => void;
  onScaling: (scaling: Scaling) => void;
}

export function WindowAndScale(props: WindowAndScaleProps) {
  const { reading } = props;
  // Remount when the worker settles on other values, so the fields show what was applied.
  const key = `${reading.window.startHour}/${reading.window.hours}/${JSON.stringify(reading.scaling)}`;
  return <Controls key={key} {...props} />;
}

function Controls({ reading, horizonDays, busy, onWindow, onScaling }: WindowAndScaleProps) {
  const id = useId();
  const spanDays = days(reading.spanHours);
  const [from, setFrom] = useState(String(days(reading.window.startHour)));
  const [length, setLength] = useState(String(days(reading.window.hours)));
  const [kind, setKind] = useState<Scaling['kind']>(reading.scaling.kind);
  const [factor, setFactor] = useState(reading.scaling.kind === 'factor' ? String(reading.scaling.factor) : '1');
  const [peak, setPeak] = useState(
    reading.scaling.kind === 'peak' ? String(reading.scaling.peakRps) : fmt(reading.measuredPeakRps).replace(/,/g, ''),
  );

  const fromField = readField(from, (v) => v >= 0, { subject: 'The first day', must: 'a number, 0 or more' });
  const lengthField = readField(length, (v) => v > 0, { subject: 'The length', must: 'a number of days above 0' });
  const fromDay = fromField.value;
  const lengthDays = lengthField.value;
  const windowError =
    fromField.error ??
    (fromDay >= spanDays
      ? `The series covers ${fmt(spanDays)} days.`
      : (lengthField.error ??
        (lengthDays > horizonDays ? `At most the ${horizonDays} days the design simulates.` : null)));
  const scaleField = (k: Scaling['kind']) =>
    k === 'factor'
      ? readField(factor, (v) => v > 0, { subject: 'The factor', must: 'a number above 0' })
      : readField(peak, (v) => v > 0, { subject: 'The peak', must: 'a number of req/s above 0' });
  const scaleError = kind === 'measured' ? null : scaleField(kind).error;

  function applyWindow() {
    if (windowError) return;
    const next = { startHour: fromDay * 24, hours: lengthDays * 24 };
    if (next.startHour !== reading.window.startHour || next.hours !== reading.window.hours) onWindow(next);
  }
  function applyScaling(nextKind = kind) {
    if (nextKind === 'measured') return onScaling({ kind: 'measured' });
    const { value, error } = scaleField(nextKind);
    if (error) return;
    onScaling(nextKind === 'factor' ? { kind: 'factor', factor: value } : { kind: 'peak', peakRps: value });
  }
  const onEnter = (apply: () => void) => (e: React.KeyboardEvent) => {
    if (e.key === 'Enter') {
      e.preventDefault();
      apply();
    }
  };
  const isLong = reading.spanHours > reading.window.hours + 1e-6 || reading.window.startHour > 0;

  return (
    <div className={styles.shape}>
      <fieldset className={styles.group} disabled={busy}>
        <legend>Days simulated</legend>
        <p className={styles.note}>
          The file covers {fmt(spanDays)} days; the design simulates {horizonDays}.{' '}
          {isLong ? 'Choose the days to use:' : 'All of it is used.'}
        </p>
        <div className={styles.row}>
          <label htmlFor={`${id}-from`}>From day</label>
          <input
            id={`${id}-from`}
            className={styles.number}
            inputMode="decimal"
            value={from}
            aria-invalid={windowError ? true : undefined}
            aria-describedby={windowError ? `${id}-window-error` : undefined}
            onChange={(e) => setFrom(e.target.value)}
            onBlur={applyWindow}
            onKeyDown={onEnter(applyWindow)}
          />
          <label htmlFor={`${id}-days`}>for</label>
          <input
            id={`${id}-days`}
            aria-label="Number of days"
            className={styles.number}
            inputMode="decimal"
            value={length}
            aria-invalid={windowError ? true : undefined}
            aria-describedby={windowError ? `${id}-window-error` : undefined}
            onChange={(e) => setLength(e.target.value)}
            onBlur={applyWindow}
            onKeyDown={onEnter(applyWindow)}
          />
          <span>days</span>
          <button type="button" className="button small" onClick={() => onWindow(null)}>
            Around the peak
          </button>
        </div>
        {windowError && (
          <p id={`${id}-window-error`} className={styles.fieldError}>
            {windowError}
          </p>
        )}
        {reading.occasionOutside && (
          <p className={styles.note} role="status">
            The occasion the pattern was fitted on falls outside these days; the fitted pattern puts it at their{' '}
            {reading.classification.workload.peakStartHour === 0 ? 'start' : 'end'}.
          </p>
        )}
      </fieldset>
      <fieldset className={styles.group} disabled={busy}>
        <legend>Scale to your traffic</legend>
        <label className={styles.choice}>
          <input
            type="radio"
            name={`${id}-scale`}
            checked={kind === 'measured'}
            onChange={() => {
              setKind('measured');
              applyScaling('measured');
            }}
          />
          as measured (peak {fmt(reading.measuredPeakRps)} req/s)
        </label>
        <div className={styles.choice}>
          <input
            id={`${id}-by-factor`}
            type="radio"
            name={`${id}-scale`}
            checked={kind === 'factor'}
            onChange={() => {
              setKind('factor');
              applyScaling('factor');
            }}
          />
          <label htmlFor={`${id}-by-factor`}>times</label>
          <input
            className={styles.number}
            inputMode="decimal"
            aria-label="Scale factor"
            value={factor}
            aria-invalid={kind === 'factor' && scaleError ? true : undefined}
            onFocus={() => setKind('factor')}
            onChange={(e) => setFactor(e.target.value)}
            onBlur={() => applyScaling('factor')}
            onKeyDown={onEnter(() => applyScaling('factor'))}
          />
        </div>
        <div className={styles.choice}>
          <input
            id={`${id}-to-peak`}
            type="radio"
            name={`${id}-scale`}
            checked={kind === 'peak'}
            onChange={() => {
              setKind('peak');
              applyScaling('peak');
            }}
          />
          <label htmlFor={`${id}-to-peak`}>to a peak of</label>
          <input
            className={styles.number}
            inputMode="decimal"
            aria-label="Target peak (req/s)"
            value={peak}
            aria-invalid={kind === 'peak' && scaleError ? true : undefined}
            onFocus={() => setKind('peak')}
            onChange={(e) => setPeak(e.target.value)}
            onBlur={() => applyScaling('peak')}
            onKeyDown={onEnter(() => applyScaling('peak'))}
          />
          <span>req/s</span>
        </div>
        {scaleError && <p className={styles.fieldError}>{scaleError}</p>}
        {reading.factor !== 1 && (
          <p className={styles.note} data-testid="measured-scaled">
            Scaled ×{fmt(reading.factor)}: peak {fmt(reading.measuredPeakRps * reading.factor)} req/s.
          </p>
        )}
      </fieldset>
    </div>
  );
}
