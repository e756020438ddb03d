/**
 * One measured page visit of the canvas benchmark (bench/canvas.bench.ts): open a page in a fresh
 * browser context with a CDP session, then either time its drawing and a 3 s node drag
 * (measureCanvas) or one inspector edit until the updated recommendation shows (measureEdit).
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, CDPSession, Page } from '@playwright/test';
import { armEditProbe, readProbe, startFrames, stopFrames, watchDrawn } from './canvas-probes';
import { selfTimeByScript, startProfile } from './canvas-profile';
import { busyBetween, startTrace, type ThreadBusy } from './canvas-trace';

const DRAG_MS = 3000;
export const DRAGGED = 'c250';
export const EDITED = 'c0';
const VIEWPORT = { width: 1280, height: 800 };
// tsx keeps function names with esbuild's __name(); functions sent to the page need it defined.
const NAME_SHIM = 'window.__name = (f) => f;';
const sleep = (t: number) => new Promise((r) => setTimeout(r, t));

export const median = (xs: number[]) => quantile(xs, 0.5);
export function quantile(xs: number[], q: number): number {
  if (xs.length === 0) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil(q * s.length) - 1)] as number;
}

export interface Target {
  base: string;
  outDir: string;
}

interface Metrics {
  [name: string]: number;
}
async function metrics(cdp: CDPSession): Promise<Metrics> {
  const { metrics: list } = await cdp.send('Performance.getMetrics');
  return Object.fromEntries(list.map((m) => [m.name, m.value]));
}
/** Main-thread seconds spent on script, layout and style between two Performance.getMetrics. */
export function mainThreadSplit(a: Metrics, b: Metrics) {
  const d = (k: string) => ((b[k] ?? 0) - (a[k] ?? 0)) * 1000;
  return {
    task: d('TaskDuration'),
    script: d('ScriptDuration'),
    layout: d('LayoutDuration'),
    style: d('RecalcStyleDuration'),
  };
}

export interface CanvasRun {
  drawnMs: number;
  frameMedian: number;
  frameP95: number;
  frames: number;
  split: ReturnType<typeof mainThreadSplit>;
  planShownMs?: number;
  dom: { nodes: number; edges: number; minimapNodes: number; elements: number };
  load: ReturnType<typeof mainThreadSplit>;
  jsKb: number;
  profile?: { where: string; ms: number }[];
  loadProfile?: { where: string; ms: number }[];
}

async function openPage(
  browser: Browser,
  base: string,
): Promise<{ page: Page; cdp: CDPSession; close: () => Promise<void> }> {
  const context = await browser.newContext({ viewport: VIEWPORT, baseURL: base });
  const page = await context.newPage();
  await page.addInitScript(NAME_SHIM);
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable');
  return { page, cdp, close: () => context.close() };
}

export type Variant = 'editor' | 'bare' | 'bare+minimap';
const URLS: Record<Variant, (id: string) => string> = {
  editor: (id) => `/designs/${id}`,
  bare: (id) => `/bench/bare-flow?id=${id}`,
  'bare+minimap': (id) => `/bench/bare-flow?id=${id}&minimap=1`,
};

