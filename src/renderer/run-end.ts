/**
 * The end of a run: at "done" a box over the scene says what happened and offers Reset and, when particles
 * are still moving, "Continue for N more epochs" (Play, Space and → do the same: Lab.continueRun). A hot change
 * made at "done" is kept for what comes next (Continue or Reset), and the box says so.
 */
import { limits } from '../shared/limits';
import { reasonLabels, stopReasons } from '../shared/stopping';
import { element } from './dom';
import { formatLoss } from './format';
import { moreEpochs, type Lab, type LabState } from './lab';
import type { Notices } from './notices';

export interface RunEnd {
  heading: string;
  detail: string;
  /** Epochs "Continue" adds; 0 when every particle has stopped (only a Reset runs again). */
  more: number;
}

const plural = (n: number, word: string) => `${n.toLocaleString('en')} ${word}${n === 1 ? '' : 's'}`;

/** What the box says at "done", from the lab's state; null while the run is not done. */
export function runEndOf(state: Pick<LabState, 'status' | 'epoch' | 'summary' | 'scenario'>): RunEnd | null {
  if (state.status !== 'done' || !state.scenario) return null;
  const { summary } = state;
  const reasons = stopReasons.filter((reason) => summary.reasons[reason] > 0).map((reason) => `${summary.reasons[reason]} ${reasonLabels[reason]}`);
  const stopped = `${summary.converged} converged, ${summary.diverged} diverged${reasons.length ? ` (${reasons.join('; ')})` : ''}`;
  if (summary.running === 0) {
    return {
      heading: `Every particle has stopped: ${stopped}.`,
      detail: 'Reset to run again, after changing the learning rate, the start or the stop rules if you like.',
      more: 0,
    };
  }
  const more = moreEpochs(state.scenario.epochs, state.epoch);
  const best = summary.bestLoss === null ? '' : ` Best loss ${formatLoss(summary.bestLoss)}.`;
  const heading = `The run has done its ${plural(state.scenario.epochs, 'epoch')}: ${plural(summary.running, 'particle')} still moving, ${stopped}.${best}`;
  const detail =
    more > 0
      ? `Continue for ${plural(more, 'more epoch')} (Play or Space), or Reset to start again.`
      : `The epochs are at their limit (${plural(limits.maxEpochs, 'epoch')}): Reset to start again.`;
  return { heading, detail, more };
}

/** The box over the scene, shown at "done". */
export class RunEndBox {
  readonly element: HTMLElement;
  private readonly heading: HTMLParagraphElement;
  private readonly detail: HTMLParagraphElement;
  private readonly kept: HTMLParagraphElement;
  private readonly continueButton: HTMLButtonElement;

  constructor(container: HTMLElement, lab: Lab, notices: Notices) {
    this.element = element('div', undefined, 'run-end');
    this.element.dataset.testid = 'run-end';
    this.element.setAttribute('role', 'status');
    this.element.hidden = true;
    this.element.style.position = 'absolute'; // over the scene even before the stylesheet is read (the CSP allows element.style)
    this.heading = element('p', undefined, 'run-end-heading');
    this.detail = element('p', undefined, 'run-end-detail');
    this.kept = element('p', undefined, 'run-end-kept');
    this.kept.dataset.testid = 'run-end-kept';
    this.kept.hidden = true;
    const reset = element('button', 'Reset');
    reset.type = 'button';
    reset.addEventListener('click', () => lab.reset().catch((error: unknown) => notices.showError(error)));
    this.continueButton = element('button', 'Continue');
    this.continueButton.type = 'button';
    this.continueButton.addEventListener('click', () => lab.continueRun().catch((error: unknown) => notices.showError(error)));
    const actions = element('div', undefined, 'run-end-actions');
    actions.append(this.continueButton, reset);
    this.element.append(this.heading, this.detail, this.kept, actions);
    container.append(this.element);

    lab.events.on('change', (state) => this.show(state));
    // A change made at "done" is not lost: it is the next run's, and the box says so.
    lab.events.on('accepted', (path) => {
      if (this.element.hidden) return;
      this.kept.textContent = `Your change (${path}) is kept: Continue or Reset runs with it.`;
      this.kept.hidden = false;
    });
  }

  private show(state: Readonly<LabState>): void {
    const end = runEndOf(state);
    if (!end) {
      this.element.hidden = true;
      this.kept.hidden = true;
      return;
    }
    this.element.hidden = false;
    if (this.heading.textContent !== end.heading) this.heading.textContent = end.heading;
    if (this.detail.textContent !== end.detail) this.detail.textContent = end.detail;
    this.continueButton.hidden = end.more === 0;
    this.continueButton.textContent = `Continue for ${plural(end.more, 'more epoch')}`;
  }
}
