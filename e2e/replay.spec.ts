/**
 * The replay shows what the plan reports: a catalogue that cannot serve the day-12 sale drops requests
 * as it starts. The timeline marks that moment; going there marks the catalogue on the
 * canvas (how many requests it drops, and that it misses its SLO), with a legend for the colours.
 */
import { EXAMPLE_DESIGNS } from '../core/examples';
import { expect, importDesign, test } from './fixtures';

/**
 * Since issue 12 the engine plans for the known sale, and nothing drops; a catalogue held to ten
 * data-centre cores (a pin) cannot serve it, and the plan reports the drops the replay must show.
 */
function heldCatalogue() {
  const design = structuredClone(EXAMPLE_DESIGNS.find((e) => e.key === 'cloud-bursting')!.design);
  for (const c of design.components) if (c.id === 'catalog') c.pin = { placement: 'static', cores: 10 };
  return design;
}

const shot = (name: string) => `test-results/screens/replay-${name}.png`;

test('the day-12 drops are marked on the timeline and on the nodes that drop', async ({ page, editor, request }) => {
  await page.goto(`/designs/${await importDesign(request, heldCatalogue())}`);
  await editor.waitSimulated();
  const events = page.getByRole('list', { name: 'Moments with drops or SLO misses' });
  const marker = events.getByTestId('replay-event').first();
  await expect(marker).toHaveAccessibleName(/^Replay Day 12, \d\d:00: [\d,]+ requests dropped/);
  await expect(marker).toHaveAccessibleName(/Catalogue service/);
  // Nothing is marked while the canvas shows placements (Live).
  await expect(page.getByTestId('alarm-catalog')).toHaveCount(0);
  await expect(page.getByTestId('replay-legend')).toHaveCount(0);

  await marker.click();
  await expect(page.locator('.res-scrubber output')).toHaveText(/^Day 12, /);
  await expect(page.getByTestId('alarm-catalog')).toBeVisible();
  await expect(page.getByTestId('replay-catalog')).toHaveText(/^[\d,]+ dropped · over SLO$/);
  const dropped = Number((await page.getByTestId('replay-catalog').innerText()).split(' ')[0]!.replace(/,/g, ''));
  expect(dropped).toBeGreaterThan(1000);
  // The node tells a screen reader too.
  await expect(
    page.getByRole('group', { name: /^Catalogue service,.*requests dropped.*missing its latency SLO/ }),
  ).toHaveCount(1);
  // Components that keep up are not marked.
  await expect(page.getByTestId('alarm-shop-db')).toHaveCount(0);
  // The legend says what the colours and the marks mean.
  const legend = page.getByTestId('replay-legend');
  await expect(legend).toContainText('busy');
  await expect(legend).toContainText('drops requests or misses its SLO');
  await page.screenshot({ path: shot('day-12') });

  // Playing the month stops on the marked moment rather than skipping it.
  await page.getByRole('button', { name: 'Live', exact: true }).click();
  await page.getByRole('slider', { name: 'Time in the simulated month' }).fill('250');
  await page.getByRole('button', { name: 'Play the month' }).click();
  await expect(page.getByTestId('alarm-catalog')).toBeVisible({ timeout: 10_000 });
  await page.getByRole('button', { name: 'Pause the replay' }).click();
});

test('work that only queues (async, beyond capacity) is busy in the replay, never "dropped"', async ({
  page,
  editor,
  request,
}) => {
  // A worker behind a queue, held to one data-centre core: 4-40 msg/s at 100 ms CPU each needs 0.4-4
  // cores, so its afternoons run far beyond capacity; messages wait, none time out, the plan drops none.
  const id = await importDesign(request, {
    format: 'tidemark.design',
    version: 1,
    name: 'Queued worker',
    components: [
      {
        id: 'api',
        name: 'API',
        kind: 'service',
        workload: { pattern: 'periodic', baseRps: 4, peakRps: 40 },
        demand: { cpuMs: 5 },
      },
      {
        id: 'worker',
        name: 'Worker',
        kind: 'processing',
        demand: { cpuMs: 100 },
        pin: { placement: 'static', cores: 1 },
      },
    ],
    connections: [{ id: 'c1', from: 'api', to: 'worker', mode: 'async' }],
  });
  await page.goto(`/designs/${id}`);
  await editor.waitSimulated();
  await editor.select('worker');
  await expect(page.getByRole('table').getByRole('row', { name: /^Dropped/ })).toContainText('0');
  // Through the first day (0 is also Live), to a moment where demand is beyond capacity.
  const slider = page.getByRole('slider', { name: 'Time in the simulated month' });
  const moment = page.locator('.res-now');
  let busiest = 0;
  for (let point = 1; point < 25 && busiest <= 1.5; point++) {
    await slider.fill(String(point));
    const percent = /(\d+) % busy/.exec(await moment.innerText());
    busiest = percent ? Number(percent[1]) / 100 : 0;
  }
  expect(busiest).toBeGreaterThan(1.5);
  await expect(moment).toContainText('the excess waits in a queue, none dropped');
  await expect(page.getByTestId('replay-worker')).toHaveCount(0);
  await expect(page.getByTestId('alarm-worker')).toHaveCount(0);
  await expect(page.getByRole('group', { name: /^Worker,.*busy/ })).not.toHaveAccessibleName(/dropped/);
  await page.screenshot({ path: shot('queued-worker') });
});
