/** Entry of the trainer's utility process (built as out/main/trainer.js, started by main with Electron's utilityProcess.fork). */
import { startUtilityHost, type ControlPort } from './utility-host';

// `process.parentPort` exists only inside an Electron utility process; under plain Node this file does nothing.
const parentPort = (process as unknown as { parentPort?: ControlPort }).parentPort;
if (parentPort) startUtilityHost(parentPort);
