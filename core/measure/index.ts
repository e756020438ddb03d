/**
 * Starting from real metrics (journey 4), without a browser: read a measured series (CSV,
 * CloudWatch, Prometheus), recognise its workload pattern with the evidence, and turn the verdict
 * into what a component's workload becomes (the fitted fields, or the series itself as a trace).
 */
export { parseSeries, SERIES_LIMITS } from './parse-series';
export type { ParsedSeries, Series, SeriesFormat } from './parse-series-order';
export { classifySeries, classifyText } from './classify';
export type { Classification, ClassifyOptions } from './classify';
export type { RateUnit } from './classify-grid';
export { buildTrace, guessRateUnit } from './classify-trace';
export {
  describeEvidence,
  fittedWorkload,
  fittedWorkloadFor,
  MEASURED_CHART_MAX_POINTS,
  measuredChart,
  measuredWorkload,
  withoutTrace,
} from './attach-measured';
export type { MeasuredPoint } from './attach-measured';
export {
  checkScaling,
  checkWindow,
  defaultWindow,
  MAX_SCALE_FACTOR,
  placeInWindow,
  scaleFactor,
  scaleSeries,
  seriesPeak,
  seriesSpanHours,
  sliceSeries,
} from './measured-window';
export type { Scaling, SeriesWindow } from './measured-window';