export async function measureCanvas(
  browser: Browser,
  target: Target,
  which: Variant,
  id: string,
  count: number,
  root?: string,
): Promise<CanvasRun> {
  const { page, cdp, close } = await openPage(browser, target.base);
  try {
    const selector = which === 'editor' ? '.react-flow__node-component' : '.react-flow__node-default';
    await page.addInitScript(watchDrawn, { selector, count });
    const stopLoadProfile = root ? await startProfile(cdp) : null;
    await page.goto(URLS[which](id));
    await page.waitForFunction(
      () => (window as { __bench?: { drawnAt?: number } }).__bench?.drawnAt !== undefined,
      null,
      { timeout: 120_000 },
    );
    const drawnMs = (await page.evaluate(readProbe)).drawnAt as number;
    const loadProfile = stopLoadProfile && root ? selfTimeByScript(root, await stopLoadProfile()) : undefined;
    // What the load cost: main-thread time so far (read just after "drawn") and the JavaScript loaded.
    const load = mainThreadSplit({}, await metrics(cdp));
    const jsKb = await page.evaluate(
      () =>
        performance
          .getEntriesByType('resource')
          .reduce(
            (sum, r) => sum + (r.name.endsWith('.js') ? (r as PerformanceResourceTiming).decodedBodySize : 0),
            0,
          ) / 1024,
    );
    let planShownMs: number | undefined;
    if (which === 'editor') {
      // Drag once the first simulation is on screen, so the worker is idle as during normal editing.
      await page.getByTestId(`placement-${DRAGGED}`).waitFor({ timeout: 180_000 });
      planShownMs = await page.evaluate(() => performance.now());
    }
    await sleep(500);
    const node = page.locator(`.react-flow__node[data-id="${DRAGGED}"]`);
    const box = await node.boundingBox();
    if (!box) throw new Error(`node ${DRAGGED} has no box`);
    const cx = box.x + box.width / 2;
    const cy = box.y + box.height / 2;
    const dom = await page.evaluate(() => ({
      nodes: document.querySelectorAll('.react-flow__node').length,
      edges: document.querySelectorAll('.react-flow__edge').length,
      minimapNodes: document.querySelectorAll('.react-flow__minimap-node').length,
      elements: document.getElementsByTagName('*').length,
    }));
    const before = await metrics(cdp);
    // Only for the extra profiled run (root given): a CPU profile of the drag, not part of the medians.
    const stopProfile = root ? await startProfile(cdp) : null;
    await page.evaluate(startFrames);
    await page.mouse.move(cx, cy);
    await page.mouse.down();
    const t0 = Date.now();
    for (let i = 0; Date.now() - t0 < DRAG_MS && i < 100_000; i++) {
      const a = i / 15;
      await page.mouse.move(cx + 30 + 120 * Math.sin(a), cy + 80 * Math.sin(a * 0.7));
    }
    await page.mouse.up();
    const frames = await page.evaluate(stopFrames);
    const after = await metrics(cdp);
    const profile = stopProfile && root ? selfTimeByScript(root, await stopProfile()) : undefined;
    return {
      profile,
      loadProfile,
      drawnMs,
      frameMedian: median(frames),
      frameP95: quantile(frames, 0.95),
      frames: frames.length,
      split: mainThreadSplit(before, after),
      planShownMs,
      dom,
      load,
      jsKb,
    };
  } finally {
    await close();
  }
}

export interface EditRun {
  updatedMs: number;
  placementChangedMs?: number;
  status: string;
  longestTask: number;
  longTasks: number;
  trace?: ThreadBusy | null;
  selfCheckMs?: number;
}

/** Which field of which component an edit changes, and by how much (it alternates: see measureEdit). */
export interface EditSpec {
  component: string;
  label: string;
  factor: number;
}
/** The bench's edit on the small design: the entry's peak load, × 40. */
export const ENTRY_PEAK_EDIT: EditSpec = { component: EDITED, label: 'Peak load (req/s)', factor: 40 };

const originals = new Map<string, number>();
/** Edits made so far to each field (by `which`, below): each edit sets a value not set before. */
const editsMade = new Map<string, number>();

/**
 * The k-th edit's value: `factor` times the design's own, 5 % more at each edit. Never a value set
 * before: alternating between two values (as this bench did until 2026-12-04) let every later edit
 * find its SLO curves and joint choice computed by the edit two before, which an author trying new
 * values does not — the later edits measured a cache.
 */
export const editValue = (original: number, factor: number, k: number) => Math.round(original * factor * (1 + k / 20));

/** Between edits in one page: a user reading the new recommendation before the next edit. */
const BETWEEN_EDITS_MS = 1000;

/**
 * `edits` edits in one page, each to a value not set before (editValue): the first after
 * the design's first plan is on screen, the others BETWEEN_EDITS_MS after the one before was shown. The
 * first edit after opening pays for what the browser has not compiled yet (see bench/RESULTS.md), so
 * callers report it apart from the later ones. Only a single edit can be traced.
 */
