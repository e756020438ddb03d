import { describe, expect, it } from 'vitest';
import { cloudBursting } from '../examples';
import { buildInsight } from '../plan/insight';
import { validDesign } from '../testing/design-fixture';
import { describeTippingPoint, formatSpread } from './insight-words';
import { formatMoney } from './format';
import { reportMarkdown } from './report-markdown';

describe('tipping points in words', () => {
  it('says where the component stays, until what, and where it goes', () => {
    const point = { parameter: 'components[2].workload.peakRps', value: 200, flipsAt: 340, to: 'burst' } as const;
    expect(describeTippingPoint({ ...point, direction: 'above' }, 'static')).toBe(
      'stays in the data centre until its peak passes 340 rps (today 200 rps); then burst',
    );
    const price = {
      parameter: 'environments.vm.hourlyPrice',
      value: 0.096,
      flipsAt: 0.0414,
      to: 'elastic-vm',
    } as const;
    expect(describeTippingPoint({ ...price, direction: 'below' }, 'serverless')).toBe(
      'stays on functions until a VM hour costs less than $0.0414 (today $0.096); then elastic VMs',
    );
  });

  it('reads a spread as one value when the seeds agree', () => {
    expect(formatSpread({ p10: 3, p50: 3, p90: 3 }, formatMoney)).toBe('$3.00');
    expect(formatSpread({ p10: 2, p50: 3, p90: 5 }, formatMoney)).toBe('$2.00–$5.00 (median $3.00)');
  });
});

describe('the report with what would change it', () => {
  const design = validDesign(cloudBursting);
  const { plan } = buildInsight(design, { seeds: 4 });
  const report = reportMarkdown(plan, design);
  const section = report.slice(report.indexOf('## What would change it'), report.indexOf('## Assumptions'));

  it('has every tipping point as a sentence and the noisy web tier’s ranges', () => {
    const points = plan.placements.flatMap((p) => (p.tippingPoints ?? []).map((t) => ({ p, t })));
    expect(points.length).toBeGreaterThan(0);
    for (const { p, t } of points) expect(section).toContain(describeTippingPoint(t, p.placement));
    expect(section).toContain('**Web shop (`web`)** over 4 seeds of its random load');
    const web = plan.placements.find((p) => p.componentId === 'web');
    const chosen = web?.ranges?.options.find((o) => o.placement === web.placement);
    expect(chosen).toBeDefined();
    if (chosen)
      expect(section).toContain(`| Burst (both) **(chosen)** | ${formatSpread(chosen.monthlyCost, formatMoney)} |`);
  });

  it('gives the recommended total as a range', () => {
    const total = plan.ranges?.recommended.monthlyCost;
    expect(total).toBeDefined();
    if (total) expect(section).toContain(`costs ${formatSpread(total, formatMoney)} a month`);
  });

  it('names the components searched when only some were (the editor exports those it searched)', () => {
    const one = {
      ...plan,
      placements: plan.placements.map((p) => (p.componentId === 'web' ? p : { ...p, tippingPoints: undefined })),
    };
    const text = reportMarkdown(one, design);
    expect(text).toContain('Searched for Web shop (`web`) only; the other components were not searched.');
    const none = {
      ...one,
      placements: one.placements.map((p) => (p.componentId === 'web' ? { ...p, tippingPoints: [] } : p)),
    };
    expect(reportMarkdown(none, design)).toContain(
      'No single input within ×0.1…×10 of its value moves Web shop (`web`).',
    );
    expect(section).not.toContain('Searched for');
  });

  it('is absent from a plan made without --insight', () => {
    const { placements } = plan;
    const { ranges: _ranges, ...rest } = plan;
    const plain = { ...rest, placements: placements.map(({ tippingPoints: _t, ranges: _r, ...p }) => p) };
    expect(reportMarkdown(plain, design)).not.toContain('## What would change it');
  });
});
