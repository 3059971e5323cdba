/**
 * The page's entry: wires the trainer client, the lab (the page's control surface, also exposed as
 * `window.descentLab`) and the views, then opens what the URL asks for (a preset, a scenario, or the default).
 */
import { findPreset, presets } from '../shared/presets';
import { Controls } from './controls';
import { byId } from './dom';
import { Lab, type DescentLab } from './lab';
import { Notices } from './notices';
import { openingFromQuery } from './opening';
import { PresetList } from './preset-list';
import { ParticlePreview } from './preview';
import { Readouts } from './readouts';
import { TrainerClient } from './trainer-client';

declare global {
  interface Window {
    /** The automation API (CONTRACTS §4), for scripted recordings and tests. */
    descentLab: DescentLab;
  }
}

const notices = new Notices(byId('notices', HTMLDivElement));
const readouts = new Readouts(document);
const preview = new ParticlePreview(byId('preview', HTMLCanvasElement));
const client = new TrainerClient();
const lab = new Lab(client);
const controls = new Controls(
  lab,
  {
    play: byId('play', HTMLButtonElement),
    step: byId('step', HTMLButtonElement),
    reset: byId('reset', HTMLButtonElement),
    speed: byId('speed', HTMLInputElement),
    alpha: byId('alpha', HTMLInputElement),
  },
  notices,
);
const presetList = new PresetList(byId('presets', HTMLElement), presets, (preset) => open(preset.name));

function open(what: unknown): void {
  lab.load(what).catch((error: unknown) => notices.showError(error));
}

client.events.on('event', (event) => lab.receive(event));
client.events.on('notice', (text) => notices.show(text, [], 'error'));
client.events.on('restarted', (notice) => {
  lab.restarted(notice);
  notices.show(notice);
});
client.events.on('lost', (reason) => {
  lab.lost(reason);
  controls.disable();
  presetList.setDisabled(true);
  notices.show(reason, [], 'error');
});

lab.events.on('change', (state) => {
  readouts.show(state);
  controls.update(state);
});
lab.events.on('frame', (frame) => preview.show(frame));
lab.events.on('problem', (problem) => notices.showError(problem));
lab.events.on('loaded', (event) => {
  const state = lab.state();
  // Presets are named after themselves; a scenario of one's own that borrows a preset's name is marked too.
  const preset = findPreset(state.name);
  presetList.mark(preset ? preset.name : null);
  preview.setRange(event.range);
  byId('scenario-name', HTMLSpanElement).textContent = `${state.name || 'untitled'} · ${event.count} particle${event.count === 1 ? '' : 's'}`;
  byId('axes', HTMLSpanElement).textContent = `${event.axes[0]} →  ${event.axes[1]} ↑`;
  byId('lesson', HTMLParagraphElement).textContent = preset ? `${preset.lesson}${preset.source ? ` (${preset.source})` : ''}` : 'A scenario of your own.';
  controls.showScenario(state);
});

// Only the contract's methods, bound: a script cannot reach the lab's internals through this object.
window.descentLab = Object.freeze({
  load: (scenario: unknown) => lab.load(scenario),
  play: () => lab.play(),
  pause: () => lab.pause(),
  step: (n?: number) => lab.step(n),
  reset: () => lab.reset(),
  set: (path: string, value: unknown) => lab.set(path, value),
  state: () => lab.state(),
});

const opening = openingFromQuery(location.search);
if (opening.notice) notices.show(opening.notice.heading, opening.notice.problems, 'error');
open(opening.load);

const desktop = (window as Window & { descentDesktop?: { platform: string; versions: { electron: string } } }).descentDesktop;
byId('runtime', HTMLElement).textContent = desktop
  ? `Desktop app · Electron ${desktop.versions.electron} on ${desktop.platform}`
  : `Running in your browser · training in a ${client.runtime === 'worker' ? 'Web Worker' : 'separate process'}`;
