/**
 * The page's entry: wires the trainer client and the lab (the page's control surface, also exposed as
 * `window.descentLab`) to the three parts of the page (scene, panel, views), the readouts, the notices and
 * the keys, then opens what the URL asks for (a preset, a scenario, or the default).
 */
import type { DesktopBridge } from '../shared/desktop';
import { findPreset } from '../shared/presets';
import { mountCapture, type CaptureApi } from './capture';
import { mountExperiments } from './experiments';
import { mountExport, type ExportApi } from './export';
import { mountFiles } from './files';
import { byId } from './dom';
import { mountHelp } from './help';
import { installKeyboard } from './keyboard';
import { Lab, type DescentLab } from './lab';
import { Notices } from './notices';
import { openingFromQuery } from './opening';
import { desktopBackend, PreferenceStore, storageBackend } from './preferences';
import { mountPanel } from './panel';
import { Readouts } from './readouts';
import { RunEndBox } from './run-end';
import { mountScene } from './scene';
import { mountTimeline } from './timeline';
import { TrainerClient } from './trainer-client';
import { installUndo } from './undo';
import { mountViews } from './views';

declare global {
  interface Window {
    /** The automation API (CONTRACTS §4), for scripted recordings and tests. */
    descentLab: DescentLab & CaptureApi & ExportApi;
  }
}

const notices = new Notices(byId('notices', HTMLDivElement));
const readouts = new Readouts(document);
const client = new TrainerClient();
const lab = new Lab(client);
const desktopBridge = (window as Window & { descentDesktop?: DesktopBridge }).descentDesktop;
const preferences = new PreferenceStore(desktopBridge?.loadPreferences ? desktopBackend(desktopBridge) : storageBackend(localStorage));
const context = { lab, notices, preferences };
const scene = mountScene(byId('scene', HTMLElement), context);
const panel = mountPanel(byId('panel', HTMLElement), context);
mountViews(byId('views', HTMLElement), context);
const capture = mountCapture(context, scene);
new RunEndBox(scene.container, lab, notices);
const exporter = mountExport(context);
mountFiles(context);
mountTimeline(context);
mountExperiments(byId('experiments', HTMLElement), context);
const help = mountHelp(
  document.querySelector<HTMLElement>('header.bar') ?? document.body,
  () => byId('runtime', HTMLElement).textContent ?? '',
  () => lab.threadsInUse,
);
installKeyboard(
  {
    toggle: () => panel.playPause(),
    step: () => panel.step(),
    reset: () => panel.reset(),
    hidePanel: () => panel.toggle(),
    frameView: () => scene.frameView(),
    splitView: () => scene.toggleSplit(),
    help: () => help.openHelp(),
  },
  byId('lab', HTMLElement),
);
installUndo(lab, (error) => notices.showError(error));

client.events.on('event', (event) => lab.receive(event));
client.events.on('notice', (text) => notices.show(text, [], 'error'));
client.events.on('restarted', (notice) => {
  lab.restarted(notice);
  notices.show(notice);
});
client.events.on('lost', (reason) => {
  lab.lost(reason);
  panel.disable();
  notices.show(reason, [], 'error');
});

lab.events.on('change', (state) => readouts.show(state));
lab.events.on('problem', (problem) => notices.showError(problem));
lab.events.on('accepted', (path) => notices.fixed(path));
lab.events.on('loaded', (event) => {
  const state = lab.state();
  const preset = findPreset(state.name);
  byId('scenario-name', HTMLSpanElement).textContent = `${state.name || 'untitled'} · ${event.count} particle${event.count === 1 ? '' : 's'}`;
  byId('axes', HTMLSpanElement).textContent = `${event.axes[0]} →  ${event.axes[1]} ↑`;
  byId('lesson', HTMLParagraphElement).textContent = preset ? `${preset.lesson}${preset.source ? ` (${preset.source})` : ''}` : 'A scenario of your own.';
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
  screenshot: (options?: Parameters<CaptureApi['screenshot']>[0]) => capture.screenshot(options),
  record: (options?: Parameters<CaptureApi['record']>[0]) => capture.record(options),
  exportTrajectories: (options?: Parameters<ExportApi['exportTrajectories']>[0]) => exporter.exportTrajectories(options),
});

// Read after every part listens for them; kept when the page goes away (a reload, a quit).
preferences.load().then(
  (notice) => notice && notices.show(notice),
  (error: unknown) => notices.showError(error),
);
addEventListener('pagehide', () => preferences.flush());

const opening = openingFromQuery(location.search);
if (opening.notice) notices.show(opening.notice.heading, opening.notice.problems, 'error');
lab.load(opening.load).then(
  () => opening.play && lab.play(),
  (error: unknown) => notices.showError(error),
);

byId('runtime', HTMLElement).textContent = desktopBridge
  ? `Desktop app · Electron ${desktopBridge.versions.electron} on ${desktopBridge.platform}`
  : `Running in your browser · training in a ${client.runtime === 'worker' ? 'Web Worker' : 'separate process'}`;
