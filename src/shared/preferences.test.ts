import { describe, expect, it } from 'vitest';
import { defaultPreferences, preferencesSchema, readPreferences } from './preferences';

describe('readPreferences', () => {
  it('gives the defaults, undamaged, when nothing was stored', () => {
    expect(readPreferences(undefined)).toEqual({ preferences: defaultPreferences(), damaged: false });
    expect(readPreferences(null)).toEqual({ preferences: defaultPreferences(), damaged: false });
  });

  it('keeps valid preferences as they are', () => {
    const stored = {
      panel: { hidden: true, closedFolders: ['Optimizer', 'Batches'] },
      recording: {
        resolution: '1920x1080',
        fps: 60,
        seconds: 12,
        stepsPerFrame: 4,
        clean: false,
        title: 'Adam on Beale',
        caption: '',
        chart: true,
        panel: true,
      },
      trainer: { threads: 1 },
    };
    expect(preferencesSchema.parse(stored)).toEqual(stored);
    expect(readPreferences(stored)).toEqual({ preferences: stored, damaged: false });
  });

  it('drops only the damaged part, and says so', () => {
    const panel = { hidden: true, closedFolders: ['Init'] };
    const result = readPreferences({ panel, recording: { ...defaultPreferences().recording, fps: 29 } });
    expect(result).toEqual({ preferences: { panel, recording: defaultPreferences().recording, trainer: { threads: null } }, damaged: true });
  });

  it('gives preferences kept before the trainer had settings every core, undamaged', () => {
    const { panel, recording } = defaultPreferences();
    expect(readPreferences({ panel, recording })).toEqual({ preferences: { panel, recording, trainer: { threads: null } }, damaged: false });
  });

  it.each([
    ['not an object', 'panel=hidden'],
    ['an array', [1, 2]],
    ['an unknown key', { panel: defaultPreferences().panel, theme: 'light' }],
    ['a wrong type', { panel: { hidden: 'yes', closedFolders: [] } }],
    ['an extra field inside', { recording: { ...defaultPreferences().recording, codec: 'h264' } }],
    ['no thread count', { trainer: { threads: 0 } }],
  ])('treats %s as damaged and falls back to the defaults', (_label, stored) => {
    const { preferences, damaged } = readPreferences(stored);
    expect(damaged).toBe(true);
    expect(preferencesSchema.parse(preferences)).toEqual(preferences);
  });
});
