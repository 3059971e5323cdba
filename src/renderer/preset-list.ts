/**
 * The presets as buttons, grouped (a visible list, not a <select>: every title stays on the page). The
 * loaded one is marked with aria-current.
 */
import type { Preset } from '../shared/presets';
import { element } from './dom';

const groupTitles: Record<Preset['group'], string> = {
  notebooks: 'From the notebooks',
  surfaces: 'Surfaces',
};

export class PresetList {
  private readonly buttons = new Map<string, HTMLButtonElement>();

  constructor(container: HTMLElement, presets: readonly Preset[], onPick: (preset: Preset) => void) {
    const groups = new Map<Preset['group'], Preset[]>();
    for (const preset of presets) groups.set(preset.group, [...(groups.get(preset.group) ?? []), preset]);
    for (const [group, members] of groups) {
      const section = element('section', undefined, 'preset-group');
      section.append(element('h2', groupTitles[group] ?? group));
      const items = element('ul');
      for (const preset of members) {
        const button = element('button', undefined, 'preset');
        button.type = 'button';
        button.dataset.preset = preset.name;
        button.title = preset.lesson;
        button.append(element('span', preset.title, 'preset-title'), element('code', preset.name, 'preset-name'));
        button.addEventListener('click', () => onPick(preset));
        this.buttons.set(preset.name, button);
        const item = element('li');
        item.append(button);
        items.append(item);
      }
      section.append(items);
      container.append(section);
    }
  }

  /** Marks the preset of this name as the one loaded (none for a scenario of one's own). */
  mark(name: string | null): void {
    for (const [key, button] of this.buttons) {
      if (key === name) button.setAttribute('aria-current', 'true');
      else button.removeAttribute('aria-current');
    }
  }

  setDisabled(disabled: boolean): void {
    for (const button of this.buttons.values()) button.disabled = disabled;
  }
}
