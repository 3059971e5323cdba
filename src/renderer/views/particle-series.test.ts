import { describe, expect, test } from 'vitest';
import { summarySeries } from './loss-series';
import { alignCurve, linesWith } from './particle-series';

describe('the hovered particle’s line', () => {
  test('is added after the run’s lines while a particle is hovered, and taken away after', () => {
    const lines = linesWith(summarySeries, 123);
    expect(lines.map((s) => s.label)).toEqual(['mean loss', 'best loss', 'particle 123']);
    // The trail's highlight colour: white in the scene, the page's text colour in the chart.
    expect(lines[2].color).toBe('text');
    expect(linesWith(summarySeries, null)).toEqual([...summarySeries]);
    expect(linesWith(summarySeries, -1)).toEqual([...summarySeries]);
  });

  test('shares the chart’s x axis: the union of the steps, undefined where a line has no point, its gaps kept', () => {
    // The chart holds steps 0, 2, 4 (a gap at 2); the particle 1, 2, 5 (diverged at 2). Step 5 is past the chart's end.
    const aligned = alignCurve([0, 2, 4], [[1, null, 3]], { steps: [1, 2, 5], losses: [10, null, 20] });
    expect(aligned.x).toEqual([0, 1, 2, 4]);
    expect(aligned.columns).toEqual([
      [1, undefined, null, 3],
      [undefined, 10, null, undefined],
    ]);
  });

  test('an empty chart draws none of the curve; an empty curve changes nothing', () => {
    expect(alignCurve([], [[]], { steps: [3], losses: [1] })).toEqual({ x: [], columns: [[], []] });
    expect(alignCurve([0, 1], [[2, 3]], { steps: [], losses: [] })).toEqual({
      x: [0, 1],
      columns: [
        [2, 3],
        [undefined, undefined],
      ],
    });
  });
});
