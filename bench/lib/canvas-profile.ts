/**
 * A CDP CPU profile of the page's main thread, summarised by where the self time went: which
 * script (labelled by what its source contains: React DOM, React Flow, the app's canvas, ELK,
 * recharts), plus the browser's own buckets ((garbage collector), (program), (idle)).
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { CDPSession } from '@playwright/test';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string };
  hitCount?: number;
}
interface Profile {
  nodes: ProfileNode[];
  startTime: number;
  endTime: number;
  samples?: number[];
}

export async function startProfile(cdp: CDPSession): Promise<() => Promise<Profile>> {
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 250 });
  await cdp.send('Profiler.start');
  return async () => (await cdp.send('Profiler.stop')).profile;
}

const MARKERS: [RegExp, string][] = [
  [/tm-node-placement|tidemark-plan|tm-canvas/, 'app (editor, canvas, inspector)'],
  [/react-flow__node|xyflow/, '@xyflow/react'],
  [/react-dom|__reactFiber|reactFiber/, 'React DOM'],
  [/recharts|elkjs|ELK/, 'recharts / ELK'],
];

/** Labels a chunk by reading it from .next/static (the URL's path under /_next/). */
function labelOf(root: string, url: string, cache: Map<string, string>): string {
  if (!url) return '(native / browser)';
  const hit = cache.get(url);
  if (hit) return hit;
  // Chromium's own scripts carry names that are not URLs (seen: "v8/LoadTimes"): labelled as they are.
  if (!URL.canParse(url)) {
    cache.set(url, url);
    return url;
  }
  const rel = new URL(url).pathname.replace(/^\/_next\//, '');
  const file = path.join(root, '.next', rel);
  let label = rel.split('/').pop() ?? url;
  if (existsSync(file)) {
    const source = readFileSync(file, 'utf8');
    const kinds = MARKERS.filter(([re]) => re.test(source)).map(([, name]) => name);
    if (kinds.length > 0) label = `${label} (${kinds.join(' + ')})`;
  }
  cache.set(url, label);
  return label;
}

/** Self time in ms by script (or browser bucket), largest first. */
export function selfTimeByScript(root: string, profile: Profile): { where: string; ms: number }[] {
  const samples = profile.samples ?? [];
  const perSample = samples.length > 0 ? (profile.endTime - profile.startTime) / 1000 / samples.length : 0;
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const counts = new Map<number, number>();
  for (const s of samples) counts.set(s, (counts.get(s) ?? 0) + 1);
  const cache = new Map<string, string>();
  const totals = new Map<string, number>();
  for (const [id, count] of counts) {
    const node = byId.get(id);
    if (!node) continue;
    const name = node.callFrame.functionName;
    const where = name.startsWith('(') ? name : labelOf(root, node.callFrame.url, cache);
    totals.set(where, (totals.get(where) ?? 0) + count * perSample);
  }
  return [...totals].map(([where, ms]) => ({ where, ms })).sort((a, b) => b.ms - a.ms);
}
