import { describe, expect, it } from 'vitest';
import { causeOf, fieldsOf, fixes } from './notices';

describe('notices: one per cause', () => {
  it('reads the fields a refusal names from its problem lines (validate.ts writes "path: message")', () => {
    expect(fieldsOf(['optimizer.alpha: must be a number > 0', 'groups[2].optimizer.alpha: must be a number > 0'])).toEqual([
      'optimizer.alpha',
      'groups[2].optimizer.alpha',
    ]);
    expect(fieldsOf(['the file is not JSON'])).toEqual([]);
    expect(fieldsOf(['epochs: too many', 'epochs: again'])).toEqual(['epochs']);
  });

  it('the same refusal of the same field is one cause (a repeat replaces it); another field is another', () => {
    const alpha = causeOf('the change was refused', ['optimizer.alpha: must be a number > 0']);
    expect(causeOf('the change was refused', ['optimizer.alpha: must be at most 1e6'])).toBe(alpha);
    expect(causeOf('the change was refused', ['epochs: must be an epoch count'])).not.toBe(alpha);
    expect(causeOf('Saved lab.descent.json', [])).toBe('Saved lab.descent.json');
  });

  it('an accepted change fixes a problem with the same field, or one inside or around it', () => {
    expect(fixes('optimizer.alpha', 'optimizer.alpha')).toBe(true);
    expect(fixes('optimizer', 'optimizer.alpha')).toBe(true);
    expect(fixes('init.mean.0', 'init.mean')).toBe(true);
    expect(fixes('optimizer.beta', 'optimizer.alpha')).toBe(false);
    expect(fixes('epoch', 'epochs')).toBe(false);
  });
});
