import { describe, expect, it } from 'vitest';
import { defaultPreset, openingFromQuery } from './opening';

const scenario = {
  version: 1,
  name: 'from-a-link',
  model: { kind: 'surface', fn: 'bowl' },
  init: { points: [[0, 0]] },
  optimizer: { kind: 'gd', alpha: 0.1 },
  epochs: 10,
};
const query = (params: Record<string, string>) => `?${new URLSearchParams(params).toString()}`;

describe('openingFromQuery', () => {
  it('opens the default preset without parameters', () => {
    expect(openingFromQuery('')).toEqual({ load: defaultPreset, notice: null, play: true });
  });

  it('opens a preset by name', () => {
    expect(openingFromQuery('?preset=rosenbrock')).toEqual({ load: 'rosenbrock', notice: null, play: false });
    expect(openingFromQuery('?preset=rosenbrock&play')).toMatchObject({ load: 'rosenbrock', play: true });
  });

  it('opens the default preset and says so for an unknown preset', () => {
    const opening = openingFromQuery('?preset=nope');
    expect(opening.load).toBe(defaultPreset);
    expect(opening.notice?.heading).toMatch(/no preset named "nope"/);
    expect(opening.notice?.problems[0]).toContain('bowl-cloud');
  });

  it('opens a URL-encoded scenario, validated, with its defaults filled in', () => {
    const opening = openingFromQuery(query({ scenario: JSON.stringify(scenario) }));
    expect(opening.notice).toBeNull();
    expect(opening.load).toMatchObject({ name: 'from-a-link', seed: 0, epochs: 10 });
  });

  it('lists a bad scenario’s problems by field and opens the default preset', () => {
    const bad = { ...scenario, optimizer: { kind: 'gd', alpha: 0 } };
    const opening = openingFromQuery(query({ scenario: JSON.stringify(bad) }));
    expect(opening.load).toBe(defaultPreset);
    expect(opening.notice?.problems).toEqual(['optimizer.alpha: must be a finite number > 0']);
  });

  it('reports text that is not JSON', () => {
    const opening = openingFromQuery(query({ scenario: '{"version": 1,' }));
    expect(opening.notice?.problems[0]).toMatch(/^\(scenario\): is not valid JSON/);
  });

  it('prefers the scenario when both are given: it is the more specific', () => {
    expect(openingFromQuery(query({ preset: 'rosenbrock', scenario: JSON.stringify(scenario) })).load).toMatchObject({ name: 'from-a-link' });
  });
});
