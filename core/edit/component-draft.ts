/**
 * A component as the inspector edits it: one text per field, turned back into a component checked
 * by `componentSchema`. Only the fields the chosen pattern uses go into the workload, so a periodic
 * component switched to static does not keep a hidden period; the drafts of hidden fields stay in
 * the form, so switching back restores them.
 */
import { WORKLOAD_DEFAULTS } from '../model/defaults';
import { PATTERN_FIELDS, resolveWorkload } from '../model/design-fields';
import {
  componentSchema,
  workloadSchema,
  type Component,
  type Pattern,
  type Placement,
  type Workload,
} from '../model/design';
import {
  defined,
  fieldErrors,
  numberText,
  readNumber,
  type DraftCheck,
  type Drafts,
  type FieldErrors,
} from './field-drafts';

export const WORKLOAD_NUMBER_FIELDS = [
  'peakRps',
  'periodHours',
  'peakHours',
  'peakStartHour',
  'spikesPerWeek',
  'growthPerMonth',
] as const;
export type PatternField = (typeof WORKLOAD_NUMBER_FIELDS)[number];

export const COMPONENT_FIELDS = [
  'name',
  'kind',
  'pattern',
  'baseRps',
  ...WORKLOAD_NUMBER_FIELDS,
  'noise',
  'cpuMs',
  'memoryMb',
  'durationSeconds',
  'stateful',
  'dataClass',
  'latencySloMs',
  'dataGb',
  'pinPlacement',
  'pinCores',
] as const;
export type ComponentField = (typeof COMPONENT_FIELDS)[number];
/** `pattern` and `pinPlacement` are '' for none; `stateful` is 'true' or 'false'. */
export type ComponentDrafts = Drafts<ComponentField>;
/** `workload` is the checked workload whenever its own fields are valid, even if another field is not (for the preview). */
export type ComponentCheck = DraftCheck<Component, ComponentField> & { workload?: Workload | undefined };

const WORKLOAD_FIELDS: readonly ComponentField[] = ['pattern', 'baseRps', ...WORKLOAD_NUMBER_FIELDS, 'noise'];

/** Pin placements that take an exact core count (the static part of a burst too). */
export const PLACEMENTS_WITH_CORES: readonly Placement[] = ['static', 'burst'];

export function componentDrafts(c: Component): ComponentDrafts {
  const w = c.workload;
  return {
    name: c.name,
    kind: c.kind,
    pattern: w?.pattern ?? '',
    baseRps: numberText(w?.baseRps),
    peakRps: numberText(w?.peakRps),
    periodHours: numberText(w?.periodHours),
    peakHours: numberText(w?.peakHours),
    peakStartHour: numberText(w?.peakStartHour),
    spikesPerWeek: numberText(w?.spikesPerWeek),
    growthPerMonth: numberText(w?.growthPerMonth),
    noise: numberText(w?.noise),
    cpuMs: numberText(c.demand.cpuMs),
    memoryMb: numberText(c.demand.memoryMb),
    durationSeconds: numberText(c.demand.durationSeconds),
    stateful: String(c.stateful),
    dataClass: c.dataClass,
    latencySloMs: numberText(c.latencySloMs),
    dataGb: numberText(c.dataGb),
    pinPlacement: c.pin?.placement ?? '',
    pinCores: numberText(c.pin?.cores),
  };
}

/**
 * The drafts after choosing a pattern. A pattern that needs a peak gets one (five times the base, a
 * visible peak to tune from), "none" → a pattern starts at 10 req/s, and a periodic peak is folded
 * into its period, so the choice alone is a valid edit; other pattern fields stay empty and take
 * their documented defaults.
 */
export function withPattern(drafts: ComponentDrafts, pattern: Pattern | ''): ComponentDrafts {
  const next = { ...drafts, pattern };
  if (pattern === '') return next;
  if (next.baseRps.trim() === '') next.baseRps = '10';
  const base = Number(next.baseRps);
  const fields: readonly string[] = PATTERN_FIELDS[pattern];
  if (fields.includes('peakRps') && next.peakRps.trim() === '' && Number.isFinite(base))
    next.peakRps = String(base > 0 ? base * 5 : 10);
  if (pattern === 'periodic') {
    // A single peak's start (hour 272) means nothing in a 24-hour cycle: fold it into the period.
    const period = next.periodHours.trim() === '' ? WORKLOAD_DEFAULTS.periodHours : Number(next.periodHours);
    const start = Number(next.peakStartHour);
    const hours = Number(next.peakHours);
    if (next.peakStartHour.trim() !== '' && period > 0 && start >= period) next.peakStartHour = String(start % period);
    if (next.peakHours.trim() !== '' && period > 0 && hours > period) next.peakHours = String(period);
  }
  return next;
}

