/**
 * The metrics worker: reads, parses and classifies a measured series off the main thread (a year of
 * one-minute data takes a few hundred milliseconds), scaled as asked; places the fit in the window
 * chosen for the simulation, and builds the chart and the trace of that window. Started by use-metrics-import.ts as a module worker (same origin, no eval:
 * the CSP allows it).
 */
import {
  buildTrace,
  checkScaling,
  checkWindow,
  classifySeries,
  defaultWindow,
  guessRateUnit,
  measuredChart,
  parseSeries,
  placeInWindow,
  scaleFactor,
  scaleSeries,
  seriesPeak,
  seriesSpanHours,
  sliceSeries,
  type ParsedSeries,
  type RateUnit,
  type Series,
  type SeriesWindow,
} from '@/core/measure';
import type { Problem } from '@/core/model';
import type { MeasuredOptions, MetricsRequest, MetricsResponse } from './metrics-protocol';

const scope = self as unknown as {
  postMessage(message: MetricsResponse): void;
  onmessage: ((event: MessageEvent<MetricsRequest>) => void) | null;
};

/** The last file read: re-classifying under another unit, window or scale does not parse again. */
let current: { series: ParsedSeries; guessedPer: RateUnit; horizonHours: number } | null = null;

scope.onmessage = (event) => {
  void handle(event.data).catch((error: unknown) => {
    scope.postMessage({
      type: 'failed',
      id: event.data.id,
      problems: [{ path: '', message: error instanceof Error ? error.message : String(error) }],
    });
  });
};

const failed = (id: number, problems: Problem[]) => scope.postMessage({ type: 'failed', id, problems });

async function handle(message: MetricsRequest): Promise<void> {
  if (message.type === 'read') {
    current = null;
    const parsed = parseSeries(await message.file.text());
    if (!parsed.ok) return failed(message.id, parsed.problems);
    current = { series: parsed.value, guessedPer: guessRateUnit(parsed.value), horizonHours: message.horizonHours };
    const options = { per: message.per ?? current.guessedPer, window: null, scaling: { kind: 'measured' } } as const;
    return classify(message.id, options, message.key);
  }
  if (!current) return failed(message.id, [{ path: '', message: 'no file has been read' }]);
  if (message.type === 'classify') return classify(message.id, message.options, message.key);
  const prepared = prepare(message.options);
  if (!prepared.ok) return failed(message.id, prepared.problems);
  const trace = buildTrace(prepared.part, { per: message.options.per });
  scope.postMessage(
    trace.ok
      ? { type: 'trace', id: message.id, trace: trace.value }
      : { type: 'failed', id: message.id, problems: trace.problems },
  );
}

type Prepared =
  | { ok: false; problems: Problem[] }
  | { ok: true; whole: Series; part: Series; window: SeriesWindow; measuredPeakRps: number; factor: number };

/**
 * The file scaled as asked (whole: what the pattern is recognised on) and the window of it that is
 * simulated (part: charted and kept as a trace).
 */
function prepare(options: MeasuredOptions): Prepared {
  const { series, horizonHours } = current!;
  const window = options.window ?? defaultWindow(series, horizonHours, options.per);
  const windowProblem = checkWindow(series, window);
  if (windowProblem) return { ok: false, problems: [{ path: 'window', message: windowProblem }] };
  const scalingProblem = checkScaling(options.scaling);
  if (scalingProblem) return { ok: false, problems: [{ path: 'scale', message: scalingProblem }] };
  const measuredPeakRps = seriesPeak(series, options.per).rps;
  const factor = scaleFactor(options.scaling, measuredPeakRps);
  const whole = scaleSeries(series, factor);
  return { ok: true, whole, part: sliceSeries(whole, window), window, measuredPeakRps, factor };
}

function classify(id: number, options: MeasuredOptions, key: string): void {
  if (!current) return;
  const { series, guessedPer } = current;
  const prepared = prepare(options);
  if (!prepared.ok) return failed(id, prepared.problems);
  const result = classifySeries(prepared.whole, { per: options.per });
  if (!result.ok) return failed(id, result.problems);
  const { outside, ...placed } = placeInWindow(result.value, prepared.window);
  scope.postMessage({
    type: 'classified',
    id,
    format: series.format,
    rows: series.t.length,
    guessedPer,
    per: options.per,
    spanHours: seriesSpanHours(series),
    window: prepared.window,
    measuredPeakRps: prepared.measuredPeakRps,
    factor: prepared.factor,
    scaling: options.scaling,
    occasionOutside: outside,
    classification: placed,
    chart: measuredChart(prepared.part, placed, { per: options.per, key }),
  });
}
