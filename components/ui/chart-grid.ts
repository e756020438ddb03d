/**
 * recharts places a CartesianGrid's vertical lines even when `vertical={false}` draws none, and to
 * place them it measures every x-axis label in the DOM — on a chart's first render, before its axis
 * settings arrive, one label per data point: hundreds of forced layouts of the whole editor when a
 * new plan arrives (profiled). Pass this as `verticalCoordinatesGenerator` to such grids: nothing is
 * drawn, so nothing is placed or measured.
 */
export const noGridLines = (): number[] => [];
