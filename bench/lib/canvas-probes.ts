/**
 * Probes that run inside the benchmarked page (passed to Playwright's addInitScript / evaluate, so
 * each function is self-contained: no imports, no closures). Times are the page's performance.now(),
 * i.e. milliseconds from navigation start.
 */

export interface ProbeState {
  drawnAt?: number;
  frames?: number[];
  recording?: boolean;
  keyAt?: number;
  updatedAt?: number;
  placementChangedAt?: number;
  statusText?: string;
  longTasks?: { start: number; duration: number }[];
}

type ProbeWindow = Window & { __bench?: ProbeState };

/** From navigation start, checks every frame until `count` elements match `selector`, all with a size. */
export function watchDrawn({ selector, count }: { selector: string; count: number }): void {
  const w = window as ProbeWindow;
  const state: ProbeState = (w.__bench = {});
  const deadline = performance.now() + 120_000;
  const check = () => {
    const els = document.querySelectorAll(selector);
    if (els.length >= count) {
      let drawn = true;
      for (const el of els) {
        const r = el.getBoundingClientRect();
        if (r.width === 0 || r.height === 0 || getComputedStyle(el).visibility === 'hidden') {
          drawn = false;
          break;
        }
      }
      if (drawn) {
        state.drawnAt = performance.now();
        return;
      }
    }
    if (performance.now() < deadline) requestAnimationFrame(check);
  };
  requestAnimationFrame(check);
}

/** Starts recording frame intervals (requestAnimationFrame timestamps) until stopFrames(). */
export function startFrames(): void {
  const w = window as ProbeWindow;
  const state = (w.__bench ??= {});
  state.frames = [];
  state.recording = true;
  let last: number | null = null;
  const tick = (t: number) => {
    if (!state.recording) return;
    if (last !== null) state.frames?.push(t - last);
    last = t;
    requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
}

export function stopFrames(): number[] {
  const state = (window as ProbeWindow).__bench ?? {};
  state.recording = false;
  return state.frames ?? [];
}

/**
 * Arms the edit probe: the Enter keydown's time, the first DOM change after which a run status reads
 * "Updated in …" (having read "Simulating…" since the key), the first change of any placement text,
 * and every long task from the key on. performance.mark()s let a CDP trace find the same window.
 */
export function armEditProbe(): void {
  const w = window as ProbeWindow;
  const state: ProbeState = (w.__bench = { longTasks: [] });
  const placements = () =>
    [...document.querySelectorAll('[data-testid^="placement-"]')].map((e) => e.textContent).join('|');
  const before = placements();
  let sawRunning = false;
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) state.longTasks?.push({ start: e.startTime, duration: e.duration });
  }).observe({ type: 'longtask' });
  window.addEventListener(
    'keydown',
    (e) => {
      if (e.key === 'Enter' && state.keyAt === undefined) {
        state.keyAt = performance.now();
        performance.mark('bench-key');
      }
    },
    { capture: true },
  );
  // Looked for only where a change touched them: reading every placement's text and every status of a
  // 500-component page at each change cost the page's thread ~20 ms an edit of its own (the probe's
  // querySelectorAll in a traced leaf edit, 2026-12-06), time the edit was then charged with.
  const touches = (records: MutationRecord[], selector: string) =>
    records.some((r) => {
      const at = r.target.nodeType === Node.ELEMENT_NODE ? (r.target as Element) : r.target.parentElement;
      if (at?.closest(selector)) return true;
      for (const added of r.addedNodes)
        if (added instanceof Element && (added.matches(selector) || added.querySelector(selector) !== null))
          return true;
      return false;
    });
  const observer = new MutationObserver((records) => {
    if (state.keyAt === undefined) return;
    const now = performance.now();
    if (state.placementChangedAt === undefined && touches(records, '[data-testid^="placement-"]')) {
      if (placements() !== before) state.placementChangedAt = now;
    }
    if (state.updatedAt !== undefined || !touches(records, '.res-status')) return;
    const statuses = [...document.querySelectorAll('.res-status')].map((e) => e.textContent ?? '');
    if (statuses.some((s) => s.startsWith('Simulating'))) sawRunning = true;
    const done = statuses.find((s) => s.startsWith('Updated in'));
    if (sawRunning && done) {
      state.updatedAt = now;
      state.statusText = done;
      performance.mark('bench-updated');
    }
  });
  // Text only: an attribute changes no status's or placement's text.
  observer.observe(document.body, { subtree: true, childList: true, characterData: true });
}

export function readProbe(): ProbeState {
  return (window as ProbeWindow).__bench ?? {};
}
