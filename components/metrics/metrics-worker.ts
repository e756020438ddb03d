/**
 * The metrics worker: reads, parses and classifies a measured series off the main thread (a year of
 * one-minute data takes a few hundred milliseconds), and builds the chart and the trace. Started by
 * use-metrics-import.ts as a module worker (same origin, no eval: the CSP allows it).
 */
import {
  measuredChart,
  classifySeries,
  guessRateUnit,
  buildTrace,
  parseSeries,
  type ParsedSeries,
  type RateUnit,
} from '@/core/measure';
import type { MetricsRequest, MetricsResponse } from './metrics-protocol';

const scope = self as unknown as {
  postMessage(message: MetricsResponse): void;
  onmessage: ((event: MessageEvent<MetricsRequest>) => void) | null;
};

/** The last file read: re-classifying under another unit does not parse again. */
let current: { series: ParsedSeries; guessedPer: RateUnit } | null = null;

scope.onmessage = (event) => {
  void handle(event.data).catch((error: unknown) => {
    scope.postMessage({
      type: 'failed',
      id: event.data.id,
      problems: [{ path: '', message: error instanceof Error ? error.message : String(error) }],
    });
  });
};

async function handle(message: MetricsRequest): Promise<void> {
  if (message.type === 'read') {
    current = null;
    const parsed = parseSeries(await message.file.text());
    if (!parsed.ok) return scope.postMessage({ type: 'failed', id: message.id, problems: parsed.problems });
    current = { series: parsed.value, guessedPer: guessRateUnit(parsed.value) };
    return classify(message.id, message.per ?? current.guessedPer, message.key);
  }
  if (!current)
    return scope.postMessage({
      type: 'failed',
      id: message.id,
      problems: [{ path: '', message: 'no file has been read' }],
    });
  if (message.type === 'classify') return classify(message.id, message.per, message.key);
  const trace = buildTrace(current.series, { per: message.per });
  scope.postMessage(
    trace.ok
      ? { type: 'trace', id: message.id, trace: trace.value }
      : { type: 'failed', id: message.id, problems: trace.problems },
  );
}

function classify(id: number, per: RateUnit, key: string): void {
  if (!current) return;
  const { series, guessedPer } = current;
  const result = classifySeries(series, { per });
  if (!result.ok) return scope.postMessage({ type: 'failed', id, problems: result.problems });
  scope.postMessage({
    type: 'classified',
    id,
    format: series.format,
    rows: series.t.length,
    guessedPer,
    per,
    classification: result.value,
    chart: measuredChart(series, result.value, { per, key }),
  });
}
