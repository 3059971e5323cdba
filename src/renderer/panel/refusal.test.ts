import { describe, expect, it } from 'vitest';
import { LabError } from '../replies';
import { notUsed, refusal } from './refusal';

describe('a refusal, shown under the control that sent it', () => {
  it('drops the field path the control already names (validate.ts writes "path: message"), and keeps every line', () => {
    const error = new LabError('The change was refused', ['optimizer.alpha: must be a finite number > 0', 'epochs: must be an integer from 1 to 1000000']);
    expect(refusal(error)).toEqual({ heading: notUsed, lines: ['must be a finite number > 0', 'must be an integer from 1 to 1000000'] });
  });

  it('keeps a line that starts with a name the user sees (a race group), and an error without problem lines says its message', () => {
    expect(refusal(new LabError('Refused', ['AdaGrad (group 3): learning rate α must be a finite number > 0'])).lines).toEqual([
      'AdaGrad (group 3): learning rate α must be a finite number > 0',
    ]);
    expect(refusal(new Error('the trainer is gone'))).toEqual({ heading: notUsed, lines: ['the trainer is gone'] });
  });
});
