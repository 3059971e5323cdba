/**
 * The views under the scene: the loss chart, and beside it what the model has to show: the data and fit
 * of a linear model (DataView), the decision boundary of a classifier with two inputs (DecisionBoundary),
 * the forward pass of a neuron or any other MLP (Inspector). A surface has none of them:
 * the chart takes the whole width. Before anything is loaded, a line says what will appear.
 */
import { buildDataset, type Dataset } from '../../engine/data';
import { applyScale, type Scaling } from '../../engine/scaling';
import type { FrameEvent } from '../../shared/messages';
import { findPreset } from '../../shared/presets';
import type { Scenario } from '../../shared/scenario';
import { element } from '../dom';
import type { MountContext, ViewsHandle } from '../mounts';
import { DataView } from './DataView';
import { DecisionBoundary, showsBoundary } from './DecisionBoundary';
import { Inspector } from './Inspector';
import { LossChart } from './LossChart';

type Side = 'none' | 'data' | 'inspector' | 'boundary';

/**
 * The data set in its own units, rebuilt from the same pure function as the trainer's, and as the model
 * sees it (scaled when `data.scale` says so); null for a surface or a CSV file.
 */
function datasetOf(scenario: Scenario): { raw: Dataset; trained: Dataset; scaling: Scaling | null } | null {
  const data = scenario.data;
  if (!data || 'csv' in data) return null;
  const raw = buildDataset(data, scenario.seed);
  const { data: trained, scaling } = applyScale(raw, data.scale);
  return { raw, trained, scaling };
}

export function mountViews(container: HTMLElement, { lab, notices }: MountContext): ViewsHandle {
  const empty = element('p', 'Load a scenario to see its loss curve', 'views-empty');
  const grid = element('div', undefined, 'views-grid');
  grid.hidden = true;
  // Clicking or dragging on the chart replays the run at that step (issue 18, part 6), as the timeline does; its lines follow what the run reports.
  const chart = new LossChart(undefined, { onSeek: (step) => lab.seek(step).catch((error: unknown) => notices.showError(error)) });
  const dataView = new DataView();
  const inspector = new Inspector(lab, notices);
  const boundary = new DecisionBoundary();
  grid.append(chart.element, dataView.element, boundary.element, inspector.element);
  container.replaceChildren(empty, grid);

  let side: Side = 'none';
  let dataKey = '';
  let dataset: ReturnType<typeof datasetOf> = null;

  lab.events.on('loaded', (event) => {
    const scenario = event.scenario as unknown as Scenario;
    const kind = scenario.model.kind;
    // The same data for a reset or a new view: no need to build it again.
    const key = JSON.stringify([scenario.data ?? null, scenario.seed]);
    if (key !== dataKey) {
      dataKey = key;
      dataset = kind === 'surface' ? null : datasetOf(scenario);
    }
    // Without its data rows (a CSV file) the inspector has nothing to pass forward.
    side =
      kind === 'surface'
        ? 'none'
        : kind === 'linear'
          ? 'data'
          : showsBoundary(scenario, dataset?.trained ?? null)
            ? 'boundary'
            : dataset
              ? 'inspector'
              : 'none';
    empty.hidden = true;
    grid.hidden = false;
    grid.dataset.side = side;
    dataView.element.hidden = side !== 'data';
    inspector.element.hidden = side !== 'inspector';
    boundary.element.hidden = side !== 'boundary';
    chart.restart();
    if (side === 'data')
      dataView.setData(scenario, dataset?.raw ?? null, dataset ? null : 'the data come from a CSV file the page does not read', dataset?.scaling ?? null);
    if (side === 'boundary' && dataset) boundary.setScenario(scenario, dataset.trained);
    if (side === 'inspector' && dataset) inspector.setScenario(scenario, dataset.trained, event.count, findPreset(scenario.name)?.source ?? null);
  });

  lab.events.on('accepted', () => chart.changed());
  // Hovering a particle in the scene draws its own loss curve in the chart (issue 18, part 6).
  lab.events.on('hover', (particle) => chart.setParticle(particle));

  lab.events.on('change', (state) => {
    if (side === 'inspector' && state.scenario) inspector.updateScenario(state.scenario);
  });

  lab.events.on('frame', (frame: FrameEvent) => {
    chart.add(frame);
    if (side === 'data') dataView.show(frame);
    else if (side === 'inspector') inspector.show(frame);
    else if (side === 'boundary') boundary.show(frame);
  });

  return { element: container };
}
