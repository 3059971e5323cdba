import { describe, expect, it } from 'vitest';
import { bandHeight, bandsOf, captureLayout } from './layout';

describe('captureLayout', () => {
  it('gives the scene the whole picture when nothing goes beside it', () => {
    expect(captureLayout(1920, 1080, { chart: false, panel: false })).toEqual({ scene: { x: 0, y: 0, width: 1920, height: 1080 }, card: null, chart: null });
  });

  it('puts the card above the chart in a right column of 30% of the width (1920 · 0.3 = 576)', () => {
    const layout = captureLayout(1920, 1080, { chart: true, panel: true });
    expect(layout.scene).toEqual({ x: 0, y: 0, width: 1344, height: 1080 });
    expect(layout.card).toEqual({ x: 1344, y: 0, width: 576, height: 540 });
    expect(layout.chart).toEqual({ x: 1344, y: 540, width: 576, height: 540 });
  });

  it('lays the column between the title and caption bands, so no row of the card is under one (issue 22)', () => {
    // At 1080 lines the unit is 1.5: a title band of round(34 · 1.5) + 2 · round(14 · 1.5) = 51 + 42 = 93, a caption band of 33 + 42 = 75.
    expect(bandHeight('top', 1080)).toBe(93);
    expect(bandHeight('bottom', 1080)).toBe(75);
    const bands = bandsOf({ title: 'A title', caption: 'A caption' }, 1080);
    for (const parts of [
      { chart: true, panel: false },
      { chart: false, panel: true },
      { chart: true, panel: true },
    ]) {
      const { card, chart } = captureLayout(1920, 1080, parts, bands);
      const side = [card, chart].filter((r) => r !== null);
      expect(side[0]!.y).toBe(93);
      expect(side.at(-1)!.y + side.at(-1)!.height).toBe(1080 - 75);
    }
    expect(bandsOf({ title: '', caption: '' }, 1080)).toEqual({ top: 0, bottom: 0 });
    expect(captureLayout(1920, 1080, { chart: false, panel: true }, bandsOf({ title: 'T' }, 1080)).card).toEqual({ x: 1344, y: 93, width: 576, height: 987 });
  });

  it('gives the column to whichever part is alone, and tiles the picture without gaps (odd sizes too)', () => {
    for (const parts of [
      { chart: true, panel: false },
      { chart: false, panel: true },
      { chart: true, panel: true },
    ]) {
      const { scene, card, chart } = captureLayout(1281, 721, parts);
      const side = [card, chart].filter((r) => r !== null);
      expect(scene.width + side[0]!.width).toBe(1281);
      expect(side.reduce((sum, r) => sum + r!.height, 0)).toBe(721);
      expect(side.every((r) => r!.x === scene.width)).toBe(true);
    }
  });
});
