/**
 * Entry of the trainer's utility process (out/main/trainer.js, started with Electron's utilityProcess.fork).
 * A placeholder: it only answers a handshake. The trainer module itself arrives with the next issue.
 */

/** The part of Electron's `process.parentPort` this script uses. */
interface ParentPortLike {
  on(event: 'message', listener: (event: { data: unknown }) => void): void;
  postMessage(message: unknown): void;
}

// `process.parentPort` exists only inside an Electron utility process; under plain Node this file does nothing.
const parentPort = (process as unknown as { parentPort?: ParentPortLike }).parentPort;

if (parentPort) {
  parentPort.on('message', ({ data }) => {
    if (typeof data === 'object' && data !== null && (data as { type?: unknown }).type === 'ping') {
      parentPort.postMessage({ type: 'ready' });
    }
  });
}
