'use client';
/**
 * "Attach measured load…" in a component's inspector (journey 4): pick or drop a CSV, CloudWatch or
 * Prometheus export; choose the days of it to simulate and scale it to one's own traffic; see the
 * measured series beside the fitted pattern's curve, the verdict and its evidence; then keep the
 * fitted fields, keep the measured series as the component's trace, or cancel. Also shows an attached
 * trace and removes it. Every write is one undo step.
 */
import { useId, useState, type DragEvent } from 'react';
import { retryableDynamic } from '@/components/ui/retryable-dynamic';
import { FilePickerButton } from '@/components/ui/file-picker-button';
import type { Component, Workload } from '@/core/model';
import { describeEvidence, fittedWorkload, type RateUnit } from '@/core/measure';
import { useEditor } from '@/components/editor/editor-context';
import { useMetricsImport } from './use-metrics-import';
import { WindowAndScale } from './window-and-scale';
import styles from './metrics.module.css';

// The chart loads with the first measured series, not with the inspector.
const MeasuredChart = retryableDynamic(() => import('./measured-chart').then((m) => m.MeasuredChart), { height: 150 });

const UNIT_LABELS: Record<RateUnit, string> = { second: 'per second', minute: 'per minute', interval: 'per interval' };
const FORMAT_LABELS = {
  csv: 'CSV',
  'cloudwatch-json': 'CloudWatch JSON',
  'cloudwatch-statistics-json': 'CloudWatch JSON',
  'prometheus-json': 'Prometheus JSON',
} as const;
const FIELD_LABELS: Partial<Record<keyof Workload, (v: number) => string>> = {
  baseRps: (v) => `base ${fmt(v)} req/s`,
  peakRps: (v) => `peak ${fmt(v)} req/s`,
  periodHours: (v) => `period ${fmt(v)} h`,
  peakHours: (v) => `peak length ${fmt(v)} h`,
  peakStartHour: (v) => `peak starts at hour ${fmt(v)}`,
  spikesPerWeek: (v) => `${fmt(v)} spikes a week`,
  growthPerMonth: (v) => `growth ${fmt(v * 100)} % a month`,
  noise: (v) => `noise ${fmt(v)}`,
};
const number = new Intl.NumberFormat('en-US', { maximumSignificantDigits: 3 });
const fmt = (v: number) => number.format(v);

function describeFields(w: Workload): string {
  return Object.entries(w)
    .flatMap(([k, v]) =>
      typeof v === 'number' && FIELD_LABELS[k as keyof Workload] ? [FIELD_LABELS[k as keyof Workload]!(v)] : [],
    )
    .join(', ');
}

export function AttachMeasuredLoad({ component }: { component: Component }) {
  const { state, readFile, setOptions, acceptFitted, acceptMeasured, cancel, removeTrace } = useMetricsImport(
    component.id,
  );
  const [dropping, setDropping] = useState(false);
  const unitId = useId();
  const trace = component.workload?.trace;

  const onDrop = (e: DragEvent) => {
    if (!e.dataTransfer.types.includes('Files')) return;
    e.preventDefault();
    e.stopPropagation();
    setDropping(false);
    const file = e.dataTransfer.files[0];
    if (file) void readFile(file);
  };
  const onDragOver = (e: DragEvent) => {
    if (!e.dataTransfer.types.includes('Files')) return;
    e.preventDefault();
    e.dataTransfer.dropEffect = 'copy';
    setDropping(true);
  };

  return (
    <div className={styles.section} data-testid="measured-load">
      {trace && (
        <p className={styles.attached}>
          A measured series is attached ({trace.rps.length.toLocaleString('en-US')} points every {trace.stepMinutes}{' '}
          min); it replaces the pattern&apos;s curve.{' '}
          <button type="button" className="button small danger-text" onClick={removeTrace}>
            Remove measured series
          </button>
        </p>
      )}
      <div
        className={`${styles.drop} ${dropping ? styles.dropping : ''}`}
        onDragOver={onDragOver}
        onDragLeave={() => setDropping(false)}
        onDrop={onDrop}
        data-testid="measured-drop"
      >
        <FilePickerButton
          className="button small"
          accept=".csv,.json,.txt,text/csv,application/json"
          inputLabel="Measured load file"
          testId="measured-input"
          disabled={state.step === 'reading'}
          onFile={(file) => void readFile(file)}
        >
          Attach measured load…
        </FilePickerButton>
        <span className={styles.note}>or drop a file here: CSV (timestamp,value), CloudWatch or Prometheus export</span>
      </div>

      {state.step === 'reading' && (
        <p className={styles.note} role="status">
          Reading {state.fileName}…
        </p>
      )}
      {state.step === 'failed' && (
        <div className={styles.problems} role="alert">
          <strong>Nothing attached: {state.fileName} cannot be read.</strong>
          <ul>
            {state.problems.slice(0, 5).map((p, i) => (
              <li key={i}>{p.path ? `${p.path}: ${p.message}` : p.message}</li>
            ))}
            {state.problems.length > 5 && <li>…and {state.problems.length - 5} more</li>}
          </ul>
          <div className={styles.actions} style={{ marginTop: '0.35rem' }}>
            <button type="button" className="button small" onClick={cancel}>
              Dismiss
            </button>
          </div>
        </div>
      )}
      {state.step === 'ready' && (
        <Reading
          state={state}
          unitId={unitId}
          setOptions={setOptions}
          acceptFitted={acceptFitted}
          acceptMeasured={acceptMeasured}
          cancel={cancel}
        />
      )}
    </div>
  );
}

