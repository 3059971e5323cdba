/** Turns a validated scenario into a running Descent: its data set, model and initial cloud. */
import type { Scenario } from '../shared/scenario';
export { paramCountOf } from '../shared/spec';
import { buildDataset, type Dataset } from './data';
import { Descent } from './descent';
import { compileExpression } from './expression';
import { initialPositions } from './init';
import type { Model } from './model';
import { LinearModel } from './models/linear';
import { MlpModel } from './models/mlp';
import { NeuronModel } from './models/neuron';
import { SurfaceModel } from './models/surface';
import type { SurfaceName } from './surfaces';


/** The data set of a scenario, or null for a surface. A CSV source must have been read in by the host. */
export function datasetOf(scenario: Scenario): Dataset | null {
  const data = scenario.data;
  if (!data) return null;
  if ('csv' in data) throw new Error(`data.csv: "${data.csv}" must be read by the desktop app or the command line before the run`);
  return buildDataset(data, scenario.seed);
}

export async function buildModel(scenario: Scenario, dataset: Dataset | null): Promise<Model> {
  const spec = scenario.model;
  if (spec.kind === 'surface') {
    if (spec.fn !== undefined) return SurfaceModel.named(spec.fn as SurfaceName);
    return new SurfaceModel((await compileExpression(spec.expr ?? '')).kernel);
  }
  if (!dataset) throw new Error(`data: a ${spec.kind} model needs data`);
  switch (spec.kind) {
    case 'linear':
      return new LinearModel(dataset, spec.bias);
    case 'neuron':
      return new NeuronModel(dataset);
    case 'mlp':
      return new MlpModel(dataset, spec);
  }
}

/** A ready-to-step run of the scenario, its cloud placed by `init` from the scenario's seed. */
export async function createDescent(scenario: Scenario): Promise<Descent> {
  const model = await buildModel(scenario, datasetOf(scenario));
  const start = (into?: Float64Array) => initialPositions(scenario.init, model.paramCount, scenario.seed, into);
  return new Descent(model, scenario, start(), start);
}
