/**
 * The "Lessons" tab: every notebook experiment, and flat and sharp minima on a network, as a guided lesson
 * (../../../shared/lessons.ts). Each one says what to look at and what the preset shows, loads its preset,
 * and offers "try this" changes: each starts again from the preset, applies its changes with `lab.set`,
 * plays, and says what to expect.
 */
import { lessons, type Lesson, type TryThis } from '../../../shared/lessons';
import { findPreset } from '../../../shared/presets';
import { element } from '../../dom';
import type { MountContext } from '../../mounts';
import type { ExperimentTab } from '../tabs';

export const lessonsTab: ExperimentTab = {
  id: 'lessons',
  title: 'Lessons',
  mount(panel, context) {
    const status = element('p', 'Open a lesson, load it, then try a change.', 'view-note');
    status.setAttribute('role', 'status');
    status.dataset.testid = 'lessons-status';
    const list = element('div');
    list.style.cssText = 'display:flex;flex-direction:column;gap:0.35rem';
    list.append(...lessons.map((lesson) => lessonCard(lesson, context, status)));
    panel.append(status, list);
  },
};

function lessonCard(lesson: Lesson, context: MountContext, status: HTMLElement): HTMLElement {
  const preset = findPreset(lesson.preset)!;
  const card = element('details');
  card.dataset.testid = `lesson-${lesson.preset}`;
  const summary = element('summary', preset.title);
  summary.style.cursor = 'pointer';
  if (preset.source) summary.append(element('span', ` · ${preset.source}`, 'view-note'));
  const look = element('p', `What to look at: ${lesson.look}`);
  const point = element('p', `${preset.group === 'notebooks' ? 'The notebook’s point' : 'The point'}: ${preset.lesson}`);
  const buttons = element('div');
  buttons.style.cssText = 'display:flex;flex-wrap:wrap;gap:0.4rem;margin:0.3rem 0 0.6rem';
  const load = button(`Load “${preset.name}”`, `lesson-load-${lesson.preset}`);
  load.addEventListener('click', () => run(context, status, load, `Loaded ${preset.title}. ${lesson.look}`, async () => context.lab.load(lesson.preset)));
  buttons.append(load);
  lesson.tries.forEach((attempt, k) => {
    const trial = button(attempt.label, `lesson-try-${lesson.preset}-${k}`);
    trial.title = attempt.expect;
    trial.addEventListener('click', () => run(context, status, trial, `${attempt.label}: ${attempt.expect}`, () => applyTry(context, lesson.preset, attempt)));
    buttons.append(trial);
  });
  card.append(summary, look, point, buttons);
  return card;
}

/** The preset again, then each change in order, then play. */
async function applyTry(context: MountContext, preset: string, attempt: TryThis): Promise<void> {
  const { lab } = context;
  await lab.load(preset);
  for (const { path, value } of attempt.changes) await lab.set(path, value);
}

async function run(context: MountContext, status: HTMLElement, source: HTMLButtonElement, done: string, action: () => Promise<void>): Promise<void> {
  source.disabled = true;
  status.textContent = 'Loading…';
  try {
    await action();
    context.lab.play();
    status.textContent = done;
  } catch (error) {
    status.textContent = (error as Error).message;
    context.notices.showError(error);
  } finally {
    source.disabled = false;
  }
}

function button(text: string, testid: string): HTMLButtonElement {
  const node = element('button', text);
  node.type = 'button';
  node.dataset.testid = testid;
  return node;
}
