/** The decision boundary's grid and colours (./boundary-image.ts), worked by hand. */
import { describe, expect, it } from 'vitest';
import { boundaryPixels, classColours, dataRange, gridInputs } from './boundary-image';

describe('the decision boundary’s picture', () => {
  it('asks about the centres of the cells, top row (largest x₂) first', () => {
    // 2 × 2 cells over [0, 4] × [0, 2]: centres x₁ = 1, 3 and x₂ = 1.5 (top), 0.5.
    expect(
      Array.from(
        gridInputs(
          [
            [0, 4],
            [0, 2],
          ],
          2,
        ),
      ),
    ).toEqual([1, 1.5, 3, 1.5, 1, 0.5, 3, 0.5]);
  });

  it('colours a cell by its class, as saturated as the network is sure', () => {
    // Softmax of 2 classes: p = 1 → full colour of class 1; p = 0.5 → grey [96, 102, 110]; p = 0.75 → halfway.
    const pixels = boundaryPixels([0, 1, 0.5, 0.5, 0.75, 0.25], 3, 2);
    expect(Array.from(pixels.slice(0, 4))).toEqual([...classColours[1], 255]);
    expect(Array.from(pixels.slice(4, 8))).toEqual([96, 102, 110, 255]);
    expect(Array.from(pixels.slice(8, 12))).toEqual([
      Math.round(96 + 0.5 * (232 - 96)),
      Math.round(102 + 0.5 * (125 - 102)),
      Math.round(110 + 0.5 * (78 - 110)),
      255,
    ]);
  });

  it('three classes: sure from p = 1/3 (grey) to 1; one sigmoid output: its class is p > ½, sure by |2p − 1|', () => {
    expect(Array.from(boundaryPixels([1 / 3, 1 / 3, 1 / 3], 1, 3).slice(0, 3))).toEqual([96, 102, 110]);
    expect(Array.from(boundaryPixels([0, 0, 1], 1, 3).slice(0, 3))).toEqual([...classColours[2]]);
    expect(Array.from(boundaryPixels([0], 1, 1).slice(0, 3))).toEqual([...classColours[0]]);
    expect(Array.from(boundaryPixels([1], 1, 1).slice(0, 3))).toEqual([...classColours[1]]);
  });

  it('a cell whose outputs are NaN is grey', () => {
    expect(Array.from(boundaryPixels([NaN, NaN], 1, 2))).toEqual([96, 102, 110, 255]);
  });

  it('frames the training and held-out rows with 8 % of the box around them', () => {
    const train = { x: Float64Array.of(0, 0, 10, 5), rows: 2 };
    const test = { x: Float64Array.of(-10, 1), rows: 1 };
    // x₁ from −10 to 10 (20 wide, 1.6 margin), x₂ from 0 to 5 (0.4 margin).
    const [[a, b], [c, d]] = dataRange([train, test]);
    expect([a, b, c, d].map((v) => Math.round(v * 1e12) / 1e12)).toEqual([-11.6, 11.6, -0.4, 5.4]);
  });
});
