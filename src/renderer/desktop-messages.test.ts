import { describe, expect, it } from 'vitest';
import { TRAINER_LOST_MESSAGE, TRAINER_PORT_MESSAGE } from '../shared/desktop';
import { desktopMessage } from './desktop-messages';

describe('desktopMessage', () => {
  it('accepts the preload’s port and lost messages', () => {
    expect(desktopMessage({ type: TRAINER_PORT_MESSAGE, notice: null })).toEqual({ type: TRAINER_PORT_MESSAGE, notice: null });
    expect(desktopMessage({ type: TRAINER_LOST_MESSAGE, reason: 'three crashes' })).toEqual({ type: TRAINER_LOST_MESSAGE, reason: 'three crashes' });
  });

  it('ignores anything else on the window’s message channel', () => {
    for (const data of [null, 'descent-lab:trainer-port', { type: 'other' }, { type: TRAINER_PORT_MESSAGE, notice: 3 }, { type: TRAINER_LOST_MESSAGE }]) {
      expect(desktopMessage(data)).toBeNull();
    }
  });
});
