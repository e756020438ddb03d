/**
 * Plans submitted through the automation endpoint (plans.submit) per client address: each may be a
 * new design that costs a worker up to minutes of CPU, so a script gets a steady budget and is told
 * to wait (429 with Retry-After) past it. In memory, per instance, like the share-view limit.
 */
import type { RateLimiterMemory } from 'rate-limiter-flexible';
import { sharedMinuteLimiter, takePoint } from './share-view-limit';

export const PLAN_SUBMITS_PER_MINUTE = 30;

const limiter = () => sharedMinuteLimiter('plan-submits', PLAN_SUBMITS_PER_MINUTE);

/** Takes one submission for `address`: 0 when it may go ahead, else the seconds to wait. */
export const takePlanSubmit = (address: string, from: RateLimiterMemory = limiter()) => takePoint(from, address);

export const tooManySubmits = (seconds: number) =>
  `Too many plans submitted from your address (at most ${PLAN_SUBMITS_PER_MINUTE} a minute). Try again in ${seconds} seconds.`;
