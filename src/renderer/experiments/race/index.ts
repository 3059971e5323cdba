/**
 * The "Race" tab (issue 8): two to six optimizers started from the identical cloud, stepped in lockstep in
 * the lab's own run (the scenario's `groups`, engine/experiments/race.ts). It shows the race from above in
 * the groups' colours with a legend (click an entry to hide or show that group), one loss curve per group,
 * and the results table. Races are loaded from a preset, or built here on the scenario now in the lab.
 * "Tune each optimizer" (./tune-controls.ts) races each group at its own best α; the table says which α each used.
 */
import type { FrameEvent } from '../../../shared/messages';
import { presets } from '../../../shared/presets';
import type { Scenario } from '../../../shared/scenario';
import type { TuneResult } from '../../../shared/tune-messages';
import { element } from '../../dom';
import type { LoadedEvent } from '../../replies';
import type { MountContext } from '../../mounts';
import { LossChart } from '../../views/LossChart';
import type { ExperimentTab } from '../tabs';
import { GroupBuilder } from './builder';
import { groupColour, swatch } from './colours';
import { ResultsTable } from './results';
import { RaceTrack } from './track';
import { TuneControls } from './tune-controls';
import { groupAlphas } from './tuned';
import { problemOf } from '../../replies';

const racePresets = presets.filter((p) => p.scenario.groups);

export const raceTab: ExperimentTab = {
  id: 'race',
  title: 'Race',
  mount(panel, context) {
    const view = new RaceView(panel, context);
    // Closing the tab cancels a tuning, as it cancels the stability map's sweep.
    return { closed: () => view.cancel() };
  },
};

class RaceView {
  private readonly preset = element('select');
  private readonly status = element('p', '', 'view-note');
  private readonly legend = element('ul', undefined, 'race-legend');
  private readonly track = new RaceTrack();
  private readonly table = new ResultsTable();
  private readonly chartSlot = element('div', undefined, 'race-chart');
  private readonly builder: GroupBuilder;
  private readonly tune: TuneControls;
  /** The last tuning: the table marks the groups tuned while the lab runs the race it produced. */
  private tuning: TuneResult | null = null;
  private chart: LossChart | null = null;
  private names: string[] = [];
  private readonly hidden = new Set<number>();

  constructor(
    panel: HTMLElement,
    private readonly context: MountContext,
  ) {
    const { lab } = context;
    const controls = element('div', undefined, 'experiment-controls');
    for (const p of racePresets) this.preset.append(new Option(p.title, p.name));
    this.preset.dataset.testid = 'race-preset';
    const load = element('button', 'Load race');
    load.type = 'button';
    load.dataset.testid = 'race-load';
    load.addEventListener('click', () => this.act(lab.load(this.preset.value)));
    const label = element('label', 'Preset ');
    label.append(this.preset);
    controls.append(label, load);
    this.status.setAttribute('role', 'status');
    this.status.dataset.testid = 'race-status';
    this.builder = new GroupBuilder((groups) => {
      const scenario = lab.state().scenario;
      if (!scenario) return;
      const { groups: _old, ...shared } = scenario;
      // A refused race is explained in the builder, beside its Start button (issue 22: near what caused it).
      this.builder.showProblem(null);
      lab.load({ ...shared, optimizer: groups[0].optimizer, groups }).catch((error: unknown) => {
        const { heading, problems } = problemOf(error);
        this.builder.showProblem({ heading, lines: problems });
      });
    });
    this.legend.dataset.testid = 'race-legend';
    this.legend.setAttribute('aria-label', 'Groups: press one to hide or show it');
    controls.style.cssText = 'display:flex;flex-wrap:wrap;gap:0.5rem 1rem;align-items:center';
    this.legend.style.cssText = 'list-style:none;padding:0;margin:0 0 0.5rem;display:flex;flex-wrap:wrap;gap:0.3rem 0.6rem';
    const body = element('div', undefined, 'race-body');
    body.style.cssText = 'display:flex;flex-wrap:wrap;gap:1rem;align-items:flex-start;margin:0.5rem 0';
    const side = element('div', undefined, 'race-side');
    side.style.cssText = 'flex:1 1 320px;min-width:280px';
    side.append(this.legend, this.chartSlot);
    body.append(this.track.canvas, side);
    this.tune = new TuneControls(
      () => lab.state().scenario,
      (result) => {
        this.tuning = result;
        return lab.load(result.scenario);
      },
    );
    panel.append(controls, this.status, body, this.table.element, this.tune.element, this.builder.element);

    lab.events.on('loaded', (event) => this.loaded(event));
    lab.events.on('frame', (frame) => this.frame(frame));
    // The lab may have loaded a race before this tab was first opened: catch up with it.
    if (lab.loaded) this.loaded(lab.loaded);
    else this.showNoRace(null);
    if (lab.latestFrame) this.frame(lab.latestFrame);
  }

