/**
 * The placement colour code and the colours drawn with it pass WCAG AA in both themes: computed from
 * the one definition in app/globals.css, so a colour changed there is checked here.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { contrastRatio, luminance, mix, parseHex, readThemeColours, toHex } from './contrast';

const css = readFileSync(path.join(__dirname, '../../app/globals.css'), 'utf8');
const colours = readThemeColours(css);
const THEMES = ['light', 'dark'] as const;
const PLACEMENTS = ['place-static', 'place-elastic-vm', 'place-serverless', 'place-burst'];
/** Text: 4.5:1. Graphics and parts of controls (borders, swatches, chart lines): 3:1. */
const TEXT = 4.5;
const GRAPHIC = 3;

function colour(name: string, theme: (typeof THEMES)[number]) {
  const pair = colours[name];
  if (!pair) throw new Error(`--${name} is not defined in app/globals.css`);
  return pair[theme];
}

describe('contrast arithmetic', () => {
  it('gives WCAG’s figures for known pairs', () => {
    expect(contrastRatio(parseHex('#000'), parseHex('#fff'))).toBeCloseTo(21, 5);
    expect(contrastRatio(parseHex('#777777'), parseHex('#ffffff'))).toBeCloseTo(4.48, 2);
    expect(luminance(parseHex('#ffffff'))).toBe(1);
    expect(toHex(mix(parseHex('#ff0000'), 0.5, parseHex('#0000ff')))).toBe('#800080');
  });

  it('reads light-dark() pairs and plain colours from a :root block', () => {
    const read = readThemeColours(':root { --a: light-dark(#fff, #000); --b: #123456; --c: 4px; }');
    expect(read.a).toEqual({ light: [255, 255, 255], dark: [0, 0, 0] });
    expect(read.b?.dark).toEqual([0x12, 0x34, 0x56]);
    expect(read.c).toBeUndefined();
  });
});

describe('the placement colour code (app/globals.css)', () => {
  it('defines one colour per placement, each different, for both themes', () => {
    for (const theme of THEMES) {
      const hexes = PLACEMENTS.map((p) => toHex(colour(p, theme)));
      expect(new Set(hexes).size).toBe(PLACEMENTS.length);
    }
  });

  for (const theme of THEMES) {
    for (const place of PLACEMENTS) {
      it(`--${place} is readable as text on the panels and the canvas (${theme})`, () => {
        for (const ground of ['surface', 'surface-2', 'bg']) {
          const ratio = contrastRatio(colour(place, theme), colour(ground, theme));
          expect(ratio, `--${place} on --${ground}, ${theme}: ${ratio.toFixed(2)}:1`).toBeGreaterThanOrEqual(TEXT);
        }
      });
    }

    it(`placements can be told apart from one another as graphics, beyond hue alone (${theme})`, () => {
      // Not a WCAG rule, but a swatch next to another should not vanish: at least some lightness difference.
      const lums = PLACEMENTS.map((p) => luminance(colour(p, theme)));
      expect(Math.max(...lums) / Math.min(...lums)).toBeGreaterThan(1.1);
    });

    it(`wiring, crossing edges, danger and accent are visible on the canvas (${theme})`, () => {
      for (const name of ['wiring', 'crossing', 'accent', 'muted', 'focus']) {
        const ratio = contrastRatio(colour(name, theme), colour('bg', theme));
        expect(ratio, `--${name} on --bg, ${theme}`).toBeGreaterThanOrEqual(GRAPHIC);
      }
      for (const name of ['danger', 'wiring', 'warning']) {
        const ratio = contrastRatio(colour(name, theme), colour('surface', theme));
        expect(ratio, `--${name} text on --surface, ${theme}`).toBeGreaterThanOrEqual(TEXT);
      }
    });

    it(`node text stays readable on the hottest replay colour (${theme})`, () => {
      // canvas.css: background color-mix(--heat up to 55 %, --surface), text in --text.
      const hottest = mix(colour('heat', theme), 0.55, colour('surface', theme));
      const ratio = contrastRatio(colour('text', theme), hottest);
      expect(ratio, `--text on the hottest node, ${theme}: ${ratio.toFixed(2)}:1`).toBeGreaterThanOrEqual(TEXT);
    });
  }
});
