/**
 * A CDP trace summarised by thread: busy time (top-level tasks) of the page's main thread and of the
 * plan worker between two performance.mark()s, to say where the time of an edit goes.
 */
import type { CDPSession } from '@playwright/test';

interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  /** Thread (CPU) time of a complete event, µs: less than `dur` while the thread waited for a core. */
  tdur?: number;
  pid: number;
  tid: number;
  args?: { name?: string };
}

const CATEGORIES = [
  'devtools.timeline',
  'disabled-by-default-devtools.timeline',
  'toplevel',
  'blink.user_timing',
  '__metadata',
].join(',');

export async function startTrace(cdp: CDPSession): Promise<() => Promise<TraceEvent[]>> {
  const events: TraceEvent[] = [];
  cdp.on('Tracing.dataCollected', (e) => {
    events.push(...(e.value as unknown as TraceEvent[]));
  });
  await cdp.send('Tracing.start', { categories: CATEGORIES, transferMode: 'ReportEvents' });
  return async () => {
    const complete = new Promise<void>((resolve) => cdp.once('Tracing.tracingComplete', () => resolve()));
    await cdp.send('Tracing.end');
    await Promise.race([complete, new Promise((r) => setTimeout(r, 15_000))]);
    return events;
  };
}

export interface ThreadBusy {
  windowMs: number;
  /**
   * Per thread: busy time (union of top-level tasks), the CPU time those tasks had (less where the
   * thread waited for a core: on two cores the plan's two workers and the page share them), longest
   * task, first start and last end (ms after the first mark).
   */
  threads: { name: string; busyMs: number; cpuMs: number; longestTaskMs: number; firstMs: number; lastMs: number }[];
  /** Main thread: time inside the named trace events (script, style, layout, paint, GC), clipped to the window. */
  mainBreakdown: { name: string; ms: number }[];
}

const TOP_LEVEL = new Set(['RunTask', 'ThreadControllerImpl::RunTask']);
const MAIN_PARTS = [
  'FunctionCall',
  'TimerFire',
  'EventDispatch',
  'UpdateLayoutTree',
  'Layout',
  'PrePaint',
  'Paint',
  'Layerize',
  'MinorGC',
  'MajorGC',
  'HitTest',
];

/** Busy time per named thread inside [from mark, to mark]. Nested top-level tasks are counted once. */
export function busyBetween(events: TraceEvent[], fromMark: string, toMark: string): ThreadBusy | null {
  const from = events.find((e) => e.name === fromMark)?.ts;
  const to = events.find((e) => e.name === toMark)?.ts;
  if (from === undefined || to === undefined) return null;
  const names = new Map<string, string>();
  for (const e of events)
    if (e.ph === 'M' && e.name === 'thread_name' && e.args?.name) names.set(`${e.pid}:${e.tid}`, e.args.name);
  // Threads of one name (the plan worker and its second thread are both "DedicatedWorker thread") apart.
  const seen = new Map<string, number>();
  for (const name of names.values()) seen.set(name, (seen.get(name) ?? 0) + 1);
  for (const [key, name] of names) if ((seen.get(name) ?? 0) > 1) names.set(key, `${name} ${key.split(':')[1]}`);
  const spans = new Map<string, [number, number, number][]>();
  const cpu = new Map<string, number>();
  const parts = new Map<string, number>();
  for (const e of events) {
    if (e.ph !== 'X' || !e.dur) continue;
    const start = Math.max(e.ts, from);
    const end = Math.min(e.ts + e.dur, to);
    if (end <= start) continue;
    const thread = names.get(`${e.pid}:${e.tid}`) ?? `thread ${e.tid}`;
    if (TOP_LEVEL.has(e.name)) {
      spans.set(thread, [...(spans.get(thread) ?? []), [start, end, e.dur]]);
      // The task's thread time in the window's share of it (nested top-level tasks are rare: not split).
      cpu.set(thread, (cpu.get(thread) ?? 0) + ((e.tdur ?? 0) * (end - start)) / e.dur);
    }
    if (thread === 'CrRendererMain' && MAIN_PARTS.includes(e.name))
      parts.set(e.name, (parts.get(e.name) ?? 0) + (end - start));
  }
  const threads = [...spans].map(([name, list]) => {
    list.sort((a, b) => a[0] - b[0]);
    let busy = 0;
    let reach = -Infinity;
    for (const [s, e] of list) {
      if (e > reach) busy += e - Math.max(s, reach);
      reach = Math.max(reach, e);
    }
    return {
      name,
      busyMs: busy / 1000,
      cpuMs: (cpu.get(name) ?? 0) / 1000,
      longestTaskMs: Math.max(...list.map((x) => x[2])) / 1000,
      firstMs: ((list[0]?.[0] ?? from) - from) / 1000,
      lastMs: (reach - from) / 1000,
    };
  });
  return {
    windowMs: (to - from) / 1000,
    threads: threads.filter((t) => t.busyMs >= 2).sort((a, b) => b.busyMs - a.busyMs),
    mainBreakdown: [...parts]
      .map(([name, t]) => ({ name, ms: t / 1000 }))
      .filter((p) => p.ms >= 1)
      .sort((a, b) => b.ms - a.ms),
  };
}
