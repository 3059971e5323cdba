import { describe, expect, it } from 'vitest';
import { presets } from '../../shared/presets';
import type { Scenario } from '../../shared/scenario';
import { validateScenario } from '../../shared/validate';
import { withValueAt } from '../../shared/paths';
import { dimsOf } from './cloud';
import { fromSlider, toSlider } from './numbers';
import { isLive, readValues, type Change, type PanelContext, type Param } from './param';
import { defaultBatchSize, freezeParams, panelParams, params, presetLabel, threadChoices } from './params';

/** A preset's scenario as the trainer holds it: validated, every default filled in. */
function scenarioOf(name: string): Scenario {
  const preset = presets.find((p) => p.name === name);
  if (!preset) throw new Error(`no preset ${name}`);
  const validation = validateScenario(preset.scenario);
  if (!validation.ok) throw new Error(validation.problems.join('\n'));
  return validation.scenario;
}

function contextOf(scenario: Scenario): PanelContext {
  return { paramNames: Array.from({ length: dimsOf(scenario.init) }, (_, j) => `p${j}`), speed: 1, threads: null, cores: 2, isolated: true };
}

function entry(key: string): Param {
  const found = params.find((p) => p.key === key);
  if (!found) throw new Error(`no control ${key}`);
  return found;
}

/** What the trainer would hold after the change: the scenario with the value written, validated. */
function apply(scenario: Scenario, change: Change): Scenario {
  if (change.kind === 'none') return scenario;
  if (change.kind !== 'set') throw new Error(`expected a set, got ${JSON.stringify(change)}`);
  const next = withValueAt(scenario, change.path, change.value);
  if (!next.ok) throw new Error(next.problem);
  const validation = validateScenario(next.scenario);
  if (!validation.ok) throw new Error(validation.problems.join('\n'));
  return validation.scenario;
}

function write(key: string, value: unknown, scenario: Scenario): Change {
  return entry(key).write(value as never, scenario, contextOf(scenario));
}

