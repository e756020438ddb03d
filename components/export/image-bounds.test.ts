import { describe, expect, it } from 'vitest';
import { drawnBoxes, IMAGE_PADDING, MAX_PNG_SIDE, paddedUnion, pngPixelRatio, type Drawn } from './image-bounds';

/** An element drawn at a screen rectangle. */
const at = (left: number, top: number, width: number, height: number): Drawn => ({
  getBoundingClientRect: () => ({ left, top, right: left + width, bottom: top + height, width, height }),
});

describe('export bounds', () => {
  it('span every drawn box, not just the nodes, padded on every side', () => {
    const node = { x: 0, y: 0, width: 200, height: 84 };
    const bulgingEdge = { x: 150, y: -40, width: 300, height: 200 }; // a bezier past its nodes
    const wiringChip = { x: -30, y: 100, width: 120, height: 24 };
    expect(paddedUnion([node, bulgingEdge, wiringChip], IMAGE_PADDING)).toEqual({
      x: -30 - IMAGE_PADDING,
      y: -40 - IMAGE_PADDING,
      width: 450 + 30 + 2 * IMAGE_PADDING,
      height: 160 + 40 + 2 * IMAGE_PADDING,
    });
  });

  it('round outwards to whole pixels, so a fractional edge is never cut', () => {
    expect(paddedUnion([{ x: 0.6, y: -0.4, width: 10.2, height: 5.1 }], 0)).toEqual({
      x: 0,
      y: -1,
      width: 11,
      height: 6,
    });
  });

  it('are null for an empty canvas', () => {
    expect(paddedUnion([], IMAGE_PADDING)).toBeNull();
  });

  it('take screen boxes into flow coordinates and leave out elements with no size', () => {
    // A view panned by (100, 50) at zoom 2: flow = (screen − pan) / 2.
    const toFlow = (p: { x: number; y: number }) => ({ x: (p.x - 100) / 2, y: (p.y - 50) / 2 });
    const boxes = drawnBoxes([at(100, 50, 400, 168), at(0, 0, 0, 0), at(300, 250, 40, 20)], toFlow);
    expect(boxes).toEqual([
      { x: 0, y: 0, width: 200, height: 84 },
      { x: 100, y: 100, width: 20, height: 10 },
    ]);
  });

  it('draw a PNG at twice the resolution unless its longest side would pass the canvas limit', () => {
    expect(pngPixelRatio({ x: 0, y: 0, width: 1200, height: 800 })).toBe(2);
    expect(pngPixelRatio({ x: 0, y: 0, width: 8192, height: 400 })).toBe(1);
    expect(pngPixelRatio({ x: 0, y: 0, width: 300, height: MAX_PNG_SIDE * 2 })).toBe(0.5);
    expect(pngPixelRatio({ x: 0, y: 0, width: 1e6, height: 10 })).toBe(0.25);
  });
});
