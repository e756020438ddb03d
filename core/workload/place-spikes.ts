/**
 * Random spikes of the unpredictable pattern: a Poisson process at `spikesPerWeek`, each spike with a
 * random height and length. Heights are scaled so that the tallest reaches 1 (i.e. `peakRps`); when
 * the draw yields no spike in a horizon that should have some, one is placed at random so that the
 * pattern is never silently flat.
 */

export interface Spike {
  /** Hour of the horizon at which the spike starts. */
  start: number;
  hours: number;
  /** 0..1 of the lift from base to peak. */
  height: number;
}

/** Mean spike length: most viral or campaign bursts last tens of minutes to a few hours. */
const MEAN_SPIKE_HOURS = 1;
const MIN_SPIKE_HOURS = 0.25;
const MAX_SPIKE_HOURS = 6;

export function placeSpikes(spikesPerWeek: number, horizonHours: number, random: () => number): Spike[] {
  if (spikesPerWeek <= 0) return [];
  const ratePerHour = spikesPerWeek / 168;
  const spikes: Spike[] = [];
  let t = -Math.log(1 - random()) / ratePerHour;
  while (t < horizonHours && spikes.length < 100_000) {
    spikes.push(drawSpike(t, random));
    t += -Math.log(1 - random()) / ratePerHour;
  }
  if (spikes.length === 0) spikes.push(drawSpike(random() * horizonHours, random));
  let tallest = 0;
  for (const s of spikes) tallest = Math.max(tallest, s.height);
  for (const s of spikes) s.height /= tallest;
  return spikes;
}

function drawSpike(start: number, random: () => number): Spike {
  const hours = Math.min(MAX_SPIKE_HOURS, Math.max(MIN_SPIKE_HOURS, -Math.log(1 - random()) * MEAN_SPIKE_HOURS));
  return { start, hours, height: 0.3 + 0.7 * random() };
}
