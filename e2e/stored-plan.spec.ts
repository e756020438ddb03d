/**
 * Plans computed once (issue 15): a share link shows the plan stored on the server — the reviewer's
 * browser starts no plan worker and simulates nothing, unless the server's job failed — and automation submits a design, waits for
 * its plan and fetches it. Runs on SQLite (the app's own plan pool) and on PostgreSQL (a worker
 * process beside the app: scripts/serve-e2e.mjs).
 */
import { z } from 'zod';
import { EXAMPLE_DESIGNS } from '../core/examples';
import { EditorPage } from './editor-fixtures';
import { createExample, expect, test } from './fixtures';
import { problemPaths, trpcData } from './trpc-json';

const jobSchema = z.object({
  id: z.string(),
  status: z.enum(['queued', 'running', 'done', 'failed']),
  designHash: z.string(),
  engineVersion: z.string(),
  error: z.string().nullable(),
});
const storedSchema = jobSchema.extend({
  plan: z.looseObject({ format: z.literal('tidemark.plan'), design: z.looseObject({ sha256: z.string() }) }).nullable(),
});
const tokenSchema = z.object({ token: z.string() });
const query = (input: unknown) => `input=${encodeURIComponent(JSON.stringify(input))}`;

test('a share link shows the plan stored on the server, without simulating in the browser', async ({
  browser,
  request,
}) => {
  const id = await createExample(request, 'cloud-bursting');
  const link = await request.post('/api/trpc/shares.create', { data: { designId: id } });
  const { token } = await trpcData(link, tokenSchema);

  const reviewer = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const view = await reviewer.newPage();
  const workers: string[] = [];
  view.on('worker', (worker) => workers.push(worker.url()));
  const planAnswers: string[] = [];
  view.on('response', (response) => {
    if (new URL(response.url()).pathname === `/s/${token}/plan`)
      planAnswers.push(response.headers()['content-type'] ?? '');
  });
  await view.goto(`/s/${token}`);
  const shared = new EditorPage(view);
  await shared.waitSimulated();
  const source = view.getByTestId('plan-source');
  await expect(source).toHaveAttribute('data-source', 'server');
  await expect(source).toHaveAttribute('data-status', 'done');
  await expect(source).toHaveText('Plan computed on the server');
  await expect(view.getByTestId('decision-total')).toHaveText(/^\$[\d,]+\.\d\d$/);
  // The timeline's chart series came with the stored plan.
  await expect(view.getByRole('slider').first()).toBeVisible();
  await view.screenshot({ path: 'test-results/screens/stored-plan-share.png' });

  // The plan came from the server's answer, and no engine ran here: no Web Worker was started.
  expect(planAnswers.length).toBeGreaterThan(0);
  expect(planAnswers.every((type) => type.startsWith('application/json'))).toBe(true);
  expect(workers).toEqual([]);

  // plans.get with the same token gives the same stored plan: the one the page shows.
  const byToken = await request.get(`/api/trpc/plans.get?${query({ token })}`);
  const stored = await trpcData(byToken, storedSchema);
  expect(stored.status).toBe('done');
  expect(stored.plan?.format).toBe('tidemark.plan');
  await reviewer.close();
});

test('when the server could not compute the plan, the page says so and simulates it in the browser', async ({
  browser,
  request,
}) => {
  const id = await createExample(request, 'cloud-bursting');
  const { token } = await trpcData(
    await request.post('/api/trpc/shares.create', { data: { designId: id } }),
    tokenSchema,
  );
  const reviewer = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const view = await reviewer.newPage();
  // The server's answer, as a failed job gives it (a real failure cannot be provoked from here).
  await view.route(`**/s/${token}/plan?**`, (route) =>
    route.fulfill({
      contentType: 'application/json',
      body: JSON.stringify({ status: 'failed', error: 'the engine stopped at components[2]', revision: 1 }),
    }),
  );
  const workers: string[] = [];
  view.on('worker', (worker) => workers.push(worker.url()));
  await view.goto(`/s/${token}`);
  const source = view.getByTestId('plan-source');
  await expect(source).toHaveAttribute('data-source', 'browser');
  await expect(source).toHaveText(
    'The server could not compute the plan (the engine stopped at components[2]); it is simulated in your browser instead.',
  );
  await new EditorPage(view).waitSimulated();
  await expect(view.getByTestId('decision-total')).toHaveText(/^\$[\d,]+\.\d\d$/);
  // Here, and only here, the browser started a worker to plan in (the first test saw none).
  expect(workers.length).toBeGreaterThan(0);
  await reviewer.close();
});

test('automation submits a design, waits for its plan and fetches it; bad input says what and where', async ({
  request,
}) => {
  const example = EXAMPLE_DESIGNS.find((e) => e.key === 'hybrid-serverless')!.design;
  const document = { ...example, name: `Automated ${Date.now()}` };
  const submitted = await request.post('/api/trpc/plans.submit', { data: { document } });
  expect(submitted.status()).toBe(200);
  const job = await trpcData(submitted, jobSchema);
  expect(job.id).toMatch(/^[a-f0-9]{32}$/);

  let status = job;
  for (let i = 0; i < 6 && status.status !== 'done' && status.status !== 'failed'; i += 1) {
    const waited = await request.get(`/api/trpc/plans.status?${query({ id: job.id, waitMs: 20_000 })}`);
    status = await trpcData(waited, jobSchema);
  }
  expect(status).toMatchObject({ status: 'done', error: null });
  const fetched = await trpcData(await request.get(`/api/trpc/plans.get?${query({ id: job.id })}`), storedSchema);
  expect(fetched.plan?.design.sha256).toBe(job.designHash);

  // The same document again is the same job; a broken one is refused with its path.
  expect((await trpcData(await request.post('/api/trpc/plans.submit', { data: { document } }), jobSchema)).id).toBe(
    job.id,
  );
  const broken = await request.post('/api/trpc/plans.submit', {
    data: { document: { ...document, connections: [{ id: 'x', from: 'nowhere', to: 'upload-api' }] } },
  });
  expect(broken.status()).toBe(400);
  expect(await problemPaths(broken)).toContain('connections[0].from');
  const unknown = await request.get(`/api/trpc/plans.status?${query({ id: 'f'.repeat(32) })}`);
  expect(unknown.status()).toBe(404);
});
