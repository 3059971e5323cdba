import { describe, expect, it } from 'vitest';
import { limits } from '../shared/limits';
import { noReasons } from '../shared/stopping';
import { moreEpochs } from './lab';
import { runEndOf } from './run-end';

const summary = (running: number, converged = 0, diverged = 0) => ({
  count: running + converged + diverged,
  running,
  converged,
  diverged,
  bestLoss: 0.25,
  meanLoss: 0.5,
  reasons: { ...noReasons(), tolerance: converged, divergence: diverged },
});
const scenario = (epochs: number) => ({ epochs }) as never;

describe('the end of a run', () => {
  it('says nothing while the run is not done', () => {
    expect(runEndOf({ status: 'paused', epoch: 100, summary: summary(1), scenario: scenario(100) })).toBeNull();
    expect(runEndOf({ status: 'running', epoch: 3, summary: summary(1), scenario: scenario(100) })).toBeNull();
  });

  it('at the epoch limit with particles moving: offers as many epochs again (bowl: 100 epochs, one particle)', () => {
    const end = runEndOf({ status: 'done', epoch: 100, summary: summary(1), scenario: scenario(100) })!;
    expect(end.more).toBe(100);
    expect(end.heading).toBe('The run has done its 100 epochs: 1 particle still moving, 0 converged, 0 diverged. Best loss 0.25.');
    expect(end.detail).toBe('Continue for 100 more epochs (Play or Space), or Reset to start again.');
  });

  it('with every particle stopped: says how, and offers only Reset', () => {
    const end = runEndOf({ status: 'done', epoch: 40, summary: summary(0, 3, 2), scenario: scenario(100) })!;
    expect(end.more).toBe(0);
    expect(end.heading).toContain(
      'Every particle has stopped: 3 converged, 2 diverged (3 loss changed less than the tolerance; 2 loss blew up past the divergence threshold)',
    );
    expect(end.detail).toMatch(/^Reset/);
  });

  it('adds no more than the epochs limit allows', () => {
    expect(moreEpochs(100, 100)).toBe(100);
    expect(moreEpochs(limits.maxEpochs - 10, limits.maxEpochs - 10)).toBe(10);
    expect(moreEpochs(limits.maxEpochs, limits.maxEpochs)).toBe(0);
    const end = runEndOf({ status: 'done', epoch: limits.maxEpochs, summary: summary(1), scenario: scenario(limits.maxEpochs) })!;
    expect(end.more).toBe(0);
    expect(end.detail).toContain('at their limit');
  });
});
