/** The light theme's colours, as readPalette gives them: a fixed palette for the export's tests. */
import type { SvgPalette } from './canvas-svg';

export const TEST_PALETTE = {
  bg: '#f6f7f9',
  surface: '#ffffff',
  surface2: '#eef1f5',
  text: '#17202a',
  muted: '#5a6573',
  border: '#d5dbe3',
  wiring: '#1f7a4f',
  crossing: '#c2331f',
  place: { static: '#5b3fb0', 'elastic-vm': '#0b6e8a', serverless: '#9a4f00', burst: '#b0286e' },
} as const satisfies SvgPalette;
