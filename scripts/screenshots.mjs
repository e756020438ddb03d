// `npm run screenshots`: takes the README's screenshots (docs/screenshots/*.png) from the built app, so
// that they show what the code draws today. Builds if stale, serves the production server on its own
// port with a fresh database (the seeded examples), and drives Debian's Chromium through Playwright.
import { spawn } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { chromium } from '@playwright/test';
import { CHROMIUM_ARGS } from './chromium.cjs';
import { findChromium } from './ensure-browser.mjs';
import { buildIfStale, env, root } from './lib.mjs';

const port = process.env.SCREENSHOTS_PORT ?? '3895';
const base = `http://127.0.0.1:${port}`;
const out = path.join(root, 'docs', 'screenshots');
mkdirSync(out, { recursive: true });

buildIfStale();
const server = spawn(process.execPath, ['scripts/serve-e2e.mjs'], {
  cwd: root,
  stdio: ['ignore', 'ignore', 'inherit'],
  env: { ...env, E2E_PORT: port, E2E_DB: 'screenshots.db', TIDEMARK_PASSWORD: '' },
});

async function waitForServer() {
  for (let i = 0; i < 120; i++) {
    try {
      if ((await fetch(`${base}/api/trpc/designs.list`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`the server on ${base} did not start within 60 s`);
}

async function trpc(procedure, input) {
  const res = await fetch(`${base}/api/trpc/${procedure}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: base },
    body: JSON.stringify(input),
  });
  if (!res.ok) throw new Error(`${procedure}: ${res.status} ${await res.text()}`);
  return (await res.json()).result.data;
}

let browser;
try {
  await waitForServer();
  const created = await trpc('designs.create', { from: 'example', example: 'cloud-bursting' });
  browser = await chromium.launch({
    executablePath: findChromium(),
    args: CHROMIUM_ARGS,
  });
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 }, colorScheme: 'light' });
  const shot = async (name) => {
    await page.waitForTimeout(600); // the last animation (fit view, chart) settles
    await page.screenshot({ path: path.join(out, `${name}.png`) });
    console.log(`docs/screenshots/${name}.png`);
  };

  await page.goto(`${base}/`);
  await page.getByRole('button', { name: 'New design' }).waitFor();
  await shot('designs');

  // The editor opens on the decision: cost, savings, risk, why not the alternatives.
  await page.goto(`${base}/designs/${created.id}`);
  await page.locator('[data-testid^="placement-"]').first().waitFor({ timeout: 60_000 });
  await shot('editor');

  // A component's own decision: where it runs, why, and its options.
  await page.getByTestId('node-catalog').click();
  await page.getByRole('tab', { name: 'Selection' }).waitFor();
  await shot('component');

  // The assumptions the plan rests on.
  await page.getByRole('tab', { name: 'Assumptions' }).click();
  await page.getByTestId('assumptions-panel').waitFor();
  await shot('assumptions');

  // The replay two hours into the example's day-12 sale (it starts at hour 272): who bursts, how busy.
  await page.getByRole('tab', { name: 'Decision' }).click();
  await page.getByRole('slider', { name: 'Time in the simulated month' }).fill('274');
  await shot('replay');

  // The same editor in the dark theme.
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.getByRole('button', { name: 'Live', exact: true }).click();
  await shot('editor-dark');
} finally {
  await browser?.close();
  server.kill('SIGTERM');
}
