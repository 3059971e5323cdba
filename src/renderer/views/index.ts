/**
 * The views under the scene: the loss chart, and beside it what the model has to show: the data and fit
 * of a linear model (DataView), the forward pass of a neuron or an MLP (Inspector). A surface has neither:
 * the chart takes the whole width. Before anything is loaded, a line says what will appear.
 */
import { buildDataset, type Dataset } from '../../engine/data';
import type { FrameEvent } from '../../shared/messages';
import { findPreset } from '../../shared/presets';
import type { Scenario } from '../../shared/scenario';
import { element } from '../dom';
import type { MountContext, ViewsHandle } from '../mounts';
import { DataView } from './DataView';
import { Inspector } from './Inspector';
import { LossChart, summarySeries } from './LossChart';

type Side = 'none' | 'data' | 'inspector';

/** The data set the trainer uses, rebuilt from the same pure function; null for a surface or a CSV file. */
function datasetOf(scenario: Scenario): Dataset | null {
  const data = scenario.data;
  if (!data || 'csv' in data) return null;
  return buildDataset(data, scenario.seed);
}

export function mountViews(container: HTMLElement, { lab, notices }: MountContext): ViewsHandle {
  const empty = element('p', 'Load a scenario to see its loss curve', 'views-empty');
  const grid = element('div', undefined, 'views-grid');
  grid.hidden = true;
  const chart = new LossChart(summarySeries);
  const dataView = new DataView();
  const inspector = new Inspector(lab, notices);
  grid.append(chart.element, dataView.element, inspector.element);
  container.replaceChildren(empty, grid);

  let side: Side = 'none';
  let dataKey = '';
  let dataset: Dataset | null = null;

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
    side = kind === 'surface' ? 'none' : kind === 'linear' ? 'data' : dataset ? 'inspector' : 'none';
    empty.hidden = true;
    grid.hidden = false;
    grid.dataset.side = side;
    dataView.element.hidden = side !== 'data';
    inspector.element.hidden = side !== 'inspector';
    chart.restart();
    if (side === 'data') dataView.setData(scenario, dataset, dataset ? null : 'the data come from a CSV file the page does not read');
    if (side === 'inspector' && dataset) inspector.setScenario(scenario, dataset, event.count, findPreset(scenario.name)?.source ?? null);
  });

  lab.events.on('change', (state) => {
    if (side === 'inspector' && state.scenario) inspector.updateScenario(state.scenario);
  });

  lab.events.on('frame', (frame: FrameEvent) => {
    chart.add(frame);
    if (side === 'data') dataView.show(frame);
    else if (side === 'inspector') inspector.show(frame);
  });

  return { element: container };
}
