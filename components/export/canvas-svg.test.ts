import { describe, expect, it } from 'vitest';
import { buildCanvasSvg, edgePath, escapeXml, fitText, wrapText, type SvgScene } from './canvas-svg';
import { TEST_PALETTE } from './test-palette';

const palette = TEST_PALETTE;

function scene(overrides: Partial<SvgScene> = {}): SvgScene {
  return {
    title: 'Retail web shop',
    subtitle: 'Recommended $315.51 a month',
    palette: { ...palette, place: { ...palette.place } },
    nodes: [
      {
        id: 'web',
        x: 0,
        y: 0,
        width: 200,
        height: 90,
        name: 'Web shop',
        detail: 'Service',
        placement: 'burst',
        cost: '$88.46/mo',
      },
      {
        id: 'db',
        x: 400,
        y: 120,
        width: 200,
        height: 90,
        name: 'Shop <db> & co',
        detail: 'Database',
        placement: 'static',
        cost: '$150.38/mo',
      },
    ],
    edges: [
      { id: 'e1', from: { x: 200, y: 45 }, to: { x: 400, y: 165 }, async: true, crossing: true, label: 'sync, 1 call' },
    ],
    wiring: [{ x: 250, y: 130, labels: ['Secure link', 'Compliant replication'] }],
    lanes: [],
    ...overrides,
  };
}

/** Every opened element is closed, in order (a well-formedness check without an XML parser). */
function isBalanced(svg: string): boolean {
  const stack: string[] = [];
  for (const m of svg.matchAll(/<(\/?)([a-zA-Z][\w-]*)[^>]*?(\/?)>/g)) {
    const [, closing, name, selfClosing] = m;
    if (selfClosing) continue;
    if (closing) {
      if (stack.pop() !== name) return false;
    } else stack.push(name as string);
  }
  return stack.length === 0;
}

describe('buildCanvasSvg', () => {
  const svg = buildCanvasSvg(scene());

  it('is plain SVG: shapes and text, no foreignObject, no CSS variables, well formed', () => {
    expect(svg.text.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    expect(svg.text).not.toMatch(/foreignObject/i);
    expect(svg.text).not.toContain('var(--');
    expect(svg.text).not.toContain('<style');
    expect(isBalanced(svg.text)).toBe(true);
    expect(svg.text).toContain(`width="${svg.width}" height="${svg.height}"`);
  });

  it('draws every node with its name, placement and cost, in the placement colour', () => {
    for (const id of ['web', 'db']) expect(svg.text).toContain(`<g data-id="${id}">`);
    expect(svg.text).toContain('>Web shop</text>');
    expect(svg.text).toContain('>$88.46/mo</text>');
    expect(svg.text).toContain('>BURST (BOTH)</text>');
    expect(svg.text).toContain(`fill="${palette.place.burst}"`);
    expect(svg.text).toContain('>DATA CENTRE</text>');
  });

  it('escapes text, so a name cannot break the document', () => {
    expect(svg.text).toContain('Shop &lt;db&gt; &amp; co');
    expect(svg.text).not.toContain('<db>');
    expect(escapeXml(`"it's"`)).toBe('&quot;it&apos;s&quot;');
  });

  it('has a title, the totals and a legend of the four placements and the wiring', () => {
    expect(svg.text).toContain('<title>Retail web shop</title>');
    expect(svg.text).toContain('>Recommended $315.51 a month</text>');
    for (const label of ['Data centre', 'Elastic VMs', 'Serverless', 'Burst (both)', 'Inserted wiring', 'Async'])
      expect(svg.text).toContain(`>${label}</text>`);
  });

  it('draws edges as paths with an arrow (dashed when async, red when crossing) and the wiring chips', () => {
    expect(svg.text).toMatch(
      /<path d="M200,45 C[^"]+" fill="none" stroke="#c2331f"[^>]*stroke-dasharray="7 5"[^>]*marker-end="url\(#arrow-crossing\)"/,
    );
    expect(svg.text).toContain('>Secure link</text>');
    expect(svg.text).toContain('>Compliant replication</text>');
  });

  it('shows all of a long totals line, on lines of its own, and the wiring chips uncut', () => {
    // It was cut at the image's edge: "all in the data centre $10,384.00 ·…".
    const subtitle =
      'Recommended $4,321.09 a month (1,234 SLO minutes, 56,789 requests dropped) · all in the data centre $10,384.00 · all elastic $7,654.32';
    const wiring = [{ x: 250, y: 130, labels: ['Data sent over the secure link', 'Compliant replication'] }];
    const long = buildCanvasSvg(scene({ subtitle, wiring }));
    expect(long.width).toBe(svg.width);
    // The legend fits too: it cut "Crosses data centre ↔ cloud" and "Async" off at 760 px.
    const async = Number(/<text x="([\d.]+)" y="\d+" font-size="12" fill="[^"]+">Async<\/text>/.exec(long.text)?.[1]);
    expect(async + 5 * 12 * 0.62).toBeLessThanOrEqual(long.width - 40);
    const lines = [...long.text.matchAll(/<text x="40" y="(\d+)" font-size="12.5"[^>]*>([^<]*)<\/text>/g)];
    expect(lines.length).toBeGreaterThan(1);
    expect(lines.map((m) => m[2]).join(' · ')).toBe(subtitle);
    expect(lines.map((m) => Number(m[1]))).toEqual(lines.map((_, i) => 60 + 17 * i));
    for (const [, , line] of lines) expect([...line!].length * 12.5 * 0.62).toBeLessThanOrEqual(long.width - 80);
    // The legend and the drawing move down with it.
    expect(long.height).toBe(svg.height + 17 * (lines.length - 1));
    expect(long.text).toContain('>Data sent over the secure link</text>');
    expect(long.text).not.toContain('…');
  });

  it('fits everything: the picture is as wide as the design plus its margins', () => {
    expect(svg.width).toBeGreaterThanOrEqual(600 + 80);
    expect(svg.height).toBeGreaterThan(210 + 80);
    const wide = buildCanvasSvg(scene({ nodes: [{ ...scene().nodes[0]!, x: 5000 }] }));
    expect(wide.width).toBeGreaterThan(5000);
  });

  it('draws lanes when the canvas shows them', () => {
    const laned = buildCanvasSvg(
      scene({ lanes: [{ x: -40, y: -40, width: 700, height: 200, label: 'Data centre · 1', placement: 'static' }] }),
    );
    expect(laned.text).toContain('>Data centre · 1</text>');
    expect(laned.text).toMatch(/<rect x="-40" y="-40" width="700" height="200" rx="14"/);
  });
});

describe('helpers', () => {
  it('cuts text to the room with an ellipsis', () => {
    expect(fitText('Short', 200, 13)).toBe('Short');
    const cut = fitText('A very long component name that cannot fit in a node', 176, 13);
    expect(cut.endsWith('…')).toBe(true);
    expect([...cut].length).toBeLessThan(30);
  });

  it('wraps text at its separators, then between words', () => {
    expect(wrapText('a · b · c', 1000, 10)).toEqual(['a · b · c']);
    expect(wrapText('alpha · beta · gamma', 13 * 10 * 0.62, 10)).toEqual(['alpha · beta', 'gamma']);
    expect(wrapText('one two three four', 9 * 10 * 0.62, 10)).toEqual(['one two', 'three', 'four']);
  });

  it('bends edges like React Flow’s default bezier', () => {
    expect(edgePath({ x: 0, y: 0 }, { x: 100, y: 50 })).toBe('M0,0 C50,0 50,50 100,50');
  });
});
