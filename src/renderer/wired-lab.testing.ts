/**
 * For tests: the page's Lab wired to a real Trainer in-process, as the page's client wires them. Every event
 * is validated against the event schema, commands are copied as a port copies them, and frames are asked for
 * one at a time once the run has loaded: the page's requestAnimationFrame loop, on a timer.
 */
import { eventSchema, type TrainerCommand } from '../shared/messages';
import type { SliceTiming } from '../trainer/slices';
import { Trainer } from '../trainer/trainer';
import { Lab } from './lab';

/** `timing`: the trainer's clock and slices (a test's short slices let a pause get in); `sent`: every command the lab sent. */
export function wiredLab(timing: Partial<SliceTiming> = {}): { lab: Lab; trainer: Trainer; sent: TrainerCommand[] } {
  const sent: TrainerCommand[] = [];
  let loaded = false;
  let requested = false;
  const trainer = new Trainer(
    {
      post: (event) => {
        const checked = eventSchema.parse(event);
        if (checked.type === 'loaded') loaded = true;
        if (checked.type === 'frame') requested = false;
        lab.receive(checked);
        if (loaded && !requested) {
          requested = true;
          setTimeout(() => trainer.receive({ type: 'request-frame' }), 0);
        }
      },
    },
    timing,
  );
  const lab: Lab = new Lab({ send: (command) => (sent.push(command), trainer.receive(structuredClone(command))) });
  return { lab, trainer, sent };
}
