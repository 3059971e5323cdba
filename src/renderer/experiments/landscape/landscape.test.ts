/** The Landscape view's pure parts, and its job against a real Trainer in-process (no DOM, no WebGL). */
import { describe, expect, it } from 'vitest';
import type { LandscapeEvent } from '../../../shared/landscape-messages';
import { findPreset } from '../../../shared/presets';
import { farLimit, lift, sceneHeight } from '../../scene/layout';
import { cancelledMessage } from '../job';
import { pathPoints, pointCaption, sliceShape, sliceSummary } from './geometry';
import { landscapeJobName, startLandscapeJob } from './runner';
import { wiredLab } from '../../wired-lab.testing';

/** A 3 × 3 slice over ±2 with losses 0..8, and a path of three points ending at the centre (0, 0). */
const slice = {
  grid: 3,
  a: Float64Array.of(-2, 0, 2),
  b: Float64Array.of(-2, 0, 2),
  loss: Float64Array.from({ length: 9 }, (_, k) => k),
  path: Float64Array.of(20, 0, 1, -1, 0, 0),
  pathLoss: Float64Array.of(8, 2, 4),
  steps: Int32Array.of(0, 5, 10),
};

describe('the slice’s shape and its path in the scene', () => {
  it('lays the grid over ±span with heights from 0 at its lowest loss to 1 at its highest', () => {
    const shape = sliceShape(slice);
    expect(shape.layout.range).toEqual([
      [-2, 2],
      [-2, 2],
    ]);
    expect(shape.scale.log).toBe(false); // median 4 is half the range: linear (scene/heights.ts)
    expect(Array.from(shape.heights)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8].map((k) => k / 8));
  });

  it('puts each path point at its (a, b) just above its loss’s height, and a far one on the rim', () => {
    const points = pathPoints(sliceShape(slice), slice.path, slice.pathLoss);
    // The centre (0, 0) is the middle of the box; loss 4 is height 4/8.
    expect(Array.from(points.subarray(6))).toEqual([0, Math.fround(0.5 * sceneHeight + lift), 0]);
    // (1, −1): a quarter of the 10-unit box right of the middle, and b = −1 is towards the viewer (+z).
    expect(points[3]).toBeCloseTo(2.5, 6);
    expect(points[5]).toBeCloseTo(2.5, 6);
    // a = 20 is 50 units out: pulled in to the rim at farLimit.
    expect(points[0]).toBeCloseTo(farLimit, 5);
  });

  it('captions a point with its step, its loss and its place', () => {
    expect(pointCaption(slice, 1)).toBe('step 5: loss 2, (a, b) = (1, -1)');
    expect(pointCaption({ ...slice, pathLoss: Float64Array.of(NaN, 2, 4) }, 0)).toBe('step 0: loss not finite, (a, b) = (20, 0)');
  });

  it('ends the summary with the sharpness the trainer measured: the particle’s, then the cloud’s median when there is one', () => {
    const event = { ...slice, directions: 'filter', particle: 4, span: 1, explained: null } as unknown as LandscapeEvent;
    const summary = sliceSummary(event);
    expect(summary).toBe('Particle 4, 3 × 3 over ±1 along two filter-normalised random directions: lowest loss on the grid 0; its path has 3 points.');
    expect(sliceSummary({ ...event, sharpness: { particle: 4.63512, median: 8.4551 } })).toBe(
      `${summary} Sharpness λ_max (the largest eigenvalue of the loss’s Hessian) 4.635; the cloud’s median 8.455.`,
    );
    expect(sliceSummary({ ...event, sharpness: { particle: 9.9, median: null } })).toBe(
      `${summary} Sharpness λ_max (the largest eigenvalue of the loss’s Hessian) 9.9.`,
    );
    expect(sliceSummary({ ...event, sharpness: { particle: null, median: null } })).toBe(summary);
  });
});

/** A Lab wired to a Trainer in-process; its slices are short (a 1 ms clock) so that a pause can get in. */
function wired() {
  let time = 0;
  return wiredLab({ now: () => ++time, yield: () => new Promise<void>((resolve) => setImmediate(resolve)), sliceMs: 3, frameMs: 4 });
}

describe('the landscape job in the page', () => {
  it('resolves with the trainer’s slice, reporting rows done as it goes', async () => {
    const { lab } = wired();
    await lab.load(findPreset('two-layer-net')!.scenario);
    await lab.step(10);
    const progress: number[] = [];
    const event: LandscapeEvent = await startLandscapeJob(lab, { directions: 'pca', grid: 15 }, (done) => progress.push(done)).done;
    expect(event.loss.length).toBe(15 * 15);
    expect(event.pathLoss.length).toBe(11); // before each of 10 steps, then the last
    expect(progress.length).toBeGreaterThan(0);
  });

  it('is cancelled by Cancel (a pause), saying so in the runner’s words', async () => {
    const { lab } = wired();
    await lab.load(findPreset('two-layer-net')!.scenario);
    await lab.step(3);
    // Cancelled at its first progress: a pause sent before the trainer begins the slice would only queue behind it.
    const job = startLandscapeJob(lab, { grid: 201 }, () => job.cancel());
    await expect(job.done).rejects.toThrow(cancelledMessage(landscapeJobName));
  });

  it('turns a refusal into its problem on one line, the command line’s words', async () => {
    const { lab } = wired();
    await lab.load(findPreset('two-layer-net')!.scenario);
    await expect(startLandscapeJob(lab, { directions: 'pca' }, () => {}).done).rejects.toThrow(
      /^directions: pca needs a path of at least 3 points; this one has 1$/,
    );
  });
});
