/**
 * The per-request reference for what a caller's sync calls across the link add to its requests (R8):
 * call by call, each request making its calls to each callee (`callsPerRequest` of them: the whole
 * part always, one more with the fraction's chance) and each call crossing the link when the callee
 * answers it on the other side from the caller's request — a data-centre or cloud callee always or
 * never, a burst callee with its traffic manager's weight in that minute (simulate-burst-requests.ts
 * `cloudShareByMinute`), so the delays fall on the minutes the callee bursts, which are the caller's
 * busy minutes too. Every crossing call adds the link's latency. The engine's own reading of the same
 * (assess-assignment.ts) is checked against this in oracle-crossing.test.ts.
 */
import { createPrng } from '../workload/prng';
import type { CallDelay } from './request-record';

export interface CalleeCalls {
  callsPerRequest: number;
  /** The link's latency, ms, added by each call that crosses. */
  latencyMs: number;
  /** Share of the callee's sync requests it answers in the cloud in minute `m` of the horizon. */
  cloudShareAt: (minute: number) => number;
}

export function callDelays(callees: readonly CalleeCalls[], seed: number): CallDelay {
  const random = createPrng(seed);
  return (arrivedAt, inCloud) => {
    const minute = Math.floor(arrivedAt / 60);
    let ms = 0;
    for (const c of callees) {
      const whole = Math.floor(c.callsPerRequest);
      const calls = whole + (random() < c.callsPerRequest - whole ? 1 : 0);
      const b = c.cloudShareAt(minute);
      const crosses = inCloud ? 1 - b : b;
      if (!(crosses > 0)) continue;
      for (let k = 0; k < calls; k++) if (random() < crosses) ms += c.latencyMs;
    }
    return ms;
  };
}
