/**
 * Random spikes of the unpredictable pattern: a Poisson process at `spikesPerWeek`, each spike with a
 * random height and length. Heights are scaled so that the tallest reaches 1 (i.e. `peakRps`); when
 * the draw yields no spike in a horizon that should have some, one is placed at random so that the
 * pattern is never silently flat.
 */
import { MODEL_ASSUMPTIONS } from '../model/defaults';

export interface Spike {
  /** Hour of the horizon at which the spike starts. */
  start: number;
  hours: number;
  /** 0..1 of the lift from base to peak. */
  height: number;
}

const { spikeMeanHours, spikeMinHours, spikeMaxHours, spikeMinHeight } = MODEL_ASSUMPTIONS;

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
  const hours = Math.min(spikeMaxHours, Math.max(spikeMinHours, -Math.log(1 - random()) * spikeMeanHours));
  return { start, hours, height: spikeMinHeight + (1 - spikeMinHeight) * random() };
}