describe('the table', () => {
  it('labels its controls with the words of CONTRACTS §3', () => {
    const labels = params.map((p) => p.label).join(' | ');
    for (const word of ['Learning rate', 'Init', 'Batch size', 'Clip', 'Optimizer', 'Particles', 'Seed', 'Scenario']) expect(labels).toContain(word);
  });

  it('has one control per key', () => {
    const keys = panelParams(['x', 'y']).map((p) => p.key);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('keeps the controls the panel had before the settings table drove it (params.ts at 1bd30dd)', () => {
    expect(entry('alpha').control).toEqual({ kind: 'log-slider', scale: { min: -5, max: 1, digits: 3 } });
    expect(entry('eps').control).toEqual({ kind: 'log-slider', scale: { min: -12, max: -1, digits: 2 } });
    expect(entry('clipLimit').control).toEqual({ kind: 'log-slider', scale: { min: -3, max: 4, digits: 3 } });
    expect(entry('count').control).toEqual({ kind: 'log-slider', scale: { min: 0, max: 5, digits: 2, integer: true } });
    expect(entry('patience').control).toEqual({ kind: 'log-slider', scale: { min: 0, max: 5, digits: 2, integer: true }, off: 'off' });
    expect(entry('minDelta').control).toEqual({ kind: 'log-slider', scale: { min: -15, max: 0, digits: 2 }, off: '0' });
    expect(entry('divergence').control).toEqual({ kind: 'log-slider', scale: { min: 0, max: 300, digits: 2 }, off: 'off' });
    expect(entry('epochs').control).toEqual({ kind: 'log-slider', scale: { min: 0, max: 7, digits: 2, integer: true } }); // log10(limits.maxEpochs = 1e7)
    expect(entry('beta').control).toEqual({ kind: 'number', step: 0.001 });
    expect(entry('schedule.every').control).toEqual({ kind: 'number', min: 1, step: 1 });
    expect(entry('schedule.min').control).toEqual({ kind: 'number', min: 0, step: 0.0001 });
    expect(entry('batchSize').control).toEqual({ kind: 'number', min: 1, step: 1 });
    expect(entry('seed').control).toEqual({ kind: 'number', step: 1 });
    expect(entry('shuffle').control).toEqual({ kind: 'toggle' });
    const optimizer = entry('optimizer').control;
    if (optimizer.kind !== 'select') throw new Error('Optimizer is a drop-down');
    expect(Object.keys(optimizer.options(scenarioOf('bowl'), contextOf(scenarioOf('bowl'))))).toEqual([
      'Gradient descent',
      'Momentum',
      'Nesterov',
      'Adagrad',
      'RMSprop',
      'Adam',
      'AdamW',
      'NAdam',
      'RAdam',
      'Lion',
    ]);
  });

  it('changes hot fields live and structural ones at the end of a gesture (src/shared/paths.ts)', () => {
    expect(isLive(entry('alpha'))).toBe(true);
    expect(isLive(entry('clipLimit'))).toBe(true);
    expect(isLive(entry('speed'))).toBe(true);
    expect(isLive(entry('count'))).toBe(false);
    expect(isLive(entry('seed'))).toBe(false);
    expect(isLive(entry('scenario'))).toBe(false);
  });
});

describe('reading a scenario and writing it back', () => {
  for (const preset of presets) {
    it(`leaves ${preset.name} as it is, control by control`, () => {
      const scenario = scenarioOf(preset.name);
      const context = contextOf(scenario);
      const table = panelParams(context.paramNames);
      const values = readValues(table, scenario, context);
      for (const control of table) {
        if (!(control.visible?.(scenario, context) ?? true)) continue;
        const change = control.write(values[control.key], scenario, context);
        if (control.key === 'scenario') expect(change).toEqual({ kind: 'load', preset: preset.name });
        else if (control.key === 'speed') expect(change).toEqual({ kind: 'speed', stepsPerFrame: 1 });
        else expect(apply(scenario, change), control.key).toEqual(scenario);
      }
    });
  }
});

describe('Threads', () => {
  it('offers every core with its count first, then each smaller count; one thread where memory cannot be shared', () => {
    const bowl = scenarioOf('bowl');
    expect(threadChoices({ ...contextOf(bowl), cores: 4 })).toEqual({ '4 (every core)': 'every', '1': '1', '2': '2', '3': '3' });
    expect(threadChoices({ ...contextOf(bowl), cores: 2, threads: 8 })).toEqual({ '2 (every core)': 'every', '1': '1', '8': '8' });
    expect(Object.values(threadChoices({ ...contextOf(bowl), isolated: false }))).toEqual(['every']);
    expect(entry('threads').enabled!(bowl, { ...contextOf(bowl), isolated: false })).toBe(false);
  });

  it('asks for a count, or every core (null); the setting in force asks for nothing', () => {
    const bowl = scenarioOf('bowl');
    expect(entry('threads').read(bowl, contextOf(bowl))).toBe('every');
    expect(entry('threads').write('1', bowl, contextOf(bowl))).toEqual({ kind: 'threads', count: 1 });
    expect(entry('threads').write('every', bowl, { ...contextOf(bowl), threads: 1 })).toEqual({ kind: 'threads', count: null });
    expect(entry('threads').write('every', bowl, contextOf(bowl))).toEqual({ kind: 'none' });
  });
});

describe('Scenario', () => {
  it('offers every preset, grouped by its label, and a scenario of one’s own', () => {
    const control = entry('scenario');
    if (control.control.kind !== 'select') throw new Error('Scenario is a select');
    const bowl = scenarioOf('bowl');
    const options = control.control.options(bowl, contextOf(bowl));
    expect(Object.values(options)).toEqual(presets.map((p) => p.name));
    expect(options['Notebooks · Neuron: three inputs']).toBe('neuron-three-inputs');
    expect(options['Surfaces · Rosenbrock’s banana valley']).toBe('rosenbrock');
    expect(presetLabel(presets[0])).toBe('Notebooks · Paraboloid, one path');

    const own = { ...bowl, name: 'mine' };
    const ownOptions = control.control.options(own, contextOf(own));
    expect(Object.entries(ownOptions)[0]).toEqual(['Your scenario · mine', '']);
    expect(control.read(own, contextOf(own))).toBe('');
    expect(control.write('', own, contextOf(own))).toEqual({ kind: 'none' });
  });
});

describe('Learning rate', () => {
  const scale = entry('alpha').control.kind === 'log-slider' ? (entry('alpha').control as { scale: Parameters<typeof toSlider>[1] }).scale : null;

  it('is a log-scale slider from 1e-5 to 10', () => {
    expect(scale).toEqual({ min: -5, max: 1, digits: 3 });
  });

  it('holds log10(α) and writes 10^position to 3 significant digits', () => {
    expect(toSlider(0.1, scale!)).toBe(-1);
    expect(toSlider(0.0005, scale!)).toBeCloseTo(-3.30103, 5);
    expect(fromSlider(-1, scale!)).toBe(0.1);
    expect(fromSlider(-1.5, scale!)).toBe(0.0316); // 10^-1.5 = 0.0316227…
    expect(fromSlider(0.5, scale!)).toBe(3.16);
    expect(fromSlider(toSlider(0.0005, scale!), scale!)).toBe(0.0005);
  });

  it('keeps a value beyond the slider’s range at its end', () => {
    expect(toSlider(1e-9, scale!)).toBe(-5);
    expect(toSlider(1000, scale!)).toBe(1);
    expect(toSlider(0, scale!)).toBe(-5);
  });

  it('sets optimizer.alpha, a hot field', () => {
    expect(write('alpha', 0.3, scenarioOf('bowl'))).toEqual({ kind: 'set', path: 'optimizer.alpha', value: 0.3 });
  });
});

describe('Optimizer', () => {
  it('switches kind keeping α: the new optimizer gets its defaults', () => {
    const bowl = scenarioOf('bowl');
    const change = write('optimizer', 'adam', bowl);
    expect(change).toEqual({ kind: 'set', path: 'optimizer', value: { kind: 'adam', alpha: 0.1 } });
    // docs/scenario.md: adam β₁ 0.9, β₂ 0.999, ε 1e-8.
    expect(apply(bowl, change).optimizer).toEqual({ kind: 'adam', alpha: 0.1, beta1: 0.9, beta2: 0.999, eps: 1e-8, weightDecay: 0, amsgrad: false });
  });

  it('shows only the settings of the chosen optimizer', () => {
    const adam = apply(scenarioOf('bowl'), write('optimizer', 'adam', scenarioOf('bowl')));
    const shown = params.filter((p) => p.group === 'optimizer' && (p.visible?.(adam, contextOf(adam)) ?? true)).map((p) => p.key);
    expect(shown).toEqual(['optimizer', 'alpha', 'beta1', 'beta2', 'eps', 'weightDecay', 'amsgrad']);
  });

  it('adds and removes a schedule', () => {
    const bowl = scenarioOf('bowl');
    const stepped = apply(bowl, write('schedule', 'step', bowl));
    expect(stepped.optimizer.schedule).toEqual({ kind: 'step', every: 100, gamma: 0.5, warmup: 0 });
    expect(apply(stepped, write('schedule.gamma', 0.1, stepped)).optimizer.schedule).toMatchObject({ gamma: 0.1 });
    expect(apply(stepped, write('schedule', 'none', stepped)).optimizer).toEqual({ kind: 'gd', alpha: 0.1, weightDecay: 0 });
  });
});

describe('Init', () => {
  it('switching the distribution keeps the centre', () => {
    const cloud = scenarioOf('bowl-cloud'); // uniform on [-3, 5] × [-2, 6]: centre (1, 2), half-width 4
    const gaussian = apply(cloud, write('init', 'gaussian', cloud));
    expect(gaussian.init).toEqual({ dist: 'gaussian', mean: [1, 2], std: 4, count: 1000 });
    const points = apply(gaussian, write('init', 'points', gaussian));
    expect(points.init).toEqual({ points: [[1, 2]] });
    const grid = apply(cloud, write('init', 'grid', cloud));
    expect(grid.init).toEqual({ dist: 'grid', min: [-3, -2], max: [5, 6], count: 1024 }); // 32² nearest 1000
  });

  it('spreads a single point into the default cloud around it', () => {
    const bowl = scenarioOf('bowl'); // one point at (0, 0)
    expect(apply(bowl, write('init', 'uniform', bowl)).init).toEqual({ dist: 'uniform', min: [-1, -1], max: [1, 1], count: 100 });
  });

  it('moves the centre, resizes the spread and sets the count', () => {
    const cloud = scenarioOf('bowl-cloud');
    expect(apply(cloud, write('centre', '0, 0', cloud)).init).toEqual({ dist: 'uniform', min: [-4, -4], max: [4, 4], count: 1000 });
    expect(apply(cloud, write('spread', '1', cloud)).init).toEqual({ dist: 'uniform', min: [0, 1], max: [2, 3], count: 1000 });
    expect(apply(cloud, write('count', 200, cloud)).init).toMatchObject({ count: 200 });
    const saddle = scenarioOf('saddle');
    expect(apply(saddle, write('spread', '0.5 0.1', saddle)).init).toMatchObject({ std: [0.5, 0.1] });
  });

  it('moves a point', () => {
    const regression = scenarioOf('regression-eta-0.1');
    expect(apply(regression, write('centre', '0.5, 1, 1', regression)).init).toEqual({ points: [[0.5, 1, 1]] });
  });

  it('refuses a centre of the wrong length, naming the parameters', () => {
    const cloud = scenarioOf('bowl-cloud');
    expect(write('centre', '1', cloud)).toEqual({ kind: 'problem', problem: 'Centre: needs 2 numbers, one per parameter (p0, p1)' });
    expect(write('spread', '-1', cloud)).toMatchObject({ kind: 'problem' });
    expect(write('centre', '1, x', cloud)).toMatchObject({ kind: 'problem' });
  });

  it('sets the count of a distribution only (a points init has its own)', () => {
    const bowl = scenarioOf('bowl');
    expect(entry('count').enabled?.(bowl, contextOf(bowl))).toBe(false);
    expect(entry('count').enabled?.(scenarioOf('rosenbrock'), contextOf(bowl))).toBe(true);
  });

  it('offers torch.nn.init’s weight schemes for a network only', () => {
    const options = (scenario: Scenario) => {
      const control = entry('init').control;
      if (control.kind !== 'select') throw new Error('Init is a select');
      return Object.values(control.options(scenario, contextOf(scenario)));
    };
    expect(options(scenarioOf('circle-classifier'))).toEqual(expect.arrayContaining(['xavier-uniform', 'kaiming-normal', 'torch-default']));
    expect(options(scenarioOf('bowl-cloud'))).toEqual(['points', 'gaussian', 'uniform', 'grid']);
  });

  it('switches a network to a scheme with its count, shows Kaiming’s fan, and back to a gaussian at 0 over every weight', () => {
    const net = scenarioOf('circle-classifier'); // [2, 8, 2]: 2·8 + 8 + 8·2 + 2 = 42 parameters, 100 networks
    const kaiming = apply(net, write('init', 'kaiming-normal', net));
    expect(kaiming.init).toEqual({ dist: 'kaiming-normal', mode: 'fan-in', count: 100 });
    expect(entry('fanMode').visible!(kaiming, contextOf(kaiming))).toBe(true);
    expect(entry('centre').visible!(kaiming, contextOf(kaiming))).toBe(false);
    expect(entry('spread').visible!(kaiming, contextOf(kaiming))).toBe(false);
    expect(apply(kaiming, write('fanMode', 'fan-out', kaiming)).init).toEqual({ dist: 'kaiming-normal', mode: 'fan-out', count: 100 });
    const xavier = apply(kaiming, write('init', 'xavier-uniform', kaiming));
    expect(xavier.init).toEqual({ dist: 'xavier-uniform', count: 100 });
    expect(entry('fanMode').visible!(xavier, contextOf(xavier))).toBe(false);
    expect(apply(xavier, write('count', 20, xavier)).init).toEqual({ dist: 'xavier-uniform', count: 20 });
    expect(apply(xavier, write('init', 'gaussian', xavier)).init).toEqual({ dist: 'gaussian', mean: new Array(42).fill(0), std: 1, count: 100 });
  });

  it('gives Xavier’s and Kaiming’s schemes a gain for every layer; empty gives each layer its nonlinearity’s again', () => {
    const net = scenarioOf('circle-classifier');
    const xavier = apply(net, write('init', 'xavier-normal', net));
    expect(entry('gain').visible!(xavier, contextOf(xavier))).toBe(true);
    expect(entry('gain').read(xavier, contextOf(xavier))).toBe('');
    const doubled = apply(xavier, write('gain', '2', xavier));
    expect(doubled.init).toEqual({ dist: 'xavier-normal', gain: 2, count: 100 });
    expect(entry('gain').read(doubled, contextOf(doubled))).toBe('2');
    expect(write('gain', '2', doubled)).toEqual({ kind: 'none' });
    expect(apply(doubled, write('gain', ' ', doubled)).init).toEqual({ dist: 'xavier-normal', count: 100 });
    for (const bad of ['0', '-1', 'x', 'Infinity']) {
      expect(write('gain', bad, doubled), bad).toEqual({ kind: 'problem', problem: 'Gain: a number > 0, or empty for each layer’s own' });
    }
    const kaiming = apply(net, write('init', 'kaiming-uniform', net));
    expect(apply(kaiming, write('gain', '1.5', kaiming)).init).toEqual({ dist: 'kaiming-uniform', mode: 'fan-in', gain: 1.5, count: 100 });
    // torch-default's bounds are nn.Linear's own, and a cloud of points or a gaussian has no layers.
    const torch = apply(net, write('init', 'torch-default', net));
    expect(entry('gain').visible!(torch, contextOf(torch))).toBe(false);
    expect(entry('gain').visible!(net, contextOf(net))).toBe(false);
  });

  it('sets the seed, a structural field', () => {
    expect(write('seed', 7, scenarioOf('bowl-cloud'))).toEqual({ kind: 'set', path: 'seed', value: 7 });
  });
});

describe('Batch size', () => {
  const regression = scenarioOf('regression-eta-0.1'); // 12 rows, batches of 3

  it('reads null as Full, 1 as Stochastic, k as Mini-batch of k', () => {
    const context = contextOf(regression);
    expect(entry('batch').read(regression, context)).toBe('mini');
    expect(entry('batchSize').read(regression, context)).toBe(3);
    const full = apply(regression, write('batch', 'full', regression));
    expect(full.batch.size).toBeNull();
    expect(entry('batch').read(full, context)).toBe('full');
    expect(apply(regression, write('batch', 'stochastic', regression)).batch.size).toBe(1);
  });

  it('picks a quarter of the rows when Mini-batch is switched on (3 of notebook 001’s 12)', () => {
    const full = apply(regression, write('batch', 'full', regression));
    expect(defaultBatchSize(full)).toBe(3);
    expect(apply(full, write('batch', 'mini', full)).batch.size).toBe(3);
    expect(apply(regression, write('batchSize', 4, regression)).batch.size).toBe(4);
  });

  it('is hidden for a surface, which has no data', () => {
    const bowl = scenarioOf('bowl');
    expect(entry('batch').visible?.(bowl, contextOf(bowl))).toBe(false);
    expect(entry('batch').visible?.(regression, contextOf(regression))).toBe(true);
  });
});

describe('Clip, tolerance, epochs', () => {
  it('turns clipping on with limit 1, changes the limit, and turns it off', () => {
    const bowl = scenarioOf('bowl');
    const norm = apply(bowl, write('clip', 'norm', bowl));
    expect(norm.clip).toEqual({ mode: 'norm', limit: 1 });
    expect(apply(norm, write('clipLimit', 5, norm)).clip).toEqual({ mode: 'norm', limit: 5 });
    expect(apply(norm, write('clip', 'value', norm)).clip).toEqual({ mode: 'value', limit: 1 });
    expect(apply(norm, write('clip', 'off', norm)).clip).toBeNull();
  });

  it('turns the tolerance off (null) and on', () => {
    const cloud = scenarioOf('bowl-cloud');
    expect(apply(cloud, write('tolerance', null, cloud)).tolerance).toBeNull();
    expect(apply(cloud, write('tolerance', 1e-6, cloud)).tolerance).toBe(1e-6);
    expect(apply(cloud, write('epochs', 50, cloud)).epochs).toBe(50);
  });
});

describe('Freeze', () => {
  it('has one toggle per parameter, writing the sorted indices', () => {
    const regression = scenarioOf('regression-eta-0.1');
    const toggles = freezeParams(['b', 'w1', 'w2']);
    expect(toggles.map((t) => t.label)).toEqual(['b', 'w1', 'w2']);
    const one = apply(regression, toggles[2].write(true, regression, contextOf(regression)));
    expect(one.freeze).toEqual([2]);
    const two = apply(one, toggles[0].write(true, one, contextOf(one)));
    expect(two.freeze).toEqual([0, 2]);
    expect(apply(two, toggles[2].write(false, two, contextOf(two))).freeze).toEqual([0]);
  });

  it('reads the notebook’s frozen weight', () => {
    const frozen = scenarioOf('neuron-frozen-weight');
    expect(freezeParams(['w1_1', 'w1_2', 'w1_3']).map((t) => t.read(frozen, contextOf(frozen)))).toEqual([true, false, false]);
  });
});

describe('Stopping (CONTRACTS §5)', () => {
  const bowl = () => scenarioOf('bowl');
  const refusal = (change: Change) => {
    if (change.kind !== 'set') throw new Error(`expected a set, got ${JSON.stringify(change)}`);
    const next = withValueAt(bowl(), change.path, change.value);
    if (!next.ok) return [next.problem];
    const validation = validateScenario(next.scenario);
    return validation.ok ? [] : validation.problems;
  };

  it('is hot: every rule changes the running descent without a restart', () => {
    for (const key of ['belowLoss', 'gradNorm', 'patience', 'minDelta', 'divergence']) expect(isLive(entry(key)), key).toBe(true);
  });

  it('writes each rule to its field, off as null', () => {
    expect(apply(bowl(), write('belowLoss', '-0.5', bowl())).stop.belowLoss).toBe(-0.5);
    expect(write('belowLoss', 'off', bowl())).toEqual({ kind: 'none' });
    expect(apply(bowl(), write('gradNorm', 1e-4, bowl())).stop.gradNorm).toBe(1e-4);
    const patient = apply(bowl(), write('patience', 20, bowl()));
    expect(patient.stop.patience).toBe(20);
    expect(apply(patient, write('minDelta', 1e-6, patient)).stop.minDelta).toBe(1e-6);
    expect(apply(patient, write('minDelta', null, patient)).stop.minDelta).toBe(0);
    expect(apply(bowl(), write('divergence', null, bowl())).stop.divergence).toBeNull();
  });

  it('shows Min delta only while Patience is on', () => {
    const b = bowl();
    expect(entry('minDelta').visible!(b, contextOf(b))).toBe(false);
    const patient = apply(b, write('patience', 5, b));
    expect(entry('minDelta').visible!(patient, contextOf(patient))).toBe(true);
  });

  it('passes bad values on as typed, for the lab to refuse with the field named', () => {
    expect(refusal(write('patience', 1.5, bowl()))).toEqual(['stop.patience: must be null or a whole number of steps from 1 to 1000000000']);
    expect(refusal(write('patience', 0, bowl()))).toEqual(['stop.patience: must be a whole number of steps from 1 to 1000000000']);
    expect(refusal(write('belowLoss', 'low', bowl()))).toEqual(['stop.belowLoss: must be null or a finite number']);
    expect(refusal(write('gradNorm', -1, bowl()))).toEqual(['stop.gradNorm: must be a finite number ≥ 0']);
    expect(refusal(write('divergence', Number.NaN, bowl()))).toEqual(['stop.divergence: must be null or a finite number > 0']);
  });
});
