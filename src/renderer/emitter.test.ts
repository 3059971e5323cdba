import { describe, expect, it } from 'vitest';
import { Emitter } from './emitter';

describe('Emitter', () => {
  it('calls the listeners of one event, in the order they were added, until removed', () => {
    const emitter = new Emitter<{ tick: number; other: string }>();
    const calls: string[] = [];
    const off = emitter.on('tick', (n) => calls.push(`a${n}`));
    emitter.on('tick', (n) => calls.push(`b${n}`));
    emitter.on('other', (s) => calls.push(s));
    emitter.emit('tick', 1);
    off();
    emitter.emit('tick', 2);
    expect(calls).toEqual(['a1', 'b1', 'b2']);
  });
});
