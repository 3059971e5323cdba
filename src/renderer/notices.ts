/**
 * The notice area (role="status", aria-live): trainer notices, refusals and errors, newest first. A few
 * are kept so that a link's problems stay readable after the preset that replaced it has loaded.
 */
import { element } from './dom';

export type Tone = 'info' | 'error';

const kept = 3;

export class Notices {
  constructor(private readonly area: HTMLElement) {}

  show(heading: string, problems: readonly string[] = [], tone: Tone = 'info'): void {
    const notice = element('div', undefined, `notice ${tone}`);
    notice.append(element('p', heading));
    if (problems.length) {
      const list = element('ul');
      for (const problem of problems) list.append(element('li', problem));
      notice.append(list);
    }
    const dismiss = element('button', '×', 'dismiss');
    dismiss.type = 'button';
    dismiss.setAttribute('aria-label', 'Dismiss');
    dismiss.addEventListener('click', () => notice.remove());
    notice.prepend(dismiss);
    this.area.prepend(notice);
    while (this.area.children.length > kept) this.area.lastElementChild?.remove();
  }

  /** Shows an error from a rejected call: a LabError's heading and problems, or any other error's message. */
  showError(error: unknown): void {
    const { heading, problems } = error as { heading?: unknown; problems?: unknown };
    if (typeof heading === 'string' && Array.isArray(problems)) this.show(heading, problems as string[], 'error');
    else this.show(error instanceof Error ? error.message : String(error), [], 'error');
  }
}
