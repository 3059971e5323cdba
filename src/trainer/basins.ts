/**
 * Basins of attraction off the page's thread, on a pool of workers (./cells.ts, ../engine/parallel/cell-pool.ts):
 * each worker checks the page's command (its schema is ../shared/basins-messages.ts), builds the surface once,
 * then runs the rows of starts it is sent (../engine/experiments/basins.ts, one row a cell). The page labels
 * the starts from the rows' ends in order (`labelBasins`), as one descent of every start would.
 */
import { basinsGrid, runBasinsRows, type BasinsContext, type BasinsEnds } from '../engine/experiments/basins';
import { basinsCommandSchema } from '../shared/basins-messages';
import { validateScenario } from '../shared/validate';
import { parseCommand, refused, type Prepared } from './cells';

/** A basins request from the page, checked, its surface built: the rows ready to run. */
export async function prepareBasins(message: unknown): Promise<Prepared<BasinsContext, BasinsEnds>> {
  const parsed = parseCommand(basinsCommandSchema, message, 'basins');
  if (!parsed.ok) return parsed;
  const validation = validateScenario(parsed.command.scenario);
  if (!validation.ok) return refused('the scenario has problems', validation.problems);
  const { scenario } = validation;
  let grid;
  try {
    grid = await basinsGrid(scenario, parsed.command);
  } catch (error) {
    return refused('the basins cannot be computed', [(error as Error).message]);
  }
  const { resolution, range } = grid;
  return {
    ok: true,
    job: {
      total: resolution,
      context: { scenario, resolution, range },
      run: (row) => runBasinsRows(scenario, grid, row, row + 1)!,
      transfer: (ends) => [ends.x.buffer, ends.y.buffer, ends.status.buffer, ends.lastMove.buffer],
    },
  };
}

export { maxBasinsResolution, type BasinsCommand } from '../shared/basins-messages';
