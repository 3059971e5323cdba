/**
 * What the training loss alone does not say, for the best particle of a model with data: its loss on the
 * held-out share (`Dataset.test`), and for a classification set (`Dataset.classes`) the share of rows it
 * classifies right, on the training rows and on the held-out ones. Measured for one particle at a time,
 * so the trainer pays for it once per frame it sends, not once per step.
 */
import type { Scenario } from '../shared/scenario';
import { dataModel } from './build';
import type { Dataset } from './data';
import { fullBatch, type Batch, type Model } from './model';
import { MlpModel } from './models/mlp';

/** Each field is present when it applies to the run, and null when there is no finite value to report. */
export interface HeldOutMetrics {
  /** The model's own loss over every held-out row. */
  testLoss?: number | null;
  /** Rows whose largest output is the target's class, over all rows: from 0 to 1. */
  trainAccuracy?: number | null;
  testAccuracy?: number | null;
}

export class Metrics {
  private readonly testModel: Model | null;
  private readonly testLoss = new Float64Array(1);
  private readonly testRows: Batch | null;
  /** A network to predict with, when the data are a classification set. */
  private readonly classifier: MlpModel | null;
  private readonly outputs: Float64Array;

  /** Null when there is nothing to report: no data, or neither a held-out share nor classes. */
  static of(scenario: Scenario, data: Dataset | null): Metrics | null {
    const model = scenario.model;
    if (!data || model.kind === 'surface' || (!data.test && !(data.classes && model.kind === 'mlp'))) return null;
    return new Metrics(model, data);
  }

  private constructor(
    spec: Exclude<Scenario['model'], { kind: 'surface' }>,
    private readonly data: Dataset,
  ) {
    this.testModel = data.test ? dataModel(spec, data.test) : null;
    this.testRows = data.test ? fullBatch(data.test.rows) : null;
    this.classifier = data.classes && spec.kind === 'mlp' ? new MlpModel(data, spec) : null;
    this.outputs = new Float64Array(Math.max(data.rows, data.test?.rows ?? 0) * data.outputs);
  }

  /** The metrics of one particle's parameters; every field the run has is present, null without a particle. */
  measure(theta: ArrayLike<number> | null): HeldOutMetrics {
    const out: HeldOutMetrics = {};
    const test = this.data.test;
    if (this.testModel && this.testRows && test) out.testLoss = theta && test.rows > 0 ? finite(this.lossOn(this.testModel, this.testRows, theta)) : null;
    if (this.classifier) {
      out.trainAccuracy = theta ? this.accuracy(this.classifier, this.data, theta) : null;
      if (test) out.testAccuracy = theta && test.rows > 0 ? this.accuracy(this.classifier, test, theta) : null;
    }
    return out;
  }

  private lossOn(model: Model, rows: Batch, theta: ArrayLike<number>): number {
    model.evaluate(Float64Array.from(theta), 1, rows, this.testLoss, null, null);
    return this.testLoss[0];
  }

  private accuracy(model: MlpModel, data: Dataset, theta: ArrayLike<number>): number | null {
    if (data.rows === 0) return null;
    const predicted = model.predict(theta, data.x, data.rows, this.outputs);
    let right = 0;
    for (let r = 0; r < data.rows; r++) if (classOf(predicted, r, data.outputs) === classOf(data.y, r, data.outputs)) right++;
    return right / data.rows;
  }
}

/**
 * The class of row r of row-major values `k` wide: the index of the largest (the first of equals), or with
 * one column, whether it is above ½ (a single sigmoid's yes or no). A NaN output is no class (−1).
 */
export function classOf(values: ArrayLike<number>, r: number, k: number): number {
  if (k === 1) return values[r] > 0.5 ? 1 : values[r] <= 0.5 ? 0 : -1;
  let best = -1;
  for (let c = 0; c < k; c++) {
    const v = values[r * k + c];
    if (v === v && (best < 0 || v > values[r * k + best])) best = c;
  }
  return best;
}

function finite(v: number): number | null {
  return Number.isFinite(v) ? v : null;
}

/** Index of the lowest finite loss (the first of equals), or -1 when none is finite: the run's best particle. */
export function bestIndex(losses: Float64Array): number {
  let best = -1;
  for (let i = 0; i < losses.length; i++) if (Number.isFinite(losses[i]) && (best < 0 || losses[i] < losses[best])) best = i;
  return best;
}
