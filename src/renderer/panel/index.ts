/** The panel: for now the run controls and the preset list (the lil-gui panel replaces them). */
import { presets } from '../../shared/presets';
import { Controls } from '../controls';
import { byId } from '../dom';
import type { MountContext, PanelHandle } from '../mounts';
import { PresetList } from '../preset-list';
import { findPreset } from '../../shared/presets';

export function mountPanel(container: HTMLElement, { lab, notices }: MountContext): PanelHandle {
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
  const list = new PresetList(byId('presets', HTMLElement), presets, (preset) => lab.load(preset.name).catch((error: unknown) => notices.showError(error)));
  lab.events.on('change', (state) => controls.update(state));
  lab.events.on('loaded', () => {
    const state = lab.state();
    list.mark(findPreset(state.name)?.name ?? null);
    controls.showScenario(state);
  });
  return {
    toggle: () => container.classList.toggle('hidden'),
    playPause: () => controls.toggle(),
    step: () => controls.step(),
    reset: () => controls.reset(),
    disable: () => {
      controls.disable();
      list.setDisabled(true);
    },
  };
}
