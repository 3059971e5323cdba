/**
 * The scene's own small toolbar, over its top-right corner: reset view, top/3D view, colour by, trails,
 * and for models of more than two parameters the axes picker (two parameters, or random directions).
 */
import { button, element, option } from '../dom';
import type { ColourBy } from './ParticleCloud';
import type { ViewMode } from './View';

export interface ToolbarActions {
  resetView(): void;
  setMode(mode: ViewMode): void;
  colourBy(mode: ColourBy): void;
  trails(on: boolean): void;
  /** Show parameters i and j, or (i = null) a fresh pair of random directions. */
  axes(i: number | null, j?: number): void;
  /** The 3D and the top view side by side, or back to one (V). */
  split(): void;
}

export class Toolbar {
  readonly element: HTMLDivElement;
  private readonly modeButton: HTMLButtonElement;
  private readonly trailsButton: HTMLButtonElement;
  private readonly splitButton: HTMLButtonElement;
  private readonly picker: HTMLDivElement;
  private readonly colour: HTMLSelectElement;
  private readonly groupOption: HTMLOptionElement;
  private readonly first: HTMLSelectElement;
  private readonly second: HTMLSelectElement;
  private mode: ViewMode = '3d';

  constructor(private readonly actions: ToolbarActions) {
    this.element = element('div', undefined, 'scene-toolbar');
    this.element.setAttribute('role', 'toolbar');
    this.element.setAttribute('aria-label', 'Scene');

    const reset = button('Reset view', 'The default camera, fitted to the surface');
    reset.addEventListener('click', () => actions.resetView());
    this.modeButton = button('Top view', 'Switch between the 3D view and the contour map seen from above');
    this.modeButton.addEventListener('click', () => this.setMode(this.mode === '3d' ? 'top' : '3d', true));
    this.splitButton = button('Split', 'The 3D view and the contour map side by side, one cloud in both (V)');
    this.splitButton.setAttribute('aria-pressed', 'false');
    this.splitButton.setAttribute('aria-keyshortcuts', 'V');
    this.splitButton.dataset.testid = 'scene-split';
    this.splitButton.addEventListener('click', () => actions.split());
    this.trailsButton = button('Trails', 'Show the recent path of some particles and of the best one');
    this.trailsButton.setAttribute('aria-pressed', 'true');
    this.trailsButton.addEventListener('click', () => {
      const on = this.trailsButton.getAttribute('aria-pressed') !== 'true';
      this.trailsButton.setAttribute('aria-pressed', String(on));
      actions.trails(on);
    });

    const colour = (this.colour = element('select'));
    colour.setAttribute('aria-label', 'Colour particles by');
    this.groupOption = option('group', 'Colour: race group');
    this.groupOption.hidden = this.groupOption.disabled = true;
    colour.append(option('status', 'Colour: status'), option('loss', 'Colour: loss'), this.groupOption);
    colour.addEventListener('change', () => actions.colourBy(colour.value as ColourBy));

    this.first = element('select');
    this.first.setAttribute('aria-label', 'Horizontal axis parameter');
    this.second = element('select');
    this.second.setAttribute('aria-label', 'Depth axis parameter');
    for (const select of [this.first, this.second]) select.addEventListener('change', () => this.pickAxes(select));
    const random = button('Random directions', 'Show the loss on a plane through the cloud along two random directions (Li et al. 2018)');
    random.addEventListener('click', () => actions.axes(null));
    this.picker = element('div', undefined, 'scene-axes');
    this.picker.append(element('span', 'Axes'), this.first, this.second, random);
    this.picker.hidden = true;

    const row = element('div', undefined, 'scene-tools');
    row.append(reset, this.modeButton, this.splitButton, colour, this.trailsButton);
    this.element.append(row, this.picker);
  }

  /** A race offers colouring by group, and starts with it; a plain run goes back to status if it was on. */
  setRace(race: boolean): void {
    this.groupOption.hidden = this.groupOption.disabled = !race;
    const wanted: ColourBy | null = race ? 'group' : this.colour.value === 'group' ? 'status' : null;
    if (wanted && wanted !== this.colour.value) {
      this.colour.value = wanted;
      this.actions.colourBy(wanted);
    }
  }

  /** Shows the axes picker for models of more than two parameters, set to the current view. */
  setParameters(names: readonly string[], axes: readonly [string, string]): void {
    this.picker.hidden = names.length <= 2;
    if (this.picker.hidden) return;
    for (const select of [this.first, this.second]) {
      select.replaceChildren(...names.map((name, k) => option(String(k), name)));
      const random = option('', 'random');
      random.disabled = true;
      select.append(random);
    }
    const i = names.indexOf(axes[0]);
    const j = names.indexOf(axes[1]);
    this.first.value = i >= 0 && j >= 0 ? String(i) : '';
    this.second.value = i >= 0 && j >= 0 ? String(j) : '';
  }

  /** Split on or off: the Top/3D switch has nothing to switch while both are shown. */
  setSplit(on: boolean): void {
    this.splitButton.setAttribute('aria-pressed', String(on));
    this.modeButton.disabled = on;
  }

  setMode(mode: ViewMode, act = false): void {
    this.mode = mode;
    this.modeButton.textContent = mode === '3d' ? 'Top view' : '3D view';
    if (act) this.actions.setMode(mode);
  }

  private pickAxes(changed: HTMLSelectElement): void {
    const other = changed === this.first ? this.second : this.first;
    // The same parameter twice makes no plane: move the other one along.
    if (other.value === changed.value || other.value === '') {
      const count = other.options.length - 1;
      other.value = String((Number(changed.value) + 1) % count);
    }
    this.actions.axes(Number(this.first.value), Number(this.second.value));
  }
}
