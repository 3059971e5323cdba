/**
 * The run controls: Play/Pause (one toggle), Step, Reset, steps per frame and the learning rate (their
 * keys are in ./keyboard.ts). The learning rate is a hot change, sent when the field is committed; a
 * refusal is shown, and the field keeps what was typed, marked invalid, so the user sees what was refused.
 */
import { formatRate } from './format';
import type { Lab, LabState } from './lab';
import type { Notices } from './notices';

export interface ControlElements {
  play: HTMLButtonElement;
  step: HTMLButtonElement;
  reset: HTMLButtonElement;
  speed: HTMLInputElement;
  alpha: HTMLInputElement;
}

export class Controls {
  private status: LabState['status'] = 'paused';
  private ready = false;
  private gone = false;

  constructor(
    private readonly lab: Lab,
    private readonly ui: ControlElements,
    private readonly notices: Notices,
  ) {
    ui.play.setAttribute('aria-keyshortcuts', 'Space');
    ui.play.addEventListener('click', () => this.toggle());
    ui.step.addEventListener('click', () => this.step());
    ui.reset.addEventListener('click', () => this.reset());
    ui.speed.addEventListener('change', () => this.changeSpeed());
    ui.alpha.addEventListener('change', () => this.changeRate());
  }

  /** Follows the lab's state: button labels and which controls can act. */
  update(state: Readonly<LabState>): void {
    this.status = state.status;
    this.ready = state.scenario !== null;
    const { play, step, reset, alpha } = this.ui;
    const label = state.status === 'running' ? 'Pause' : 'Play';
    if (play.textContent !== label) play.textContent = label;
    play.disabled = this.gone || !this.ready || state.status === 'done';
    step.disabled = this.gone || !this.ready || state.status === 'done';
    reset.disabled = alpha.disabled = this.gone || !this.ready;
  }

  /** A newly loaded scenario: the learning-rate field shows its rate. */
  showScenario(state: Readonly<LabState>): void {
    const optimizer = state.scenario?.optimizer as { alpha?: unknown } | undefined;
    this.ui.alpha.value = formatRate(optimizer?.alpha);
    this.ui.alpha.removeAttribute('aria-invalid');
  }

  /** The trainer is gone: nothing can act any more. */
  disable(): void {
    this.gone = true;
    for (const control of Object.values(this.ui)) control.disabled = true;
  }

  toggle(): void {
    if (this.status === 'running') this.lab.pause();
    else if (this.status === 'paused') this.lab.play();
  }

  step(): void {
    if (this.ready && !this.gone && this.status !== 'done') this.lab.step(1).catch((error) => this.notices.showError(error));
  }

  reset(): void {
    if (this.ready && !this.gone) this.lab.reset().catch((error) => this.notices.showError(error));
  }

  private changeSpeed(): void {
    const input = this.ui.speed;
    try {
      this.lab.speed(input.valueAsNumber);
      input.removeAttribute('aria-invalid');
    } catch (error) {
      input.setAttribute('aria-invalid', 'true');
      this.notices.showError(error);
    }
  }

  private changeRate(): void {
    const input = this.ui.alpha;
    // An empty or unreadable field is sent as null: the trainer names the field and what it must be.
    const value = Number.isNaN(input.valueAsNumber) ? null : input.valueAsNumber;
    this.lab.set('optimizer.alpha', value).then(
      () => input.removeAttribute('aria-invalid'),
      (error: unknown) => {
        input.setAttribute('aria-invalid', 'true');
        this.notices.showError(error);
      },
    );
  }
}
