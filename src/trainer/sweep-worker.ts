/** One of the stability map's Web Workers (./sweep.ts): one sweep's cells, then the page terminates it. */
import { serveWorkerCells } from './cells';
import { prepareSweep } from './sweep';

serveWorkerCells('sweep', prepareSweep);
