/** The trajectory recorder: bounded, evenly thinned, and a particle's path taken out exactly. */
import { describe, expect, it } from 'vitest';
import { TrajectoryRecorder } from './trajectory';

/** A cloud of 2 particles × 3 parameters (parameter-major) whose values say the step, particle and parameter. */
function cloudAt(step: number): Float64Array {
  const params = new Float64Array(6);
  for (let j = 0; j < 3; j++) for (let i = 0; i < 2; i++) params[j * 2 + i] = step * 100 + i * 10 + j;
  return params;
}

describe('the trajectory recorder', () => {
  it('takes the budget in points of the whole cloud, and keeps nothing when fewer than two fit', () => {
    expect(new TrajectoryRecorder(2, 3, 8 * 6 * 5).capacity).toBe(5); // 5 points of 6 doubles
    expect(new TrajectoryRecorder(2, 3, 1e9, 7).capacity).toBe(7);
    const none = new TrajectoryRecorder(2, 3, 8 * 6);
    none.record(0, cloudAt(0));
    expect(none.path(1, 1, [1, 2, 3]).steps).toEqual(Int32Array.of(1));
  });

  it('keeps evenly spaced steps from 0 within its capacity, doubling the stride when full', () => {
    const recorder = new TrajectoryRecorder(2, 3, 1e9, 4);
    for (let step = 0; step < 10; step++) recorder.record(step, cloudAt(step));
    // 0,1,2,3 → full at 4: 0,2,4 (stride 2) → 6 → full at 8: 0,4,8 (stride 4); 9 is no multiple of 4.
    expect(recorder.keptSteps).toEqual([0, 4, 8]);
  });

  it('says the next step it would keep a point before: a multiple of its stride, none when it keeps nothing', () => {
    const recorder = new TrajectoryRecorder(2, 3, 1e9, 4);
    expect(recorder.nextRecord(0)).toBe(1);
    for (let step = 0; step < 10; step++) recorder.record(step, cloudAt(step));
    // The stride is 4 by now (the test above): after 9 the next multiple is 12, after 12 it is 16.
    expect(recorder.nextRecord(9)).toBe(12);
    expect(recorder.nextRecord(12)).toBe(16);
    expect(new TrajectoryRecorder(2, 3, 8 * 6).nextRecord(5)).toBe(Infinity);
  });

  it('takes one particle’s path out: its kept points before now, then its parameters now', () => {
    const recorder = new TrajectoryRecorder(2, 3);
    for (let step = 0; step < 3; step++) recorder.record(step, cloudAt(step));
    const { trajectory, steps } = recorder.path(1, 3, [301, 302, 303]);
    expect(steps).toEqual(Int32Array.of(0, 1, 2, 3));
    expect(Array.from(trajectory)).toEqual([10, 11, 12, 110, 111, 112, 210, 211, 212, 301, 302, 303]);
  });

  it('after a seek back, a path ends at the step sought, and a new step forgets the old future', () => {
    const recorder = new TrajectoryRecorder(2, 3);
    for (let step = 0; step < 5; step++) recorder.record(step, cloudAt(step));
    expect(recorder.path(0, 2, [0, 0, 0]).steps).toEqual(Int32Array.of(0, 1, 2));
    recorder.record(2, cloudAt(2));
    expect(recorder.keptSteps).toEqual([0, 1, 2]);
  });
});
