/**
 * WCAG 2.x contrast, for checking the theme's colours (app/globals.css) in a unit test: relative
 * luminance of an sRGB colour, the contrast ratio of two, colour-mix in sRGB as the CSS writes it,
 * and reading `--name: light-dark(#light, #dark)` declarations out of a stylesheet.
 */

export type Rgb = readonly [r: number, g: number, b: number];

export function parseHex(hex: string): Rgb {
  const h = hex.trim().replace(/^#/, '');
  const full = h.length === 3 ? [...h].map((c) => c + c).join('') : h;
  if (!/^[0-9a-f]{6}$/i.test(full)) throw new Error(`not a hex colour: ${hex}`);
  const n = parseInt(full, 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

export function toHex([r, g, b]: Rgb): string {
  return `#${[r, g, b].map((v) => Math.round(v).toString(16).padStart(2, '0')).join('')}`;
}

/** WCAG relative luminance, 0 (black) to 1 (white). */
export function luminance([r, g, b]: Rgb): number {
  const lin = (v: number) => {
    const c = v / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
}

/** 1 (same) to 21 (black on white). */
export function contrastRatio(a: Rgb, b: Rgb): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

/** `color-mix(in srgb, a share, b)`: share of a, 0–1. */
export function mix(a: Rgb, share: number, b: Rgb): Rgb {
  return [0, 1, 2].map((i) => (a[i] as number) * share + (b[i] as number) * (1 - share)) as unknown as Rgb;
}

export interface ThemePair {
  light: Rgb;
  dark: Rgb;
}

/**
 * Every custom property written as `light-dark(#…, #…)`, or as one plain hex colour (the same in both
 * themes), in `css`'s first `:root { … }` block.
 */
export function readThemeColours(css: string): Record<string, ThemePair> {
  const root = /:root\s*\{([^}]*)\}/.exec(css)?.[1] ?? '';
  const out: Record<string, ThemePair> = {};
  for (const m of root.matchAll(/--([\w-]+):\s*light-dark\(\s*(#[0-9a-f]{3,6})\s*,\s*(#[0-9a-f]{3,6})\s*\)/gi))
    out[m[1] as string] = { light: parseHex(m[2] as string), dark: parseHex(m[3] as string) };
  for (const m of root.matchAll(/--([\w-]+):\s*(#[0-9a-f]{3,6})\s*;/gi)) {
    const c = parseHex(m[2] as string);
    out[m[1] as string] ??= { light: c, dark: c };
  }
  return out;
}
