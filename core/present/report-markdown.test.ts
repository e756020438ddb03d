import { describe, expect, it } from 'vitest';
import { hybridServerless } from '../examples/hybrid-serverless';
import { designSchema } from '../model/design';
import type { Plan } from '../model/plan';
import { buildPlan } from '../plan/build-plan';
import { reportMarkdown, text } from './report-markdown';
import { formatMoney } from './format';

const design = designSchema.parse(hybridServerless);
const { plan } = buildPlan(design);
const report = reportMarkdown(plan, design);

describe('reportMarkdown', () => {
  it('has a section per component with its placement, reasons with rule ids and all four options', () => {
    for (const p of plan.placements) {
      const c = design.components.find((x) => x.id === p.componentId);
      const heading = report.split('\n').find((l) => l.startsWith('### ') && l.includes(`\`${p.componentId}\``));
      expect(heading, p.componentId).toContain(c?.name);
      const section = report.slice(
        report.indexOf(heading ?? '\u0000'),
        report.indexOf('\n### ', report.indexOf(heading ?? '') + 1),
      );
      for (const r of p.reasons) expect(section).toContain(`- **${r.rule}**:`);
      expect(section.match(/^\| (Data centre|Elastic VMs|Serverless|Burst \(both\))/gm)).toHaveLength(4);
      expect(section).toContain('**(chosen)**');
    }
  });

  it('lists every wiring element with its reason and the three totals', () => {
    expect(plan.wiring.length).toBeGreaterThan(0);
    for (const w of plan.wiring) expect(report).toMatch(new RegExp(`^\\| ${w.id} \\|`, 'm'));
    expect(report).toContain(`| **Recommended** | ${formatMoney(plan.totals.recommended.monthlyCost)} |`);
    expect(report).toContain(`| All in the data centre | ${formatMoney(plan.totals.allStatic.monthlyCost)} |`);
    expect(report).toContain(`| All elastic | ${formatMoney(plan.totals.allElastic.monthlyCost)} |`);
    expect(report).toContain(plan.design.sha256);
    expect(report).toContain('"stepMinutes"');
  });

  it('is stable: the same plan gives the same bytes, and without the design it names components by id', () => {
    expect(reportMarkdown(plan, design)).toBe(report);
    const bare = reportMarkdown(plan);
    for (const p of plan.placements) expect(bare).toContain(`### \`${p.componentId}\``);
  });

  it('keeps table rows intact when a text holds a pipe or a line break', () => {
    const first = plan.placements[0]!;
    const odd: Plan = {
      ...plan,
      placements: [{ ...first, options: first.options.map((o) => ({ ...o, note: 'a | b\nc' })) }],
      wiring: [],
    };
    const text = reportMarkdown(odd);
    expect(text).toContain('a \\| b c');
    expect(text).toContain('No wiring is needed');
  });
});

describe('names in the report', () => {
  it('never become markup, a heading or a broken table row', () => {
    const hostile = {
      ...design,
      name: 'Shop\n# Pwned <img src=x onerror=alert(1)>',
      components: design.components.map((c, i) =>
        i === 0 ? { ...c, name: '<script>alert(1)</script> *bold* [link](http://evil.example) a|b `x` #' } : c,
      ),
    };
    const md = reportMarkdown({ ...plan, design: { ...plan.design, name: hostile.name } }, hostile);
    expect(md).not.toMatch(/<script|<img/);
    expect(md.split('\n').filter((l) => /^#+ /.test(l) && l.includes('Pwned'))).toEqual([
      '# Placement plan: Shop \\# Pwned &lt;img src=x onerror=alert(1)&gt;',
    ]);
    const first = design.components[0]!.id;
    const row = md.split('\n').find((l) => l.startsWith('| ') && l.includes(`(\`${first}\`)`))!;
    expect(row).toContain(
      '&lt;script&gt;alert(1)&lt;/script&gt; \\*bold\\* \\[link\\](http://evil.example) a\\|b \\`x\\` \\#',
    );
    // The row still has its four cells.
    expect(row.split(/(?<!\\)\|/).length - 2).toBe(4);
  });

  it('escapes nothing in a plain name', () => {
    expect(text('Photo shop (hybrid serverless) 1.5')).toBe('Photo shop (hybrid serverless) 1.5');
  });
});
