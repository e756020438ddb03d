/**
 * Nothing lost in the editor: no single field can stop autosave, selecting a component rewrites
 * nothing, an edit made just before a reload survives it, a change too large to send on unload makes the browser ask, and a metrics reader that
 * dies says so instead of reading forever.
 */
import path from 'node:path';
import type { APIRequestContext } from '@playwright/test';
import { expect, test } from './fixtures';

const WC98 = path.join(__dirname, '..', '..', 'shared', 'data', 'traces', 'once_wc98_full_1h.csv');

async function createFromExample(request: APIRequestContext): Promise<string> {
  const created = await request.post('/api/trpc/designs.create', {
    data: { from: 'example', example: 'hybrid-backend' },
  });
  return ((await created.json()) as { result: { data: { id: string } } }).result.data.id;
}

interface StoredComponent {
  id: string;
  demand: { cpuMs: number };
  workload?: { pattern: string; peakStartHour?: number };
}

async function latestDocument(request: APIRequestContext, id: string) {
  const res = await request.get(`/api/trpc/designs.get?input=${encodeURIComponent(JSON.stringify({ id }))}`);
  return (
    (await res.json()) as {
      result: { data: { revision: number; document: { name: string; components: StoredComponent[] } } };
    }
  ).result.data;
}

test('the World Cup 98 fit lands inside the horizon, and every later edit is saved', async ({
  page,
  editor,
  request,
}) => {
  const id = await createFromExample(request);
  await page.goto(`/designs/${id}`);
  await editor.waitSimulated();
  await editor.select('erp-ui');
  await page.getByTestId('measured-input').setInputFiles(WC98);
  await expect(page.getByTestId('measured-verdict')).toContainText('once-in-a-lifetime', { timeout: 20_000 });
  await page.getByTestId('measured-result').getByRole('button', { name: 'Use the fitted pattern' }).click();
  // The measured event (past hour 720 of the 87 days) is fitted in the window of the series chosen for
  // the simulation, which by default holds the busiest month: it lands inside the 30-day horizon.
  await expect(page.getByLabel('Workload pattern')).toHaveValue('once-in-a-lifetime');
  expect(Number(await page.getByLabel(/Peak start/).inputValue())).toBeLessThan(720);
  // Its height as measured: about 3,000 req/s (11.1 M requests in its busiest hour), not a tenth of it.
  const peak = Number(await page.getByLabel('Peak load (req/s)').inputValue());
  expect(peak).toBeGreaterThan(1_000);
  expect(peak).toBeLessThan(10_000);
  await editor.waitSaved();
  // The fit is on the server before the next edit begins.
  await expect
    .poll(
      async () =>
        (await latestDocument(request, id)).document.components.find((c) => c.id === 'erp-ui')?.workload?.pattern,
    )
    .toBe('once-in-a-lifetime');
  await editor.waitSaved();

  // An edit anywhere else afterwards is saved too, and survives a reload. Typed straight after the
  // click: while the inspector is still catching up with the new selection, its form is disabled, so
  // the value cannot land in the previous component's form (which would put it on erp-ui).
  const cpuOfUi = (await latestDocument(request, id)).document.components.find((c) => c.id === 'erp-ui')?.demand.cpuMs;
  await editor.select('erp');
  await page.getByLabel('CPU time (ms)').fill('77');
  await page.getByLabel('CPU time (ms)').press('Tab');
  await expect(page.getByLabel('CPU time (ms)')).toHaveValue('77');
  const cpuOfErp = async () =>
    (await latestDocument(request, id)).document.components.find((c) => c.id === 'erp')?.demand.cpuMs;
  await expect.poll(cpuOfErp, { timeout: 20_000 }).toBe(77);
  await editor.waitSaved();
  await expect(page.getByTestId('save-problem')).toHaveCount(0);
  await page.reload();
  await editor.waitSimulated();
  const saved = await latestDocument(request, id);
  const ui = saved.document.components.find((c) => c.id === 'erp-ui')!;
  expect(ui.workload?.pattern).toBe('once-in-a-lifetime');
  expect(ui.workload?.peakStartHour).toBeLessThan(720);
  expect(saved.document.components.find((c) => c.id === 'erp')!.demand.cpuMs).toBe(77);
  expect(ui.demand.cpuMs).toBe(cpuOfUi);
});