  cancel(): void {
    this.tune.cancel();
  }

  private frame(frame: FrameEvent): void {
    if (!frame.groups || this.names.length === 0) return;
    this.track.add(frame);
    this.chart?.add(frame);
    this.table.update(frame.groups);
    this.status.textContent = `Step ${frame.step}: ${this.names.length} groups of ${frame.groups[0].count} from the same start.`;
  }

  private loaded(event: LoadedEvent): void {
    const scenario = event.scenario as unknown as Scenario;
    if (!event.groups) {
      this.names = [];
      this.showNoRace(scenario);
      return;
    }
    const restart = event.groups.names.join('\n') !== this.names.join('\n');
    this.names = [...event.groups.names];
    if (restart) {
      this.hidden.clear();
      this.showLegend();
      this.table.setGroups(this.names);
      this.chart?.destroy();
      this.chart = new LossChart(
        this.names.map((name, g) => ({ label: name, color: groupColour(g), value: (frame) => frame.groups?.[g]?.meanLoss ?? null })),
        { height: 200 },
      );
      this.chartSlot.replaceChildren(this.chart.element);
    }
    this.table.setAlphas(groupAlphas(scenario, this.tuning));
    this.chart?.restart();
    this.track.setRace(event.range, event.groups.of);
    this.track.setHidden(this.hidden);
    this.builder.show(scenario.groups ?? []);
    this.context.lab.requestSurface(96, event.range).then(
      (surface) => this.track.setSurface(surface),
      () => {}, // no surface (the trainer was replaced): the dots alone still race
    );
    this.status.textContent = `${scenario.name}: ${this.names.length} groups from the same start. Play the lab to race them.`;
  }

  private showNoRace(scenario: Scenario | null): void {
    this.legend.replaceChildren();
    this.table.setGroups([]);
    this.chart?.destroy();
    this.chart = null;
    this.chartSlot.replaceChildren();
    this.status.textContent = 'The lab is not running a race. Load a race preset, or build one below on the scenario now in the lab.';
    if (scenario) this.builder.suggest(scenario);
  }

  private showLegend(): void {
    this.legend.replaceChildren(
      ...this.names.map((name, g) => {
        const item = element('li');
        const button = element('button', undefined, 'race-legend-entry');
        button.type = 'button';
        button.dataset.testid = 'race-legend-entry';
        button.dataset.group = String(g);
        button.setAttribute('aria-pressed', 'true');
        button.title = 'Hide or show this group';
        button.style.cssText =
          'display:flex;align-items:center;gap:0.35rem;padding:0.2rem 0.55rem;border:1px solid var(--line);border-radius:4px;background:transparent;color:inherit;font:inherit;cursor:pointer';
        button.append(swatch(g), document.createTextNode(name));
        button.addEventListener('click', () => this.toggle(g, button));
        item.append(button);
        return item;
      }),
    );
  }

  private toggle(group: number, button: HTMLButtonElement): void {
    if (this.hidden.has(group)) this.hidden.delete(group);
    else this.hidden.add(group);
    button.setAttribute('aria-pressed', String(!this.hidden.has(group)));
    button.style.opacity = this.hidden.has(group) ? '0.45' : '1';
    button.style.textDecoration = this.hidden.has(group) ? 'line-through' : 'none';
    this.track.setHidden(this.hidden);
    this.table.setHidden(this.hidden);
  }

  private act(call: Promise<void>): void {
    call.catch((error: unknown) => this.context.notices.showError(error));
  }
}