type Ready = Extract<ReturnType<typeof useMetricsImport>['state'], { step: 'ready' }>;

function Reading({
  state,
  unitId,
  setOptions,
  acceptFitted,
  acceptMeasured,
  cancel,
}: {
  state: Ready;
  unitId: string;
  setOptions: ReturnType<typeof useMetricsImport>['setOptions'];
  acceptFitted: () => void;
  acceptMeasured: () => Promise<void>;
  cancel: () => void;
}) {
  const { reading, fileName, busy, refused } = state;
  const horizonDays = useEditor((s) => s.design.simulation.days);
  const c = reading.classification;
  const summary = `Measured ${fileName} beside the fitted ${c.pattern} pattern: mean ${fmt(c.evidence.meanRps)} req/s, peak ${fmt(c.evidence.peakToMean * c.evidence.meanRps)} req/s.`;
  return (
    <section
      className={`${styles.result} ${busy ? styles.busy : ''}`}
      aria-label="Measured load"
      aria-busy={busy || undefined}
      data-testid="measured-result"
    >
      <p className={styles.note}>
        {fileName}: {reading.rows.toLocaleString('en-US')} rows ({FORMAT_LABELS[reading.format]})
      </p>
      <label className={styles.unit} htmlFor={unitId}>
        Values are requests
        <select
          id={unitId}
          value={reading.per}
          disabled={busy}
          onChange={(e) => void setOptions({ per: e.target.value as RateUnit })}
        >
          {(Object.keys(UNIT_LABELS) as RateUnit[]).map((u) => (
            <option key={u} value={u}>
              {UNIT_LABELS[u]}
              {u === 'interval' ? ` (${fmt(c.evidence.stepMinutes)} min)` : ''}
              {u === reading.guessedPer ? ' — guessed' : ''}
            </option>
          ))}
        </select>
      </label>
      <WindowAndScale
        reading={reading}
        horizonDays={horizonDays}
        busy={busy}
        onWindow={(window) => void setOptions({ window })}
        onScaling={(scaling) => void setOptions({ scaling })}
      />
      {refused.length > 0 && (
        <p className={styles.fieldError} role="alert">
          Not applied: {refused.map((p) => p.message).join('; ')}.
        </p>
      )}
      <p className={styles.verdict} data-testid="measured-verdict">
        Pattern: <strong>{c.pattern}</strong>, confidence {fmt(c.confidence)}
      </p>
      {c.ambiguous && (
        <p className={styles.ambiguous}>
          Ambiguous: it could also be <strong>{c.runnerUp.pattern}</strong> (confidence {fmt(c.runnerUp.confidence)}).
          Check the chart before you choose.
        </p>
      )}
      <MeasuredChart points={reading.chart} summary={summary} />
      <ul className={styles.evidence} aria-label="Evidence">
        {describeEvidence(c).map((line) => (
          <li key={line}>{line}</li>
        ))}
      </ul>
      <p className={styles.fields}>Fitted: {describeFields(fittedWorkload(c))}.</p>
      <div className={styles.actions}>
        <button type="button" className="button small primary" disabled={busy} onClick={acceptFitted}>
          Use the fitted pattern
        </button>
        <button type="button" className="button small" disabled={busy} onClick={() => void acceptMeasured()}>
          Use the measured series
        </button>
        <button type="button" className="button small" onClick={cancel}>
          Cancel
        </button>
      </div>
    </section>
  );
}
