/**
 * Learning rate at step t (counted from 1): `alpha` shaped by the optimizer's optional schedule, then a
 * linear warm-up over the first `warmup` steps. Formulas as PyTorch's StepLR, ExponentialLR and
 * CosineAnnealingLR, applied per step rather than per epoch.
 */
import type { ScheduleSpec } from '../shared/scenario';

export function learningRate(alpha: number, schedule: ScheduleSpec | undefined, t: number): number {
  if (!schedule) return alpha;
  let lr: number;
  switch (schedule.kind) {
    case 'constant':
      lr = alpha;
      break;
    case 'step':
      lr = alpha * Math.pow(schedule.gamma, Math.floor((t - 1) / schedule.every));
      break;
    case 'exponential':
      lr = alpha * Math.pow(schedule.gamma, t - 1);
      break;
    case 'cosine':
      lr = schedule.min + ((alpha - schedule.min) * (1 + Math.cos((Math.PI * Math.min(t - 1, schedule.steps)) / schedule.steps))) / 2;
      break;
  }
  if (schedule.warmup > 0 && t <= schedule.warmup) lr = (lr * t) / schedule.warmup;
  return lr;
}
