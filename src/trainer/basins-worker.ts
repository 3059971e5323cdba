/** One of the basins map's Web Workers (./basins.ts): one map's rows of starts, then the page terminates it. */
import { prepareBasins } from './basins';
import { serveWorkerCells } from './cells';

serveWorkerCells('basins', prepareBasins);
