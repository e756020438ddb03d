/**
 * How long one plan job may run, on either queue: pg-boss fails a job past it and hands it to another
 * worker (pg-boss-queue.ts); the app's own pool on SQLite stops the thread that plans it
 * (local-runner.ts), so a design that never finishes — an engine bug — cannot hold a thread for good.
 */
export const envSeconds = (name: string, fallback: number) => {
  const value = Number(process.env[name]);
  return Number.isFinite(value) && value >= 1 ? Math.round(value) : fallback;
};

/** Default 30 minutes: the largest plan takes ~2. */
export const jobTimeoutSeconds = () => envSeconds('TIDEMARK_PLAN_JOB_TIMEOUT_SECONDS', 1800);
