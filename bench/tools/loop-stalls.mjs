// Diagnostics preload for the hostile mix (bench/RESULTS.md): every Node main thread it is loaded into
// writes /tmp/eld/<pid>.log with its command line, each event-loop stall over 150 ms and each GC
// pause over 50 ms. Usage: mkdir -p /tmp/eld;
// NODE_OPTIONS="--import $PWD/bench/tools/loop-stalls.mjs" npm run bench:load
import { appendFileSync, writeFileSync } from 'node:fs';
import { PerformanceObserver, performance } from 'node:perf_hooks';
import { isMainThread } from 'node:worker_threads';

if (isMainThread) {
  const out = `/tmp/eld/${process.pid}.log`;
  writeFileSync(out, `${process.argv.slice(1).join(' ').slice(0, 120)}\n`);
  const line = (text) => appendFileSync(out, `${new Date().toISOString()} ${text}\n`);
  let last = performance.now();
  setInterval(() => {
    const now = performance.now();
    const lag = now - last - 50;
    if (lag > 150) line(`stall ${lag.toFixed(0)} ms`);
    last = now;
  }, 50).unref();
  new PerformanceObserver((list) => {
    for (const e of list.getEntries())
      if (e.duration > 50) line(`gc kind ${e.detail?.kind} ${e.duration.toFixed(0)} ms`);
  }).observe({ entryTypes: ['gc'] });
}
