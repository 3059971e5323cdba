/**
 * The settings panel (lil-gui), built from the parameter table of ./params.ts: Scenario, the run buttons and
 * the speed at the top, then one folder per part of the scenario. Each change goes to the lab as
 * `set(path, value)` (or a preset load, or the speed); the lab's `loaded` and `change` events bring the
 * panel back in step with the scenario the trainer accepted. A refusal is shown in the notices and the
 * control goes back to the lab's value.
 */
import GUI, { type Controller } from 'lil-gui';
import type { RunStatus } from '../../shared/messages';
import type { Scenario } from '../../shared/scenario';
import type { MountContext, PanelHandle } from '../mounts';
import { addButton, bind, type Bound } from './controllers';
import type { GroupId, PanelContext, Param, Value } from './param';
import { actions, freezeParams, groupTitles, openFreezeLimit, params } from './params';

export function mountPanel(container: HTMLElement, { lab, notices, preferences }: MountContext): PanelHandle {
  const gui = new GUI({ container, injectStyles: false, title: 'Settings' });
  gui.domElement.classList.add('settings');
  const context: PanelContext = { paramNames: [], speed: 1 };
  let scenario: Scenario | null = null;
  let status: RunStatus = 'paused';
  let gone = false;
  let hadSchedule = false;

  // Folders in the order of the table; Schedule sits inside Optimizer, closed until a schedule is set.
  const folders = new Map<GroupId, GUI>([['run', gui]]);
  const folderOf = (group: GroupId): GUI => {
    let folder = folders.get(group);
    if (!folder) {
      folder = (group === 'schedule' ? folderOf('optimizer') : gui).addFolder(groupTitles[group]);
      folder.domElement.dataset.group = group;
      if (group === 'schedule' || closedByUser(groupTitles[group])) folder.close();
      folders.set(group, folder);
    }
    return folder;
  };

  // The panel as the user left it: hidden or shown, and which folders were closed (by their titles).
  const closedByUser = (title: string): boolean => preferences.get().panel.closedFolders.includes(title);
  preferences.events.on('ready', ({ panel }) => {
    container.classList.toggle('hidden', panel.hidden);
    for (const folder of gui.foldersRecursive()) if (panel.closedFolders.includes(folder._title)) folder.close();
  });
  gui.onOpenClose((folder) => {
    if (folder === gui) return;
    const closed = new Set(preferences.get().panel.closedFolders);
    if (folder._closed) closed.add(folder._title);
    else closed.delete(folder._title);
    preferences.update('panel', { ...preferences.get().panel, closedFolders: [...closed].slice(-50) });
  });

  const bounds = new Map<string, Bound>();
  for (const entry of params) bounds.set(entry.key, bind(folderOf(entry.group), entry, (value) => commit(entry, value)));
  // Nothing to change until a scenario is loaded.
  for (const bound of bounds.values()) bound.setEnabled(false);

  // Play/Pause, Step, Reset: one row under Scenario.
  const buttons = new Map<string, Controller>();
  const row = document.createElement('div');
  row.className = 'run-buttons';
  row.setAttribute('role', 'group');
  row.setAttribute('aria-label', 'Run');
  for (const action of actions) {
    const controller = addButton(gui, action.label, action.hint, () => handle[action.key]());
    controller.disable();
    row.append(controller.domElement);
    buttons.set(action.key, controller);
  }
  bounds.get('scenario')!.controller.domElement.after(row);
  buttons.get('playPause')!.domElement.querySelector('button')?.setAttribute('aria-keyshortcuts', 'Space');
  buttons.get('step')!.domElement.querySelector('button')?.setAttribute('aria-keyshortcuts', 'ArrowRight');
  buttons.get('reset')!.domElement.querySelector('button')?.setAttribute('aria-keyshortcuts', 'R');

  // Freeze: one toggle per parameter, rebuilt when the model changes.
  let freeze: { names: string; folder: GUI; bounds: Bound[] } | null = null;
  function buildFreeze(names: readonly string[]): void {
    const key = JSON.stringify(names);
    if (freeze?.names === key) return;
    freeze?.folder.destroy();
    const folder = gui.addFolder(groupTitles.freeze);
    folder.domElement.dataset.group = 'freeze';
    if (names.length > openFreezeLimit || closedByUser(groupTitles.freeze)) folder.close();
    const entries = freezeParams(names);
    freeze = { names: key, folder, bounds: entries.map((entry) => bind(folder, entry, (value) => commit(entry, value))) };
  }

  const allBounds = (): Bound[] => [...bounds.values(), ...(freeze?.bounds ?? [])];

  // Changes in flight, by control: a control waiting for the lab is not overwritten, and a slider dragged
  // faster than the trainer answers sends only its latest value once the previous one is settled.
  const inFlight = new Map<string, { path: string; value: unknown } | null>();
  function send(key: string, path: string, value: unknown): void {
    if (inFlight.has(key)) {
      inFlight.set(key, { path, value });
      return;
    }
    inFlight.set(key, null);
    lab
      .set(path, value)
      .catch((error: unknown) => notices.showError(error))
      .finally(() => {
        const next = inFlight.get(key);
        inFlight.delete(key);
        if (next) send(key, next.path, next.value);
        else refresh();
      });
  }

  function commit(entry: Param, value: Value): void {
    if (!scenario || gone) return refresh();
    const change = entry.write(value, scenario, context);
    switch (change.kind) {
      case 'set':
        return send(entry.key, change.path, change.value);
      case 'load':
        lab.load(change.preset).catch((error: unknown) => {
          notices.showError(error);
          refresh();
        });
        return;
      case 'speed':
        try {
          lab.speed(change.stepsPerFrame);
          context.speed = change.stepsPerFrame;
        } catch (error) {
          notices.showError(error);
        }
        return refresh();
      case 'problem':
        notices.show('That value was not used', [change.problem], 'error');
        return refresh();
      case 'none':
        return refresh();
    }
  }

  /** Every control shows the lab's scenario (or, while it waits for the lab, what the user chose). */
  function refresh(): void {
    if (!scenario) return;
    for (const bound of allBounds()) {
      const entry = bound.param;
      bound.setVisible(entry.visible?.(scenario, context) ?? true);
      bound.setEnabled(!gone && (entry.enabled?.(scenario, context) ?? true));
      if (!inFlight.has(entry.key)) bound.show(entry.read(scenario, context), scenario, context);
    }
    // A folder whose every control is hidden (Batches, for a surface) is hidden too.
    for (const [group, folder] of folders) {
      if (group === 'run') continue;
      folder.show(folder.controllers.some((controller) => !controller._hidden) || folder.folders.length > 0);
    }
    // The Schedule folder opens when a schedule appears (a preset's, or one just chosen), and stays as the user leaves it.
    const scheduled = scenario.optimizer.schedule !== undefined;
    if (scheduled && !hadSchedule) folders.get('schedule')?.open();
    hadSchedule = scheduled;
    showStatus();
  }

  function showStatus(): void {
    const ready = scenario !== null && !gone;
    const play = buttons.get('playPause')!;
    const label = status === 'running' ? 'Pause' : 'Play';
    if (play._name !== label) play.name(label);
    play.enable(ready && status !== 'done');
    buttons.get('step')!.enable(ready && status !== 'done');
    buttons.get('reset')!.enable(ready);
  }

  lab.events.on('loaded', (event) => {
    context.paramNames = event.paramNames;
    buildFreeze(event.paramNames);
  });
  lab.events.on('change', (state) => {
    status = state.status;
    if (state.scenario !== scenario) {
      scenario = state.scenario;
      refresh();
    } else showStatus();
  });

  const handle: PanelHandle = {
    toggle: () => {
      const hidden = container.classList.toggle('hidden');
      preferences.update('panel', { ...preferences.get().panel, hidden });
    },
    playPause: () => {
      if (!scenario || gone) return;
      if (status === 'running') lab.pause();
      else if (status === 'paused') lab.play();
    },
    step: () => {
      if (scenario && !gone && status !== 'done') lab.step(1).catch((error: unknown) => notices.showError(error));
    },
    reset: () => {
      if (scenario && !gone) lab.reset().catch((error: unknown) => notices.showError(error));
    },
    disable: () => {
      gone = true;
      for (const controller of gui.controllersRecursive()) controller.disable();
    },
  };
  return handle;
}