test('a name the schema refuses is refused at the field, and autosave goes on', async ({ page, editor, request }) => {
  const id = await createFromExample(request);
  await page.goto(`/designs/${id}`);
  await editor.waitSimulated();
  const name = page.getByLabel('Design name');
  await name.fill('Invoice \u202Egnp.exe');
  await expect(page.locator('#design-name-error')).toContainText('bidirectional override');
  await name.press('Enter');
  // Kept where it was typed, marked, and the editor says it is not saved (nothing typed is lost).
  await expect(name).toHaveValue('Invoice \u202Egnp.exe');
  await expect(page.getByTestId('save-status')).toContainText('Not saved: The name');
  await editor.select('erp');
  await page.getByLabel('CPU time (ms)').fill('55');
  await page.getByLabel('CPU time (ms)').press('Tab');
  // The rest of the document is saved meanwhile; the refused name never reaches it.
  await expect
    .poll(
      async () => (await latestDocument(request, id)).document.components.find((c) => c.id === 'erp')!.demand.cpuMs,
      {
        timeout: 15_000,
      },
    )
    .toBe(55);
  expect((await latestDocument(request, id)).document.name).toBe('ERP with nightly analytics (hybrid backend)');
  await expect(page.getByTestId('save-status')).toContainText('Not saved: The name');
  // Escape brings the stored name back, and with it nothing is left unsaved.
  await name.press('Escape');
  await expect(name).toHaveValue('ERP with nightly analytics (hybrid backend)');
  await editor.waitSaved();
});

test('selecting a component leaves its stored fields as they are', async ({ page, editor, request }) => {
  // An imported design may carry fields its pattern does not use (and many decimals); the form's
  // drafts leave those out, and merely selecting the component must commit nothing.
  const source = await latestDocument(request, await createFromExample(request));
  const document = structuredClone(source.document) as unknown as {
    components: (StoredComponent & { workload?: Record<string, unknown> })[];
  };
  const exporter = document.components.find((c) => c.id === 'data-access')!;
  exporter.workload = { ...exporter.workload!, spikesPerWeek: 3, growthPerMonth: 0.05 };
  exporter.demand.cpuMs = 30.123456;
  const created = await request.post('/api/trpc/designs.create', { data: { from: 'import', document } });
  expect(created.ok()).toBe(true);
  const id = ((await created.json()) as { result: { data: { id: string } } }).result.data.id;
  const before = await latestDocument(request, id);

  await page.goto(`/designs/${id}`);
  await editor.waitSimulated();
  await editor.select('data-access');
  await expect(page.getByLabel('CPU time (ms)')).toHaveValue('30.123456');
  // Well past the form's 400 ms commit delay: still saved, nothing written.
  await page.waitForTimeout(1_500);
  await expect(page.getByTestId('save-status')).toHaveText('Saved');
  await editor.select('erp');
  await page.waitForTimeout(600);
  await expect(page.getByTestId('save-status')).toHaveText('Saved');
  const after = await latestDocument(request, id);
  expect(after.revision).toBe(before.revision);
  const stored = after.document.components.find((c) => c.id === 'data-access')! as StoredComponent & {
    workload: Record<string, unknown>;
  };
  expect(stored.demand.cpuMs).toBe(30.123456);
  expect(stored.workload).toMatchObject({ pattern: 'periodic', spikesPerWeek: 3, growthPerMonth: 0.05 });

  // A real edit to the same component is still committed (and normalises what it commits).
  await editor.select('data-access');
  await page.getByLabel('CPU time (ms)').fill('31');
  await page.getByLabel('CPU time (ms)').press('Tab');
  await editor.waitSaved();
  const edited = (await latestDocument(request, id)).document.components.find((c) => c.id === 'data-access')!;
  expect(edited.demand.cpuMs).toBe(31);
});

