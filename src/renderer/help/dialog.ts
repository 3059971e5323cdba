/**
 * A modal information dialog (Help, About): a native <dialog>, so the browser traps focus inside it, Esc
 * closes it, and focus returns where it was. Built once, reused on every opening.
 */
import { element } from '../dom';

export class InfoDialog {
  readonly dialog: HTMLDialogElement;
  readonly body: HTMLDivElement;
  private returnFocus: Element | null = null;

  constructor(title: string, testId: string) {
    this.dialog = element('dialog', undefined, 'info-dialog');
    this.dialog.dataset.testid = testId;
    const heading = element('h2', title);
    heading.id = `${testId}-title`;
    this.dialog.setAttribute('aria-labelledby', heading.id);
    const close = element('button', 'Close', 'info-close');
    close.type = 'button';
    close.addEventListener('click', () => this.close());
    const header = element('header');
    header.append(heading, close);
    this.body = element('div', undefined, 'info-body');
    this.dialog.append(header, this.body);
    // A click on the backdrop (the dialog element itself, outside its box) closes it, as a click outside would.
    this.dialog.addEventListener('click', (event) => {
      if (event.target !== this.dialog) return;
      const box = this.dialog.getBoundingClientRect();
      const inside = event.clientX >= box.left && event.clientX <= box.right && event.clientY >= box.top && event.clientY <= box.bottom;
      if (!inside) this.close();
    });
    this.dialog.addEventListener('close', () => {
      const focused = document.activeElement;
      // Focus left on the closed dialog's button would keep the lab's keys from working (keyboard.ts).
      if (focused instanceof HTMLElement && this.dialog.contains(focused)) focused.blur();
      if (this.returnFocus instanceof HTMLElement && this.returnFocus !== document.body) this.returnFocus.focus();
      this.returnFocus = null;
    });
    document.body.append(this.dialog);
  }

  get isOpen(): boolean {
    return this.dialog.open;
  }

  open(): void {
    if (this.dialog.open) return;
    this.returnFocus = document.activeElement;
    this.dialog.showModal();
    this.body.scrollTop = 0;
  }

  close(): void {
    if (this.dialog.open) this.dialog.close();
  }
}
