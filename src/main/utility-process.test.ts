/**
 * Main's end of the utility process without Electron: the adapter (./utility-process.ts) against a fake
 * `utilityProcess` and `app`. The other end is tested in src/trainer/utility-host.test.ts.
 */
import { EventEmitter } from 'node:events';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { connectPage, spawnUtilityTrainer, TRAINER_SERVICE_NAME } from './utility-process';

class FakeChild extends EventEmitter {
  posted: { message: unknown; transfer?: unknown[] }[] = [];
  kills = 0;
  constructor(readonly options: { serviceName: string }) {
    super();
  }
  postMessage(message: unknown, transfer?: unknown[]) {
    this.posted.push(transfer ? { message, transfer } : { message });
  }
  kill() {
    this.kills++;
    return true;
  }
}

const electron = vi.hoisted(() => ({ children: [] as FakeChild[], app: null as unknown as EventEmitter }));
vi.mock('electron', async () => {
  const { EventEmitter } = await import('node:events');
  electron.app = new EventEmitter();
  return {
    app: electron.app,
    utilityProcess: {
      fork: (_path: string, _args: string[], options: { serviceName: string }) => (electron.children.push(new FakeChild(options)), electron.children.at(-1)),
    },
  };
});

const tick = () => new Promise((resolve) => setImmediate(resolve));

describe('spawnUtilityTrainer', () => {
  let reasons: string[];
  let process: ReturnType<typeof spawnUtilityTrainer>;
  let child: FakeChild;
  beforeEach(() => {
    process = spawnUtilityTrainer('/app/out/main/trainer.js');
    child = electron.children.at(-1)!;
    reasons = [];
    process.onExit((reason) => reasons.push(reason));
  });

  it('forks with a service name of its own and forwards messages both ways', () => {
    expect(child.options.serviceName).toMatch(new RegExp(`^${TRAINER_SERVICE_NAME} #\\d+$`));
    const received: unknown[] = [];
    process.onMessage((message) => received.push(message));
    process.post({ type: 'ping', id: 1 });
    child.emit('message', { type: 'pong', id: 1 });
    expect(child.posted).toEqual([{ message: { type: 'ping', id: 1 } }]);
    expect(received).toEqual([{ type: 'pong', id: 1 }]);
  });

  it('reports an exit once, after the exit listener has returned, even when `exit` fires twice', async () => {
    child.emit('exit', 3);
    child.emit('exit', 3);
    expect(reasons).toEqual([]); // deferred: nothing may restart from inside Electron's exit listener
    await tick();
    expect(reasons).toEqual(['exit code 3']);
    process.post({ type: 'ping', id: 2 });
    expect(child.posted).toEqual([]); // nothing is posted to a process that is gone
  });

  it('reports child-process-gone for its own utility process only, and once with the exit that follows', async () => {
    const gone = (details: object) => electron.app.emit('child-process-gone', {}, { type: 'Utility', reason: 'crashed', exitCode: 11, ...details });
    gone({ name: 'Node Utility Process' });
    gone({ type: 'GPU', name: child.options.serviceName });
    gone({ name: `${TRAINER_SERVICE_NAME} #0` }); // a predecessor's late report
    await tick();
    expect(reasons).toEqual([]);
    const listeners = electron.app.listenerCount('child-process-gone');
    gone({ name: child.options.serviceName, serviceName: 'node.mojom.NodeService' });
    child.emit('exit', 0); // a crash may also report exit code 0
    await tick();
    expect(reasons).toEqual(['crashed, exit code 11']);
    expect(electron.app.listenerCount('child-process-gone')).toBe(listeners - 1); // it stops listening to app
  });

  it('repeats a kill asked for before `spawn` once the process has spawned', () => {
    process.kill();
    expect(child.kills).toBe(0);
    child.emit('spawn');
    expect(child.kills).toBe(1);
    process.kill();
    expect(child.kills).toBe(2);
  });

  it('connects the page by passing its port in the transfer list', () => {
    const port = { postMessage() {} };
    connectPage(process, port as never);
    expect(child.posted).toEqual([{ message: { type: 'connect' }, transfer: [port] }]);
  });
});
