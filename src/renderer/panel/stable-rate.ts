/**
 * The readout under "Learning rate α" for a linear model (issue 22): the largest stable learning rate of
 * full-batch gradient descent on this data, 2/λ_max of the loss's Hessian (2/m)·AᵀA (engine/stable-rate.ts),
 * on the columns as the model sees them (scaled when `data.scale` says so), less with weight decay, and a
 * warning when α is above it. Nothing for other models, or for a CSV source the page has not read.
 */
import { buildDataset } from '../../engine/data';
import { applyScale } from '../../engine/scaling';
import { stableRate } from '../../engine/stable-rate';
import type { Scenario } from '../../shared/scenario';
import type { Lab } from '../lab';

export interface StableRateReadout {
  /** 2/λ_max. */
  limit: number;
  text: string;
  /** Why α is too large, or null when it is not (or the optimizer is not plain gradient descent). */
  warning: string | null;
}

/** 5.8e-5, 0.54, 12: two significant digits, in exponent form below 0.001. */
export function formatRate(value: number): string {
  if (!Number.isFinite(value)) return '∞';
  return value < 1e-3 ? value.toExponential(1) : String(Number(value.toPrecision(2)));
}

/** The limit of full-batch gradient descent on the scenario's data, or null when it has none to compute. */
export function stableRateOf(scenario: Scenario): number | null {
  const data = scenario.data;
  if (scenario.model.kind !== 'linear' || !data || 'csv' in data) return null;
  const trained = applyScale(buildDataset(data, scenario.seed), data.scale).data;
  return stableRate(trained, scenario.model.bias).alpha;
}

/** What the panel says for a scenario whose data give the limit `dataLimit` (2/λ_max, before any weight decay). */
export function stableRateReadout(scenario: Scenario, dataLimit: number): StableRateReadout {
  const { kind, alpha } = scenario.optimizer;
  const full = scenario.batch.size === null;
  // Weight decay λ adds λ·p to the gradient, λ·I to the Hessian: the limit is 2/(λ_max + λ).
  const decay = kind === 'gd' ? scenario.optimizer.weightDecay : 0;
  const limit = decay > 0 ? 2 / (2 / dataLimit + decay) : dataLimit;
  const formula = decay > 0 ? '2/(λ_max + weight decay)' : '2/λ_max';
  const text = `Stable for gradient descent below α = ${formatRate(limit)} (${formula}${full ? '' : ', full batch'})`;
  // The limit is plain gradient descent's; momentum and the adaptive optimizers have other ones.
  const over = kind === 'gd' && !scenario.optimizer.schedule && alpha >= limit;
  const advice = scenario.data && 'scale' in scenario.data && scenario.data.scale === 'standard' ? 'lower α' : 'lower α, or scale the features (data.scale)';
  const warning = over
    ? `α = ${formatRate(alpha)} is above the largest stable rate ${formatRate(limit)}: full-batch gradient descent diverges here; ${advice}.`
    : null;
  return { limit, text, warning };
}

/** Shows the readout after `anchor` (the α control) and keeps it in step with the lab's scenario. */
export function mountStableRate(anchor: HTMLElement, lab: Lab): void {
  const box = document.createElement('div');
  box.dataset.testid = 'stable-rate';
  box.style.cssText = 'padding:0.15rem 0.5rem 0.35rem;font-size:0.85em;line-height:1.3';
  const line = document.createElement('div');
  line.style.opacity = '0.75';
  const warning = document.createElement('div');
  warning.dataset.testid = 'stable-rate-warning';
  warning.setAttribute('role', 'status');
  warning.style.color = '#e5484d';
  box.append(line, warning);
  box.hidden = true;
  anchor.after(box);

  // The limit depends on the data only: computed again when the data (or the seed that generates it) change.
  let key: unknown[] = [];
  let limit: number | null = null;
  let shown: Scenario | null = null;
  lab.events.on('change', ({ scenario }) => {
    if (!scenario || scenario === shown) return;
    shown = scenario;
    const next = [scenario.data, scenario.seed, scenario.model.kind, scenario.model.kind === 'linear' && scenario.model.bias];
    if (next.some((part, k) => part !== key[k])) {
      key = next;
      limit = stableRateOf(scenario);
    }
    if (limit === null) {
      box.hidden = true;
      return;
    }
    const readout = stableRateReadout(scenario, limit);
    box.hidden = false;
    line.textContent = readout.text;
    warning.textContent = readout.warning ?? '';
    warning.hidden = readout.warning === null;
  });
}
