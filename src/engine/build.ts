/** Turns a validated scenario into a running Descent: its data set, model and initial cloud. */
import type { Scenario } from '../shared/scenario';
export { paramCountOf } from '../shared/spec';
import { buildDataset, type Dataset } from './data';
import { Descent, type Placement } from './descent';
import { compileExpression } from './expression';
import { initialPositions, networkOf, particleCount } from './init';
import { applyScale } from './scaling';
import type { Model } from './model';
import { LinearModel } from './models/linear';
import { MlpModel } from './models/mlp';
import { NeuronModel } from './models/neuron';
import { SurfaceModel } from './models/surface';
import type { SurfaceName } from './surfaces';

/**
 * The data set the model trains on, or null for a surface: scaled as `data.scale` says (./scaling.ts).
 * A CSV source must have been read in by the host.
 */
export function datasetOf(scenario: Scenario): Dataset | null {
  const data = scenario.data;
  if (!data) return null;
  if ('csv' in data) throw new Error(`data.csv: "${data.csv}" must be read by the desktop app or the command line before the run`);
  return applyScale(buildDataset(data, scenario.seed), data.scale).data;
}

export async function buildModel(scenario: Scenario, dataset: Dataset | null): Promise<Model> {
  const spec = scenario.model;
  if (spec.kind === 'surface') {
    if (spec.fn !== undefined) return SurfaceModel.named(spec.fn as SurfaceName);
    return new SurfaceModel((await compileExpression(spec.expr ?? '')).kernel);
  }
  if (!dataset) throw new Error(`data: a ${spec.kind} model needs data`);
  return dataModel(spec, dataset);
}

/** A model that trains on data (linear, neuron, mlp) over `dataset`: also how a held-out share is scored. */
export function dataModel(spec: Exclude<Scenario['model'], { kind: 'surface' }>, dataset: Dataset): Model {
  switch (spec.kind) {
    case 'linear':
      return new LinearModel(dataset, spec.bias);
    case 'neuron':
      return new NeuronModel(dataset);
    case 'mlp':
      return new MlpModel(dataset, spec);
  }
}

/**
 * A ready-to-step run of the scenario, its cloud placed by `init` from the scenario's seed. With a placement
 * (one thread of a parallel run, ./parallel/), its arrays come from that memory, and the cloud is placed only
 * by the thread that made them.
 */
export async function createDescent(scenario: Scenario, place?: Placement): Promise<Descent> {
  const model = await buildModel(scenario, datasetOf(scenario));
  const start = (into?: Float64Array) => initialPositions(scenario.init, model.paramCount, scenario.seed, into, networkOf(scenario.model));
  if (!place) return new Descent(model, scenario, start(), start);
  const params = place.memory.float64('params', particleCount(scenario.init) * model.paramCount);
  if (place.memory.fresh) start(params);
  return new Descent(model, scenario, params, start, place);
}
