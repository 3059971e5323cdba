import { describe, expect, it } from 'vitest';
import { groupNameOf } from './builder';

describe('the race builder’s names (from the settings table)', () => {
  it('names a group by the optimizer’s short name, as the race presets name theirs (src/shared/presets.ts: "GD")', () => {
    expect(groupNameOf('gd')).toBe('GD');
    expect(groupNameOf('momentum')).toBe('Momentum');
    expect(groupNameOf('adam')).toBe('Adam');
  });
});
