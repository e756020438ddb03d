import { chromium } from '@playwright/test';
import { generateLayeredDesign } from './bench/lib/canvas-design.ts';
const BASE = 'http://127.0.0.1:3533';
import { createDesign } from './bench/lib/bench-server';
const id = await createDesign(BASE, generateLayeredDesign(500, 800, 42));
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'] });
for (let v = 0; v < 3; v++) {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  const t0 = Date.now();
  await page.goto(`${BASE}/designs/${id}`);
  await page.waitForFunction(() => document.querySelectorAll('.react-flow__node').length >= 500, null, { timeout: 60000 });
  const drawn = Date.now() - t0;
  const res2 = await page.evaluate(() => performance.getEntriesByType('resource').map((r: any) => ({ n: r.name.replace(/^.*\//, ''), t: r.initiatorType, s: Math.round(r.startTime), e: Math.round(r.responseEnd), kb: Math.round(r.encodedBodySize / 1024), dkb: Math.round(r.decodedBodySize / 1024) })));
  const nav: any = await page.evaluate(() => JSON.parse(JSON.stringify(performance.getEntriesByType('navigation')[0])));
  console.log('visit', v, 'drawn', drawn, 'ms; html responseEnd', Math.round(nav.responseEnd), 'domInteractive', Math.round(nav.domInteractive));
  if (v === 2) for (const r of res2) console.log(r.t.padEnd(8), String(r.s).padStart(5), String(r.e).padStart(5), String(r.kb).padStart(5), String(r.dkb).padStart(6), r.n.slice(0, 80));
  await page.close();
}
await browser.close();
