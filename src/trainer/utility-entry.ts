/**
 * Entry of the trainer's utility process (built as out/main/trainer.js, started by main with Electron's
 * utilityProcess.fork). The trainer's threads run this same script as worker threads (./pool/node-threads.ts).
 */
import { isMainThread, parentPort as threadPort, workerData } from 'node:worker_threads';
import { isPoolThread, nodePoolHost, serveNodeThread } from './pool/node-threads';
import { startUtilityHost, type ControlPort } from './utility-host';

// `process.parentPort` exists only inside an Electron utility process; under plain Node this file does nothing.
const parentPort = (process as unknown as { parentPort?: ControlPort }).parentPort;
if (isPoolThread(isMainThread, workerData)) serveNodeThread(threadPort!);
else if (parentPort) startUtilityHost(parentPort, nodePoolHost(new URL(import.meta.url)));