export async function measureEdits(
  browser: Browser,
  target: Target,
  id: string,
  edits: number,
  spec: EditSpec = ENTRY_PEAK_EDIT,
): Promise<EditRun[]> {
  const { page, cdp, close } = await openPage(browser, target.base);
  try {
    const runs: EditRun[] = [];
    await openForEdit(page, id, spec);
    for (let k = 0; k < edits; k++) {
      if (k > 0) await sleep(BETWEEN_EDITS_MS);
      runs.push(await editOnce(page, cdp, target, id, spec, false));
    }
    return runs;
  } finally {
    await close();
  }
}

export async function measureEdit(
  browser: Browser,
  target: Target,
  id: string,
  traced: boolean,
  spec: EditSpec = ENTRY_PEAK_EDIT,
): Promise<EditRun> {
  const { page, cdp, close } = await openPage(browser, target.base);
  try {
    await openForEdit(page, id, spec);
    return await editOnce(page, cdp, target, id, spec, traced);
  } finally {
    await close();
  }
}

/** Opens the design, waits for its first plan, selects the component to edit. */
async function openForEdit(page: Page, id: string, spec: EditSpec): Promise<void> {
  await page.goto(`/designs/${id}`);
  await page.getByTestId(`placement-${spec.component}`).waitFor({ timeout: 120_000 });
  await page.getByTestId(`node-${spec.component}`).click();
  // The run status shows in the Selection tab once a component is selected.
  await page
    .locator('.res-status', { hasText: /^Updated in/ })
    .first()
    .waitFor({ timeout: 120_000 });
}

/** One edit (typed, Enter) until the updated recommendation shows, and the long tasks meanwhile. */
async function editOnce(
  page: Page,
  cdp: CDPSession,
  target: Target,
  id: string,
  spec: EditSpec,
  traced: boolean,
): Promise<EditRun> {
  const field = page.getByLabel(spec.label);
  const current = Number(await field.inputValue());
  // The edit is saved, so the next visit opens it: the values are taken from the design's own value
  // (kept from the first visit), not from the last edit's, so that they do not compound.
  const which = `${id}/${spec.component}/${spec.label}`;
  const original = originals.get(which) ?? current;
  originals.set(which, original);
  const k = editsMade.get(which) ?? 0;
  editsMade.set(which, k + 1);
  await page.evaluate(armEditProbe);
  const stopTrace = traced ? await startTrace(cdp) : null;
  // Typed and committed with Enter at once, as a user does: the inspector also commits a value on a
  // 400 ms pause (COMMIT_DELAY_MS), and a pause before the key would start the run before the clock.
  await field.fill(String(editValue(original, spec.factor, k)));
  await field.press('Enter');
  await page.waitForFunction(
    () => (window as { __bench?: { updatedAt?: number } }).__bench?.updatedAt !== undefined,
    null,
    { timeout: 60_000 },
  );
  await sleep(300); // long tasks right after the update (layout of the new results) still count
  const probe = await page.evaluate(readProbe);
  const events = stopTrace ? await stopTrace() : null;
  if (events) writeFileSync(path.join(target.outDir, 'edit-trace.json'), JSON.stringify({ traceEvents: events }));
  // Self-check of the long-task observer: an 80 ms busy loop must be reported.
  const selfCheckMs = traced
    ? await page.evaluate(async () => {
        const seen: number[] = [];
        const observer = new PerformanceObserver((list) => list.getEntries().forEach((e) => seen.push(e.duration)));
        observer.observe({ type: 'longtask' });
        setTimeout(() => {
          const t = performance.now();
          while (performance.now() - t < 80) {
            /* busy */
          }
        }, 0);
        await new Promise((r) => setTimeout(r, 300));
        observer.disconnect();
        return Math.max(0, ...seen);
      })
    : undefined;
  const key = probe.keyAt as number;
  const tasks = (probe.longTasks ?? []).filter((t) => t.start + t.duration >= key);
  return {
    updatedMs: (probe.updatedAt as number) - key,
    placementChangedMs: probe.placementChangedAt === undefined ? undefined : probe.placementChangedAt - key,
    status: probe.statusText ?? '',
    longestTask: Math.max(0, ...tasks.map((t) => t.duration)),
    longTasks: tasks.length,
    trace: events ? busyBetween(events, 'bench-key', 'bench-updated') : undefined,
    selfCheckMs,
  };
}
