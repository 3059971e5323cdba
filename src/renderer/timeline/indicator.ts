/**
 * The long-work indicator in the timeline bar (issue 21): while the trainer runs a long `step(n)` or replays
 * a seek, a bar and "Stepping 3,400 / 10,000" (./work.ts), with a Stop button; Esc stops it too. Stopping
 * is a pause: the trainer cancels the work at its next slice and answers with a frame, which hides it.
 */
import { button, element } from '../dom';
import type { Lab } from '../lab';
import { LongWork } from './work';

export function mountWorkIndicator(lab: Lab, parent: HTMLElement): void {
  const work = new LongWork();
  const box = element('div', undefined, 'long-work');
  box.dataset.testid = 'long-work';
  box.setAttribute('role', 'group');
  box.setAttribute('aria-label', 'Work under way');
  const bar = element('progress', undefined, 'long-work-bar');
  bar.max = 1;
  const text = element('span', '', 'long-work-text');
  text.dataset.testid = 'long-work-text';
  const stop = button('Stop', 'Stop the steps or the replay where they are (Esc)');
  stop.dataset.testid = 'long-work-stop';
  box.append(bar, text, stop);
  parent.append(box);

  function show(): void {
    box.hidden = work.current === null;
    bar.value = work.fraction;
    text.textContent = work.text ?? '';
    stop.disabled = work.stopping;
  }

  function requestStop(): void {
    if (work.stop()) lab.pause();
    show();
  }

  stop.addEventListener('click', requestStop);
  document.addEventListener('keydown', (event) => {
    // Esc in an open dialog closes the dialog; it does not reach the run behind it.
    if (event.key !== 'Escape' || event.defaultPrevented || !work.current) return;
    if (event.target instanceof Element && event.target.closest('dialog[open]')) return;
    event.preventDefault();
    requestStop();
  });
  lab.events.on('progress', (report) => {
    work.progress(report);
    show();
  });
  // Long work ends with a frame (done, or cancelled by the pause); a load or a lost trainer ends it as well.
  for (const end of ['frame', 'loaded', 'lost'] as const) {
    lab.events.on(end, () => {
      if (!work.current) return;
      work.ended();
      show();
    });
  }
  show();
}
