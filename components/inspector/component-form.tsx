'use client';
/** The inspector for one component: identity, workload (with its preview), demand, data and pin. */
import { useCallback } from 'react';
import {
  checkComponentDrafts,
  componentDrafts,
  PLACEMENTS_WITH_CORES,
  withPattern,
  type ComponentCheck,
  type ComponentDrafts,
  type ComponentField,
} from '@/core/edit';
import {
  DATA_CLASSES,
  KINDS,
  PATTERN_FIELDS,
  PATTERNS,
  type Component,
  type Pattern,
  PLACEMENTS,
  type Placement,
  KIND_LABELS,
  PATTERN_LABELS,
  PLACEMENT_LABELS,
  WORKLOAD_FIELD_LABELS,
  WORKLOAD_DEFAULTS,
} from '@/core/model';
import { useEditor } from '@/components/editor/editor-context';
import { AttachMeasuredLoad } from '@/components/metrics/attach-measured-load';
import { CheckboxField, SelectField, TextField, type Option } from './fields';
import { retryableDynamic } from '@/components/ui/retryable-dynamic';

// The preview (its chart and the workload generator's call) loads with the first selection, not with the page.
const LoadPreview = retryableDynamic(() => import('./load-preview').then((m) => m.LoadPreview), { height: 150 });
import { useCommit } from './use-commit';
import { useDraftForm } from './use-draft-form';
import styles from './inspector.module.css';

/** One line per pattern, after the Cloud Computing Patterns catalogue (reference/placement-rules.md). */
const PATTERN_HINTS: Record<Pattern, string> = {
  static: 'flat, the same load all the time.',
  periodic: 'peaks recur every period (daily, weekly, month-end).',
  'once-in-a-lifetime': 'flat, with one strong peak known in advance (a launch, a sale).',
  unpredictable: 'random spikes that cannot be foreseen; scaling must be automatic.',
  'continuously-changing': 'grows or shrinks steadily, compounding each month.',
};
const NO_PATTERN_HELP = 'No traffic from outside: its demand comes only from the components that call it.';

const PATTERN_OPTIONS: Option[] = [
  { value: '', label: 'none — demand only from callers' },
  ...PATTERNS.map((p) => ({ value: p, label: PATTERN_LABELS[p] })),
];
const KIND_OPTIONS: Option[] = KINDS.map((k) => ({ value: k, label: KIND_LABELS[k] }));
const DATA_CLASS_OPTIONS: Option[] = DATA_CLASSES.map((d) => ({ value: d, label: d }));
const PIN_OPTIONS: Option[] = [
  { value: '', label: 'none — let Tidemark choose' },
  ...PLACEMENTS.map((p) => ({ value: p, label: PLACEMENT_LABELS[p] })),
];

type PatternNumber = (typeof PATTERN_FIELDS)[Pattern][number];

function patternFieldProps(
  field: PatternNumber,
  pattern: Pattern,
): { label: string; help?: string; placeholder?: string } {
  switch (field) {
    case 'peakRps':
      return {
        label: WORKLOAD_FIELD_LABELS.peakRps,
        help: pattern === 'unpredictable' ? 'height of the tallest spikes' : undefined,
      };
    case 'periodHours':
      return {
        label: WORKLOAD_FIELD_LABELS.periodHours,
        placeholder: `${WORKLOAD_DEFAULTS.periodHours}`,
        help: '24 = daily, 168 = weekly',
      };
    case 'peakHours':
      return { label: WORKLOAD_FIELD_LABELS.peakHours, placeholder: `${WORKLOAD_DEFAULTS.peakHours}` };
    case 'peakStartHour':
      return {
        label: WORKLOAD_FIELD_LABELS.peakStartHour,
        placeholder: `${WORKLOAD_DEFAULTS.peakStartHour}`,
        help: pattern === 'periodic' ? 'offset within each period' : 'hours from the start of the simulation',
      };
    case 'spikesPerWeek':
      return { label: WORKLOAD_FIELD_LABELS.spikesPerWeek, placeholder: `${WORKLOAD_DEFAULTS.spikesPerWeek}` };
    case 'growthPerMonth':
      return {
        label: WORKLOAD_FIELD_LABELS.growthPerMonth,
        placeholder: `${WORKLOAD_DEFAULTS.growthPerMonth}`,
        help: '0.1 = +10 % a month; negative shrinks',
      };
  }
}

