/**
 * The timeline under the scene: a scrubber over the run's recorded history (the trainer keeps it within
 * a fixed memory budget, see engine/snapshot.ts) and the step shown. Dragging replays the run to the
 * step under the thumb, exactly: the trainer restores a snapshot and re-runs from it with the same seed.
 * Long work (a long replay, a long step(n)) shows its progress and a Stop button beside it (./indicator.ts).
 */
import { element } from '../dom';
import type { MountContext } from '../mounts';
import { mountWorkIndicator } from './indicator';
import { Track } from './track';

export interface TimelineHandle {
  readonly element: HTMLElement;
}

export function mountTimeline({ lab, notices }: MountContext): TimelineHandle {
  const bar = element('div', undefined, 'timeline');
  bar.setAttribute('role', 'group');
  bar.setAttribute('aria-label', 'Timeline');
  const label = element('label', 'Replay', 'timeline-label');
  const scrubber = element('input', undefined, 'timeline-scrubber');
  scrubber.type = 'range';
  scrubber.min = '0';
  scrubber.max = '0';
  scrubber.step = '1';
  scrubber.value = '0';
  scrubber.dataset.testid = 'timeline-scrubber';
  scrubber.setAttribute('aria-label', 'Replay to step');
  scrubber.title = 'Drag to replay any earlier step exactly';
  const readout = element('span', '0 / 0', 'timeline-step'); // not <output>: its implicit role "status" belongs to the notices
  readout.dataset.testid = 'timeline-step';
  label.append(scrubber);
  bar.append(label, readout);
  mountWorkIndicator(lab, bar);
  const scene = document.querySelector('figure.scene');
  if (scene) scene.after(bar);
  else document.body.append(bar);

  const track = new Track((step) => lab.seek(step));

  function show(): void {
    scrubber.max = String(track.furthest);
    // While a seek is under way the thumb stays where the user put it.
    if (!track.seeking) scrubber.value = String(track.position);
    readout.textContent = `${track.position} / ${track.furthest}`;
  }

  function request(): void {
    track.seek(Number(scrubber.value)).then(show, (error: unknown) => {
      notices.showError(error);
      show();
    });
  }

  scrubber.addEventListener('input', request);
  scrubber.addEventListener('change', request);
  // `loaded` also follows a change of view: only a load's or a reset's frame, at step 0, starts a new history.
  let reloaded = false;
  lab.events.on('loaded', () => (reloaded = true));
  lab.events.on('frame', (frame) => {
    if (reloaded && frame.step === 0 && !track.seeking) track.loaded();
    reloaded = false;
    track.frame(frame.step);
    show();
  });
  lab.events.on('history', (furthest) => {
    track.history(furthest);
    show();
  });
  lab.events.on('lost', () => (scrubber.disabled = true));
  return { element: bar };
}
