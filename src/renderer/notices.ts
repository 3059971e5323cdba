/**
 * The notice area (role="status", aria-live): trainer notices, refusals, errors and confirmations, newest
 * first, laid over the top of the scene (style.css: it takes no room, so the scene never jumps, and it stays
 * in sight while the page scrolls). One notice per cause: a repeat replaces it. An error stays until it is
 * dismissed or fixed (a later change of the same field is accepted: `fixed`); a confirmation fades after a
 * few seconds.
 */
import { element } from './dom';
import { problemOf } from './replies';

export type Tone = 'info' | 'error';

/** How long a confirmation stays, in ms. */
export const fadeAfter = 6000;

/** At most this many notices at once: the oldest goes. */
const kept = 3;

/** The fields a notice's problem lines name ("optimizer.alpha: must be > 0" → optimizer.alpha). */
export function fieldsOf(problems: readonly string[]): string[] {
  const fields = problems.map((problem) => /^([\w.[\]-]+):\s/.exec(problem)?.[1]).filter((field): field is string => field !== undefined);
  return [...new Set(fields)];
}

/** What a notice is about: the same heading about the same fields is a repeat, which replaces the first. */
export function causeOf(heading: string, problems: readonly string[]): string {
  const fields = fieldsOf(problems);
  return fields.length ? `${heading} · ${fields.join(', ')}` : heading;
}

/** Whether an accepted change of `path` fixes a problem with `field` (the same field, or one inside the other). */
export function fixes(path: string, field: string): boolean {
  return path === field || field.startsWith(`${path}.`) || path.startsWith(`${field}.`);
}

/** A notice's button: its words, and what a click does. */
export interface NoticeAction {
  label: string;
  run(): void;
}

export class Notices {
  constructor(private readonly area: HTMLElement) {}

  /**
   * `action`: a button that does what the notice asks for (choosing a file, say); such a notice stays until
   * it is used or dismissed, whatever its tone.
   */
  show(heading: string, problems: readonly string[] = [], tone: Tone = 'info', action?: NoticeAction): void {
    const cause = causeOf(heading, problems);
    for (const old of this.area.querySelectorAll<HTMLElement>('.notice')) if (old.dataset.cause === cause) old.remove();
    const notice = element('div', undefined, `notice ${tone}`);
    notice.dataset.cause = cause;
    notice.dataset.fields = fieldsOf(problems).join(' ');
    notice.append(element('p', heading));
    if (problems.length) {
      const list = element('ul');
      for (const problem of problems) list.append(element('li', problem));
      notice.append(list);
    }
    if (action) {
      const act = element('button', action.label, 'notice-action');
      act.type = 'button';
      act.addEventListener('click', () => {
        notice.remove();
        action.run();
      });
      notice.append(act);
    }
    const dismiss = element('button', '×', 'dismiss');
    dismiss.type = 'button';
    dismiss.setAttribute('aria-label', 'Dismiss');
    dismiss.addEventListener('click', () => notice.remove());
    notice.prepend(dismiss);
    this.area.prepend(notice);
    while (this.area.children.length > kept) this.area.lastElementChild?.remove();
    // A confirmation fades (style.css's transition), then goes; an error stays until dismissed or fixed.
    if (tone === 'info' && !action) {
      setTimeout(() => notice.classList.add('fading'), fadeAfter - 600);
      setTimeout(() => notice.remove(), fadeAfter);
    }
  }

  /** Shows an error from a rejected call: a LabError's heading and problems, or any other error's message. */
  showError(error: unknown): void {
    const { heading, problems } = problemOf(error);
    this.show(heading, problems, 'error');
  }

  /** A change of `path` was accepted: the errors about that field are fixed, and go. */
  fixed(path: string): void {
    for (const notice of this.area.querySelectorAll<HTMLElement>('.notice.error')) {
      const fields = notice.dataset.fields ? notice.dataset.fields.split(' ') : [];
      if (fields.some((field) => fixes(path, field))) notice.remove();
    }
  }
}