const FIELD_OF_PATH: Record<string, ComponentField> = { placement: 'pinPlacement', cores: 'pinCores' };

function componentField(path: readonly PropertyKey[]): ComponentField | null {
  const [head, sub] = path;
  const key = String(head === 'workload' || head === 'demand' || head === 'pin' ? (sub ?? head) : head);
  if (head === 'workload' && key === 'workload') return 'pattern';
  if (head === 'pin') return FIELD_OF_PATH[key] ?? 'pinPlacement';
  return (COMPONENT_FIELDS as readonly string[]).includes(key) ? (key as ComponentField) : null;
}

/** The candidate component the drafts describe, checked; `days` is the horizon a single peak must start in. */
export function checkComponentDrafts(stored: Component, drafts: ComponentDrafts, days: number): ComponentCheck {
  const parseErrors: FieldErrors<ComponentField> = {};
  const num = (f: ComponentField) => readNumber(drafts, f, parseErrors);
  const pattern = drafts.pattern as Pattern | '';
  let workload: Record<string, unknown> | undefined;
  if (pattern !== '') {
    const used: readonly string[] = PATTERN_FIELDS[pattern] ?? [];
    const patternValues = Object.fromEntries(
      WORKLOAD_NUMBER_FIELDS.filter((f) => used.includes(f)).map((f) => [f, num(f)]),
    );
    workload = defined({
      pattern,
      baseRps: num('baseRps'),
      ...patternValues,
      noise: num('noise') ?? 0,
      trace: stored.workload?.trace,
    });
  }
  const placement = drafts.pinPlacement as Placement | '';
  const pin =
    placement === ''
      ? undefined
      : defined({ placement, cores: PLACEMENTS_WITH_CORES.includes(placement) ? num('pinCores') : undefined });
  const candidate = defined({
    id: stored.id,
    name: drafts.name,
    kind: drafts.kind,
    workload,
    demand: defined({ cpuMs: num('cpuMs'), memoryMb: num('memoryMb'), durationSeconds: num('durationSeconds') }),
    stateful: drafts.stateful === 'true',
    dataClass: drafts.dataClass,
    latencySloMs: num('latencySloMs'),
    dataGb: num('dataGb') ?? 0,
    pin,
  });
  const result = componentSchema.safeParse(candidate);
  const errors: FieldErrors<ComponentField> = {
    ...(result.success ? {} : fieldErrors(result.error.issues, componentField)),
    ...parseErrors,
  };
  // Past the schema's own bound (90 days of hours), the bound the field meets first is this horizon's:
  // "must be at most 2,160" for 5,000, then "before the end of the 30-day horizon (hour 720)" for 1,000
  // read as two different limits (H47's review, 2026-12-07).
  const typedStart = Number(drafts.peakStartHour);
  if (
    errors.peakStartHour !== undefined &&
    parseErrors.peakStartHour === undefined &&
    pattern === 'once-in-a-lifetime' &&
    drafts.peakStartHour.trim() !== '' &&
    Number.isFinite(typedStart) &&
    typedStart >= days * 24
  )
    errors.peakStartHour = `must be before the end of the ${days}-day horizon (hour ${days * 24})`;
  if (result.success && result.data.workload?.pattern === 'once-in-a-lifetime' && !result.data.workload.trace) {
    // The design schema checks this across the document; the form checks it here so it is shown at the field.
    const start = resolveWorkload(result.data.workload).peakStartHour;
    if (start >= days * 24)
      errors.peakStartHour = `must be before the end of the ${days}-day horizon (hour ${days * 24})`;
  }
  if (result.success && Object.keys(errors).length === 0)
    return { ok: true, value: result.data, errors, workload: result.data.workload };
  const ownOk = workload !== undefined && !WORKLOAD_FIELDS.some((f) => errors[f] !== undefined);
  const own = ownOk ? workloadSchema.safeParse(workload) : undefined;
  return { ok: false, errors, workload: own?.success ? own.data : undefined };
}
