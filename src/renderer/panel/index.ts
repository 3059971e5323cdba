/**
 * The settings panel (lil-gui), built from the parameter table of ./params.ts: Scenario, the run buttons and
 * the speed at the top, then one folder per part of the scenario. Each change goes to the lab as
 * `set(path, value)` (or a preset load, or the speed); the lab's `loaded` and `change` events bring the
 * panel back in step with the scenario the trainer accepted. A refusal is shown under the control that sent
 * it (until that control's next value is accepted), and the control goes back to the lab's value.
 */
import GUI, { type Controller } from 'lil-gui';
import type { RunStatus } from '../../shared/messages';
import type { Scenario } from '../../shared/scenario';
import type { MountContext, PanelHandle } from '../mounts';
import { addButton, bind, type Bound } from './controllers';
import { notUsed, refusal } from './refusal';
import type { GroupId, PanelContext, Param, Value } from './param';
import { actions, freezeParams, groupTitles, openFreezeLimit, params } from './params';
import { mountStableRate } from './stable-rate';
import { RaceGroupsNote } from './race-groups';
import { FormulaField } from './formula';

export function mountPanel(container: HTMLElement, { lab, notices, preferences }: MountContext): PanelHandle {
  const gui = new GUI({ container, injectStyles: false, title: 'Settings' });
  gui.domElement.classList.add('settings');
  const context: PanelContext = { paramNames: [], speed: 1, threads: null, cores: navigator.hardwareConcurrency || 1, isolated: self.crossOriginIsolated };
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
  preferences.events.on('ready', ({ panel, trainer }) => {
    context.threads = trainer?.threads ?? null;
    if (context.isolated && context.threads !== null) lab.threads(context.threads);
    container.classList.toggle('hidden', panel.hidden);
    for (const folder of gui.foldersRecursive()) if (panel.closedFolders.includes(folder._title)) folder.close();
    refresh();
  });
  gui.onOpenClose((folder) => {
    if (folder === gui) return;
    const closed = new Set(preferences.get().panel.closedFolders);
    if (folder._closed) closed.add(folder._title);
    else closed.delete(folder._title);
    preferences.update('panel', { ...preferences.get().panel, closedFolders: [...closed].slice(-50) });
  });

  const bounds = new Map<string, Bound>();
  for (const entry of params)
    bounds.set(
      entry.key,
      bind(folderOf(entry.group), entry, (value) => commit(entry, value)),
    );
  // A race's groups, in place of the one optimizer's controls while a race is loaded (./race-groups.ts).
  const raceNote = new RaceGroupsNote();
  let raceNames: readonly string[] = [];
  folderOf('optimizer').$children.prepend(raceNote.element);
  const racing = (entry: Param) => scenario?.groups !== undefined && (entry.group === 'optimizer' || entry.group === 'schedule');
  // Surface → Your formula (./formula.ts), above the Optimizer folder; shown for a surface only.
  const formula = new FormulaField(lab);
  const surfaceFolder = gui.addFolder('Surface');
  surfaceFolder.domElement.dataset.group = 'surface';
  if (closedByUser('Surface')) surfaceFolder.close();
  surfaceFolder.$children.append(formula.element);
  folderOf('optimizer').domElement.before(surfaceFolder.domElement);
  // Nothing to change until a scenario is loaded.
  for (const bound of bounds.values()) bound.setEnabled(false);
  mountStableRate(bounds.get('alpha')!.controller.domElement, lab); // issue 22: the largest stable α, under α

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
  const boundOf = (key: string): Bound | undefined => allBounds().find((bound) => bound.param.key === key);

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
      .then(
        () => boundOf(key)?.showProblem(null),
        (error: unknown) => boundOf(key)?.showProblem(refusal(error)),
      )
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
      case 'threads':
        lab.threads(change.count);
        context.threads = change.count;
        preferences.update('trainer', { threads: change.count });
        return refresh();
      case 'problem':
        boundOf(entry.key)?.showProblem({ heading: notUsed, lines: [change.problem] });
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
      bound.setVisible(!racing(entry) && (entry.visible?.(scenario, context) ?? true));
      bound.setEnabled(!gone && (entry.enabled?.(scenario, context) ?? true));
      if (!inFlight.has(entry.key)) bound.show(entry.read(scenario, context), scenario, context);
    }
    raceNote.show(scenario.groups, raceNames);
    formula.show(scenario, !gone);
    surfaceFolder.show(scenario.model.kind === 'surface');
    // A folder whose every control is hidden (Batches, for a surface) is hidden too.
    for (const [group, folder] of folders) {
      if (group === 'run') continue;
      folder.show(
        folder.controllers.some((controller) => !controller._hidden) || folder.folders.length > 0 || (group === 'optimizer' && !raceNote.element.hidden),
      );
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
    // At "done", Play and Step go on for more epochs while particles still move (../run-end.ts).
    const canGo = ready && (status !== 'done' || lab.canContinue());
    play.enable(canGo);
    buttons.get('step')!.enable(canGo);
    buttons.get('reset')!.enable(ready);
  }

  lab.events.on('loaded', (event) => {
    // Another scenario: a message about a value refused for the last one no longer applies.
    for (const bound of allBounds()) bound.showProblem(null);
    context.paramNames = event.paramNames;
    raceNames = event.groups?.names ?? [];
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
      else lab.continueRun().catch((error: unknown) => notices.showError(error));
    },
    step: () => {
      if (!scenario || gone) return;
      const ready = status === 'done' ? lab.continueRun(false) : Promise.resolve();
      ready.then(() => lab.step(1)).catch((error: unknown) => notices.showError(error));
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
