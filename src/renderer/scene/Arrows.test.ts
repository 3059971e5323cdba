/** The microscope's arrows in the scene: one per finite move, one shared scale, b mapped to −z. */
import type { ArrowHelper } from 'three';
import { describe, expect, it } from 'vitest';
import { Arrows } from './Arrows';
import { fitHeightScale } from './heights';
import { Layout, sceneSize } from './layout';
import { Placement } from './placement';

function placement(): Placement {
  const resolution = 4;
  const heights = new Float32Array(resolution * resolution).fill(0.5);
  return new Placement(
    new Layout(
      [
        [-5, 5],
        [-5, 5],
      ],
      resolution,
    ),
    fitHeightScale([0, 1]),
    heights,
  );
}

describe('Arrows', () => {
  it('draws one arrow per move, as long as the move is in the view', () => {
    const arrows = new Arrows();
    const count = arrows.show(
      {
        origin: [0, 0],
        arrows: [
          { name: 'step', vector: [2, 0], colour: '#fff' },
          { name: 'gradient', vector: [0, 0.5], colour: '#f00' },
        ],
      },
      placement(),
    );
    expect(count).toBe(2);
    // The view's range is 10 wide on a scene of sceneSize; ArrowHelper puts its cone's tip at its length.
    const [step, gradient] = arrows.group.children as ArrowHelper[];
    expect(step.cone.position.y).toBeCloseTo((2 * sceneSize) / 10, 12);
    expect(gradient.cone.position.y).toBeCloseTo((0.5 * sceneSize) / 10, 12);
  });

  it('draws nothing without a placed surface, for no set, or for moves of zero length', () => {
    const arrows = new Arrows();
    expect(arrows.show({ origin: [0, 0], arrows: [{ name: 'step', vector: [1, 0], colour: '#fff' }] }, null)).toBe(0);
    expect(arrows.show(null, placement())).toBe(0);
    expect(arrows.show({ origin: [0, 0], arrows: [{ name: 'step', vector: [0, 0], colour: '#fff' }] }, placement())).toBe(0);
    expect(arrows.group.children).toHaveLength(0);
  });

  it('points an arrow of +b away from the viewer (−z), as the layout places b', () => {
    const arrows = new Arrows();
    arrows.show({ origin: [0, 0], arrows: [{ name: 'step', vector: [0, 1], colour: '#fff' }] }, placement());
    const helper = arrows.group.children[0];
    helper.updateMatrixWorld(true);
    const tip = helper.localToWorld(helper.children[1].position.clone());
    expect(tip.z).toBeLessThan(helper.position.z);
    expect(Math.abs(tip.x - helper.position.x)).toBeLessThan(1e-9);
  });
});