test('an edit typed 150 ms before a reload is saved, not lost', async ({ page, editor, request }) => {
  const id = await createFromExample(request);
  await page.goto(`/designs/${id}`);
  await editor.waitSimulated();
  await editor.select('erp');
  const cpu = page.getByLabel('CPU time (ms)');
  await cpu.fill('123');
  // Still being typed: not in the document yet, and the indicator says so.
  await expect(page.getByTestId('save-status')).toHaveText('Unsaved');
  await page.waitForTimeout(150);
  let asked = false;
  page.once('dialog', (dialog) => {
    asked = true;
    void dialog.accept();
  });
  await page.reload();
  await editor.waitSimulated();
  await editor.select('erp');
  await expect(page.getByLabel('CPU time (ms)')).toHaveValue('123');
  expect(asked).toBe(false); // sent with keepalive: nothing to ask about
  expect((await latestDocument(request, id)).document.components.find((c) => c.id === 'erp')!.demand.cpuMs).toBe(123);
});

test('a change too large to send on unload makes the browser ask before leaving', async ({ page, editor, request }) => {
  const trace = Array.from({ length: 30_000 }, (_, i) => 100 + (i % 97));
  const created = await request.post('/api/trpc/designs.create', {
    data: {
      from: 'import',
      document: {
        format: 'tidemark.design',
        version: 1,
        name: 'Large traced design',
        components: [
          {
            id: 'web',
            name: 'Web',
            kind: 'ui',
            demand: { cpuMs: 5 },
            workload: { pattern: 'static', baseRps: 1, trace: { stepMinutes: 5, rps: trace } },
          },
        ],
      },
    },
  });
  const { id } = ((await created.json()) as { result: { data: { id: string } } }).result.data;
  await page.goto(`/designs/${id}`);
  await editor.waitSimulated();
  await editor.select('web');
  // The click that selected the component is the user activation Chromium wants before it asks.
  await page.getByLabel('CPU time (ms)').fill('9');
  // Leaving now would lose the change (too large for a keepalive request): the browser asks. Closing
  // with runBeforeUnload runs the page's beforeunload; dismissing the question keeps the page open (a
  // dismissed reload would instead leave page.reload() waiting for a load that never comes).
  const dialog = page.waitForEvent('dialog');
  await page.close({ runBeforeUnload: true });
  const asked = await dialog;
  expect(asked.type()).toBe('beforeunload');
  await asked.dismiss();
  // Staying on the page, the change is saved as usual.
  await editor.waitSaved();
  expect(page.isClosed()).toBe(false);
  expect((await latestDocument(request, id)).document.components[0]!.demand.cpuMs).toBe(9);
  // Once it is saved there is nothing to lose: the page closes without a question.
  let askedAgain = false;
  page.on('dialog', (again) => {
    askedAgain = true;
    void again.dismiss();
  });
  const closed = page.waitForEvent('close', { timeout: 10_000 });
  await page.close({ runBeforeUnload: true });
  await closed;
  expect(askedAgain).toBe(false);
});

test('a metrics reader that dies says so, instead of reading forever', async ({ page, editor, request }) => {
  await page.addInitScript(() => {
    const Real = window.Worker;
    // The metrics reader (and only it) fails as a crashed or unloadable worker would.
    window.Worker = class extends Real {
      constructor(url: string | URL, options?: WorkerOptions) {
        const broken = URL.createObjectURL(
          new Blob(['throw new Error("reader crashed")'], { type: 'text/javascript' }),
        );
        super(options?.name === 'tidemark-metrics' ? broken : url, options);
      }
    };
  });
  const id = await createFromExample(request);
  await page.goto(`/designs/${id}`);
  await editor.waitSimulated();
  await editor.select('erp-ui');
  await page.getByTestId('measured-input').setInputFiles(WC98);
  const alert = page.getByTestId('measured-load').getByRole('alert');
  await expect(alert).toContainText('The file could not be read: the reader stopped');
  await expect(page.getByText(/^Reading /)).toHaveCount(0);
  await expect(page.getByLabel('Workload pattern')).toHaveValue('static');
});
