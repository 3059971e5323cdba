import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DelayedSave } from './delayed-save';

describe('DelayedSave', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('saves once, the delay after the last of a burst of changes', () => {
    const save = vi.fn();
    const delayed = new DelayedSave(save, 300);
    delayed.schedule();
    vi.advanceTimersByTime(200);
    delayed.schedule();
    vi.advanceTimersByTime(299);
    expect(save).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(save).toHaveBeenCalledTimes(1);
    expect(delayed.pending).toBe(false);
  });

  it('flush saves at once when a save is pending, and only then', () => {
    const save = vi.fn();
    const delayed = new DelayedSave(save, 300);
    delayed.flush();
    expect(save).not.toHaveBeenCalled();
    delayed.schedule();
    delayed.flush();
    expect(save).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(1000);
    expect(save).toHaveBeenCalledTimes(1);
  });
});
