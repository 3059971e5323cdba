/**
 * What the scene says when it has nothing to draw, by priority: no WebGL at all, a lost graphics context,
 * a trainer that is gone, or nothing loaded yet. Also the diverged count, a short-lived hint, and the
 * colour ramp of "colour by loss".
 */
import { element } from '../dom';

export type OverlayReason = 'no-webgl' | 'context-lost' | 'trainer-lost' | 'empty';

const priority: OverlayReason[] = ['no-webgl', 'context-lost', 'trainer-lost', 'empty'];

const texts: Record<OverlayReason, [string, string]> = {
  'no-webgl': [
    'This browser cannot draw the 3D scene (WebGL 2 is not available).',
    'Training still runs and the readouts follow it. Turn on hardware acceleration, or try another browser.',
  ],
  'context-lost': [
    'The graphics context was lost.',
    'The GPU was reset or is busy; training goes on. The scene comes back when the browser restores it — if it does not, reload the page.',
  ],
  'trainer-lost': ['The trainer has stopped.', 'Nothing can run until it starts again: reload the page, or restart the app.'],
  empty: ['Nothing loaded yet.', 'Pick a preset in the panel, or open a scenario file of your own.'],
};

export class Overlay {
  private readonly message: HTMLDivElement;
  private readonly heading: HTMLParagraphElement;
  private readonly detail: HTMLParagraphElement;
  private readonly badge: HTMLDivElement;
  private readonly hintNode: HTMLDivElement;
  private readonly ramp: HTMLDivElement;
  private readonly active = new Map<OverlayReason, string | undefined>();
  private hintTimer = 0;
  private diverged = -1;

  constructor(container: HTMLElement) {
    this.message = element('div', undefined, 'scene-message');
    this.message.setAttribute('role', 'status');
    this.heading = element('p', undefined, 'scene-message-heading');
    this.detail = element('p', undefined, 'scene-message-detail');
    this.message.append(this.heading, this.detail);
    this.message.hidden = true;
    this.badge = element('div', undefined, 'scene-badge');
    this.badge.hidden = true;
    this.hintNode = element('div', undefined, 'scene-hint');
    this.hintNode.hidden = true;
    this.ramp = element('div', undefined, 'scene-ramp');
    this.ramp.append(element('span', 'low loss'), element('i'), element('span', 'high'));
    this.ramp.hidden = true;
    container.append(this.message, this.badge, this.hintNode, this.ramp);
  }

  /** Shows a reason (with its own detail, e.g. the trainer's last words, if given). */
  show(reason: OverlayReason, detail?: string): void {
    this.active.set(reason, detail);
    this.render();
  }

  clear(reason: OverlayReason): void {
    this.active.delete(reason);
    this.render();
  }

  /** The count of diverged particles, shown while there are some. */
  setDiverged(count: number): void {
    if (count === this.diverged) return;
    this.diverged = count;
    this.badge.hidden = count <= 0;
    this.badge.textContent = `↑ ${count} diverged`;
  }

  hint(text: string): void {
    this.hintNode.textContent = text;
    this.hintNode.hidden = false;
    window.clearTimeout(this.hintTimer);
    this.hintTimer = window.setTimeout(() => (this.hintNode.hidden = true), 4000);
  }

  showRamp(on: boolean): void {
    this.ramp.hidden = !on;
  }

  private render(): void {
    const reason = priority.find((r) => this.active.has(r));
    this.message.hidden = reason === undefined;
    if (reason === undefined) return;
    this.message.dataset.reason = reason;
    const [heading, detail] = texts[reason];
    this.heading.textContent = heading;
    this.detail.textContent = this.active.get(reason) ? `${this.active.get(reason)} ${detail}` : detail;
  }
}
