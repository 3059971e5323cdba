/** Every message type of the trainer contract, well formed and malformed. */
import { describe, expect, it } from 'vitest';
import { noReasons } from './stopping';
import { commandSchema, eventSchema, messageProblems } from './messages';

const summary = { count: 1, converged: 0, diverged: 0, running: 1, bestLoss: 0.5, meanLoss: 0.5, reasons: noReasons() };
const microscope = {
  type: 'microscope',
  particle: 0,
  step: 1,
  epoch: 0,
  statusBefore: 'running',
  statusAfter: 'running',
  stopped: null,
  paramNames: ['x', 'y'],
  optimizer: 'gd',
  lr: 0.1,
  clipScale: null,
  corrections: null,
  loss: 5,
  fullLoss: null,
  dataRows: 0,
  batch: null,
  vectors: { gradient: Float64Array.of(-2, -4) },
  arrows: {
    origin: [0, 0],
    projected: false,
    vectors: { step: [0.2, 0.4] },
    range: [
      [-3, 5],
      [-2, 6],
    ],
  },
};
/** A 3 × 3 slice with a path of two points. */
const landscape = {
  type: 'landscape',
  directions: 'pca',
  particle: 0,
  grid: 3,
  span: 1,
  center: new Float64Array(4),
  d1: new Float64Array(4),
  d2: new Float64Array(4),
  a: Float64Array.of(-1, 0, 1),
  b: Float64Array.of(-1, 0, 1),
  loss: new Float64Array(9),
  path: new Float64Array(4),
  pathLoss: new Float64Array(2),
  steps: Int32Array.of(0, 1),
  explained: [0.9, 0.1],
};
const scale = { centre: 0, spread: 1, low: 0, high: 0 };
const frame = {
  type: 'frame',
  epoch: 1,
  step: 2,
  status: 'running',
  positions: new Uint16Array(2),
  losses: new Uint16Array(1),
  scales: { x: scale, y: scale, loss: scale },
  statuses: new Uint8Array(1),
  summary,
  best: { index: 0, params: Float64Array.of(1, 2) },
  selected: null,
};

/** For each type: one valid message, and malformed variants of it. */
const commands: [unknown, unknown[]][] = [
  [{ type: 'load', scenario: {} }, [{ type: 'load' }, { type: 'load', scenario: {}, extra: 1 }, { type: 'load', scenario: {}, undoable: 'yes' }]],
  [{ type: 'undo' }, [{ type: 'undo', steps: 2 }]],
  [
    { type: 'set', path: 'optimizer.alpha', value: 0.3 },
    [
      { type: 'set', value: 1 },
      { type: 'set', path: '', value: 1 },
      { type: 'set', path: 7, value: 1 },
    ],
  ],
  [{ type: 'reset' }, [{ type: 'reset', now: true }]],
  [{ type: 'play' }, [{ type: 'play', speed: 2 }]],
  [{ type: 'pause' }, [JSON.parse('{"type": "pause", "__proto__": {"polluted": 1}}')]],
  [
    { type: 'step', count: 10 },
    [
      { type: 'step', count: 0 },
      { type: 'step', count: 1.5 },
      { type: 'step', count: '10' },
      { type: 'step', count: 2e6 },
    ],
  ],
  [{ type: 'speed', stepsPerFrame: 4 }, [{ type: 'speed' }, { type: 'speed', stepsPerFrame: -1 }, { type: 'speed', stepsPerFrame: Infinity }]],
  [{ type: 'threads', count: null }, [{ type: 'threads' }, { type: 'threads', count: 0 }, { type: 'threads', count: 1.5 }, { type: 'threads', count: 257 }]],
  [{ type: 'request-frame' }, [{ type: 'request-frame', frames: 3 }]],
  [
    { type: 'request-surface', id: 1, resolution: 64 },
    [
      { type: 'request-surface', id: 1, resolution: 1 },
      { type: 'request-surface', id: 1, resolution: 64, range: [[0, 1]] },
      { type: 'request-surface', resolution: 64 },
    ],
  ],
  [
    { type: 'view', view: { axes: [0, 2] } },
    [
      { type: 'view', view: { axes: [0] } },
      { type: 'view', view: { axes: [-1, 2] } },
      { type: 'view', view: { random: 1, axes: [0, 1] } },
    ],
  ],
  [{ type: 'ping', id: 3 }, [{ type: 'ping' }, { type: 'ping', id: 'x' }]],
  [{ type: 'select', index: 4 }, [{ type: 'select' }, { type: 'select', index: -1 }, { type: 'select', index: 'best' }]],
  [{ type: 'seek', step: 20 }, [{ type: 'seek' }, { type: 'seek', step: -1 }, { type: 'seek', step: 2.5 }, { type: 'seek', step: '20' }]],
  [{ type: 'microscope', index: 3 }, [{ type: 'microscope' }, { type: 'microscope', index: -1 }, { type: 'microscope', index: 0.5 }]],
  [
    { type: 'landscape', directions: 'axes', grid: 15, span: 0.5, particle: 2, seed: 7, axes: [0, 3] },
    [
      { type: 'landscape', directions: 'random' },
      { type: 'landscape', grid: 2 },
      { type: 'landscape', grid: 202 },
      { type: 'landscape', span: 0 },
      { type: 'landscape', particle: -1 },
      { type: 'landscape', axes: [0] },
      { type: 'landscape', range: 1 },
    ],
  ],
];