export function ComponentForm({ component }: { component: Component }) {
  const simulation = useEditor((s) => s.design.simulation);
  const id = component.id;
  const check = useCallback(
    (d: ComponentDrafts) => checkComponentDrafts(component, d, simulation.days),
    [component, simulation.days],
  );
  const commit = useCommit('components', id);
  const { form, checked } = useDraftForm<ComponentField, Component, ComponentCheck>(
    component,
    componentDrafts,
    check,
    commit,
    {
      key: `components:${id}`,
      where: component.name,
      reopen: `select ${component.name}`,
      current: (design) => design.components.find((c) => c.id === id),
    },
  );
  const pattern = form.drafts.pattern as Pattern | '';
  // A measured series replaces the pattern's curve: its fitted fields are shown, not edited.
  const trace = component.workload?.trace;
  const placement = form.drafts.pinPlacement as Placement | '';
  const previewWorkload = checked.ok || checked.workload ? checked.workload : component.workload;
  const cpuMs = Number(form.drafts.cpuMs);

  return (
    <form className={styles.form} onSubmit={(e) => e.preventDefault()} aria-label={`Component ${component.name}`}>
      {form.errors.form && <p className={styles.error}>{form.errors.form}</p>}
      <div className={styles.grid}>
        <TextField form={form} field="name" label="Name" numeric={false} wide />
        <SelectField form={form} field="kind" label="Kind" options={KIND_OPTIONS} wide />
      </div>

      <fieldset className={styles.section}>
        <legend>Workload</legend>
        <div className={styles.grid}>
          <SelectField
            form={form}
            field="pattern"
            label="Workload pattern"
            options={PATTERN_OPTIONS}
            help={
              pattern === ''
                ? NO_PATTERN_HELP
                : trace
                  ? `${PATTERN_LABELS[pattern]}, as recognised in the measured series; the placement rules read it.`
                  : `${PATTERN_LABELS[pattern]}: ${PATTERN_HINTS[pattern]}`
            }
            wide
            onChoose={(p) => form.setNow(withPattern(form.drafts, p as Pattern | ''))}
          />
          {pattern !== '' && trace && component.workload && (
            <MeasuredFields workload={component.workload} pattern={pattern} />
          )}
          {pattern !== '' && !trace && (
            <>
              <TextField
                form={form}
                field="baseRps"
                label={WORKLOAD_FIELD_LABELS.baseRps}
                help={pattern === 'continuously-changing' ? 'load at the start' : 'the floor'}
              />
              {PATTERN_FIELDS[pattern].map((f) => (
                <TextField key={f} form={form} field={f} {...patternFieldProps(f, pattern)} />
              ))}
              <TextField
                form={form}
                field="noise"
                label={WORKLOAD_FIELD_LABELS.noise}
                placeholder="0"
                help="0.1 = ±10 % per step"
              />
            </>
          )}
        </div>
        <AttachMeasuredLoad key={id} component={component} />
        {pattern !== '' && previewWorkload ? (
          <LoadPreview
            workload={previewWorkload}
            simulation={simulation}
            componentId={id}
            stale={!checked.ok && !checked.workload}
          />
        ) : (
          <p className={styles.help}>No own load to preview.</p>
        )}
      </fieldset>

      <fieldset className={styles.section}>
        <legend>Demand per request</legend>
        <div className={styles.grid}>
          <TextField form={form} field="cpuMs" label="CPU time (ms)" help="on one core" />
          <TextField form={form} field="memoryMb" label="Memory (MB)" placeholder="512" />
          <TextField
            form={form}
            field="durationSeconds"
            label="Duration (s)"
            placeholder={Number.isFinite(cpuMs) && cpuMs > 0 ? String(cpuMs / 1000) : ''}
            help="wall clock; default CPU time"
            wide
          />
        </div>
      </fieldset>

      <fieldset className={styles.section}>
        <legend>Data and placement</legend>
        <div className={styles.grid}>
          <CheckboxField form={form} field="stateful" label="Stateful (keeps data between requests)" wide />
          <SelectField form={form} field="dataClass" label="Data class" options={DATA_CLASS_OPTIONS} />
          <TextField form={form} field="latencySloMs" label="Latency SLO (ms)" placeholder="none" help="p95 target" />
          <TextField form={form} field="dataGb" label="Data read per day (GB)" placeholder="0" wide />
          <SelectField
            form={form}
            field="pinPlacement"
            label="Pin placement"
            options={PIN_OPTIONS}
            help="forces where it runs"
            wide
          />
          {placement !== '' && PLACEMENTS_WITH_CORES.includes(placement) && (
            <TextField
              form={form}
              field="pinCores"
              label="Static cores"
              placeholder="sized for peak"
              help="exact count; empty = peak + headroom"
              wide
            />
          )}
        </div>
      </fieldset>
    </form>
  );
}

/**
 * The pattern's fields while a measured series is attached: the simulator replays the series, so the
 * fields are what its pattern was fitted as (kept for when the series is removed), shown read-only.
 */
function MeasuredFields({ workload, pattern }: { workload: NonNullable<Component['workload']>; pattern: Pattern }) {
  const fields = ['baseRps', ...PATTERN_FIELDS[pattern], 'noise'] as const;
  return (
    <div className={`${styles.wide} ${styles.measured}`} data-testid="measured-fields">
      <p className={styles.measuredNote}>
        <strong>Set by the measured series</strong> ({workload.trace?.rps.length.toLocaleString('en-US')} points every{' '}
        {workload.trace?.stepMinutes} min): the simulation replays it. The fitted values below are kept for when the
        series is removed.
      </p>
      <dl className={styles.measuredList}>
        {fields.map((f) => {
          const value = workload[f];
          return value === undefined ? null : (
            <div key={f}>
              <dt>{WORKLOAD_FIELD_LABELS[f]}</dt>
              <dd>{value.toLocaleString('en-US')}</dd>
            </div>
          );
        })}
      </dl>
    </div>
  );
}
