/**
 * Electron's utilityProcess as a TrainerProcess for the supervisor, with the known pitfalls absorbed here
 * (electron/electron issues): a crash may report exit code 0 (#42283) and `exit` may fire twice (#44012),
 * so both `exit` and app's `child-process-gone` are watched and the first report wins; `kill()` before
 * `spawn` does nothing (#44009), so it is repeated on `spawn`; posting from inside the `exit` listener has
 * crashed main (#53923), so the report is deferred and nothing is posted to a process that is gone.
 */
import { app, utilityProcess, type Details, type Event, type MessagePortMain } from 'electron';
import type { TrainerProcess } from './supervisor';

export const TRAINER_SERVICE_NAME = 'Descent Lab trainer';
let spawnCount = 0;

export function spawnUtilityTrainer(modulePath: string): TrainerProcess {
  // Each process gets its own name: `child-process-gone` identifies a process only by name, and a crashed
  // predecessor's late event must not be taken for its successor's.
  const name = `${TRAINER_SERVICE_NAME} #${++spawnCount}`;
  const child = utilityProcess.fork(modulePath, [], { serviceName: name });
  const messageListeners: ((message: unknown) => void)[] = [];
  const exitListeners: ((reason: string) => void)[] = [];
  let spawned = false;
  let killRequested = false;
  let gone = false;

  const onGone = (_event: Event, details: Details): void => {
    // The option `serviceName` comes back as `details.name` (`details.serviceName` is Electron's own service).
    if (details.type === 'Utility' && details.name === name) report(`${details.reason}, exit code ${details.exitCode}`);
  };
  const report = (reason: string): void => {
    if (gone) return;
    gone = true;
    app.off('child-process-gone', onGone);
    setImmediate(() => exitListeners.forEach((listener) => listener(reason)));
  };

  app.on('child-process-gone', onGone);
  child.on('spawn', () => {
    spawned = true;
    if (killRequested) child.kill();
  });
  child.on('message', (message: unknown) => messageListeners.forEach((listener) => listener(message)));
  child.on('exit', (code) => report(`exit code ${code}`));

  return {
    post: (message) => {
      if (!gone) child.postMessage(message);
    },
    onMessage: (listener) => void messageListeners.push(listener),
    onExit: (listener) => void exitListeners.push(listener),
    kill: () => {
      killRequested = true;
      if (spawned && !gone) child.kill();
    },
    connect: (port) => {
      if (!gone) child.postMessage({ type: 'connect' }, [port as MessagePortMain]);
    },
  };
}

/** Hands the page's end of a MessageChannelMain to the trainer; from then on they talk directly. */
export function connectPage(process: TrainerProcess, port: MessagePortMain): void {
  if (!process.connect) throw new Error('this trainer process cannot take a page port');
  process.connect(port);
}
