/** The About dialog's threads line, both ways a page can be served, and what the trainer says it uses. */
import { describe, expect, it } from 'vitest';
import { threadsLine } from './threads';

describe('the About dialog’s threads line', () => {
  it('says why a page that is not cross-origin isolated runs on one thread', () => {
    expect(threadsLine(false, 8)).toBe(
      'Threads: 1 (this page is not cross-origin isolated: its host sends no COOP and COEP headers, so its workers cannot share memory).',
    );
  });
  it('gives the setting with the count of cores, and the threads in use once the trainer has said', () => {
    expect(threadsLine(true, 2)).toBe('Threads: 2 (every core).');
    expect(threadsLine(true, 2, { used: 2, allowed: 2, cores: 2, shared: true })).toBe('Threads: 2 (every core); 2 in use.');
    expect(threadsLine(true, 4, { used: 1, allowed: 3, cores: 4, shared: true })).toBe(
      'Threads: 3 of 4 cores; 1 in use (each thread steps 16,384 particles at least, and a race steps on one).',
    );
  });
  it('takes the trainer’s word where it has threads of its own (the desktop’s utility process)', () => {
    expect(threadsLine(false, 4, { used: 2, allowed: 4, cores: 4, shared: true })).toMatch(/^Threads: 4 \(every core\); 2 in use /);
  });
  it('says so when a thread failed and the trainer went on alone', () => {
    expect(threadsLine(true, 2, { used: 1, allowed: 2, cores: 2, shared: false })).toMatch(/^Threads: 1 \(a thread of the trainer failed/);
  });
});