const events: [unknown, unknown[]][] = [
  [{ type: 'ready' }, [{ type: 'ready', at: 1 }]],
  [
    {
      type: 'loaded',
      scenario: {},
      paramNames: ['x', 'y'],
      count: 1,
      axes: ['x', 'y'],
      range: [
        [0, 1],
        [0, 1],
      ],
    },
    [
      {
        type: 'loaded',
        scenario: {},
        paramNames: ['x'],
        count: 1,
        axes: ['x'],
        range: [
          [0, 1],
          [0, 1],
        ],
      },
    ],
  ],
  [
    frame,
    [
      { ...frame, best: { index: 0, params: [1, 2] } },
      { ...frame, selected: undefined },
      { ...frame, positions: [0, 0] },
      { ...frame, positions: new Float32Array(2) },
      { ...frame, losses: new Uint16Array(2) },
      { ...frame, scales: { ...frame.scales, loss: { ...scale, centre: NaN } } },
      { ...frame, statuses: new Float32Array(1) },
      { ...frame, status: 'flying' },
      { ...frame, summary: { ...summary, bestLoss: '0' } },
    ],
  ],
  [
    {
      type: 'surface',
      id: 1,
      range: [
        [0, 1],
        [0, 1],
      ],
      resolution: 2,
      values: new Float32Array(4),
    },
    [
      {
        type: 'surface',
        id: 1,
        range: [
          [0, 1],
          [0, 1],
        ],
        resolution: 2,
        values: [1, 2, 3, 4],
      },
    ],
  ],
  [
    { type: 'error', message: 'm', problems: [] },
    [
      { type: 'error', message: 'm' },
      { type: 'error', message: 'm', problems: [1] },
    ],
  ],
  [{ type: 'pong', id: 1 }, [{ type: 'pong' }]],
  [
    { type: 'threads', used: 2, allowed: 2, cores: 2, shared: true },
    [
      { type: 'threads', used: 0, allowed: 2, cores: 2, shared: true },
      { type: 'threads', used: 2, allowed: 2, cores: 2 },
    ],
  ],
  [{ type: 'checkpoint', scenario: {}, playing: true, stepsPerFrame: 1 }, [{ type: 'checkpoint', scenario: {}, playing: 'yes', stepsPerFrame: 1 }]],
  [{ type: 'history', furthest: 40 }, [{ type: 'history' }, { type: 'history', furthest: -1 }, { type: 'history', furthest: 40, step: 3 }]],
  [
    { type: 'progress', kind: 'seek', step: 250, done: 230, count: 10_000 },
    [
      { type: 'progress', step: 250, done: 230 },
      { type: 'progress', step: 250, done: -1, count: 10 },
      { type: 'progress', step: 250, done: 1, count: 0 },
      { type: 'progress', step: 2.5, done: 1, count: 10 },
      { type: 'progress', kind: 'replay', step: 250, done: 230, count: 10 },
      { type: 'progress', kind: null, step: 250, done: 230, count: 10 },
    ],
  ],
  [
    microscope,
    [
      { ...microscope, vectors: { gradient: [1, 2] } },
      { ...microscope, loss: NaN },
      { ...microscope, statusAfter: 'lost' },
      { ...microscope, arrows: { origin: [0], projected: false, vectors: {} } },
    ],
  ],
  [
    { type: 'landscape-progress', done: 3, total: 52 },
    [
      { type: 'landscape-progress', done: 3 },
      { type: 'landscape-progress', done: -1, total: 52 },
    ],
  ],
  [
    landscape,
    [
      { ...landscape, loss: new Float64Array(8) },
      { ...landscape, loss: [0, 0, 0, 0, 0, 0, 0, 0, 0] },
      { ...landscape, steps: Int32Array.of(0) },
      { ...landscape, directions: 'random' },
      { ...landscape, explained: [0.5] },
    ],
  ],
];

describe('trainer commands', () => {
  it('cover every command type', () => {
    expect(commands.map(([valid]) => (valid as { type: string }).type).sort()).toEqual([...commandSchema.options.map((o) => o.shape.type.value)].sort());
  });
  it.each(commands)('%j is accepted and its malformed variants refused', (valid, malformed) => {
    expect(messageProblems(commandSchema, valid)).toBeNull();
    for (const bad of malformed) expect(messageProblems(commandSchema, bad), JSON.stringify(bad)).not.toBeNull();
  });
  it('an unknown type, a non-object and null are refused', () => {
    for (const bad of [{ type: 'explode' }, 'play', null, 42, []]) expect(messageProblems(commandSchema, bad)).not.toBeNull();
  });
});

describe('trainer events', () => {
  it('cover every event type', () => {
    expect(events.map(([valid]) => (valid as { type: string }).type).sort()).toEqual([...eventSchema.options.map((o) => o.shape.type.value)].sort());
  });
  it.each(events)('%j is accepted and its malformed variants refused', (valid, malformed) => {
    expect(messageProblems(eventSchema, valid)).toBeNull();
    for (const bad of malformed) expect(messageProblems(eventSchema, bad), JSON.stringify(bad)).not.toBeNull();
  });
});
