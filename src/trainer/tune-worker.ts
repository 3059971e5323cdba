/** One of the fair race's tuning Web Workers (./tune.ts): one tuning's trials, then the page terminates it. */
import { serveWorkerCells } from './cells';
import { prepareTune } from './tune';

serveWorkerCells('tuning', prepareTune);
