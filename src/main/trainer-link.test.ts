/** The wiring of window, supervisor and utility process, with Electron and the process mocked. */
import { beforeEach, describe, expect, it, vi } from 'vitest';

const ports = vi.hoisted(() => ({ made: 0 }));
vi.mock('electron', () => ({
  MessageChannelMain: class {
    port1 = { name: `port1-${++ports.made}` };
    port2 = { name: `port2-${ports.made}` };
  },
}));

const fake = vi.hoisted(() => ({ spawned: [] as { kill: () => void; exit: (reason: string) => void }[] }));
vi.mock('./utility-process', () => ({
  spawnUtilityTrainer: () => {
    const exits: ((reason: string) => void)[] = [];
    const process = {
      post: () => {},
      onMessage: () => {},
      onExit: (l: (r: string) => void) => exits.push(l),
      kill: vi.fn(),
      exit: (r: string) => exits.forEach((l) => l(r)),
    };
    fake.spawned.push(process);
    return process;
  },
  connectPage: vi.fn(),
}));
vi.mock('./ipc', () => ({ sendTrainerPort: vi.fn(), sendTrainerLost: vi.fn() }));

const { connectTrainer, disposeTrainer } = await import('./trainer-link');
const { connectPage } = await import('./utility-process');
const { sendTrainerPort, sendTrainerLost } = await import('./ipc');
const window = { isDestroyed: () => false } as never;

beforeEach(() => {
  disposeTrainer();
  vi.clearAllMocks();
  fake.spawned.length = 0;
});

describe('connectTrainer', () => {
  it('starts one trainer and hands the two ends of a new channel to it and to the page', () => {
    connectTrainer(window);
    expect(fake.spawned).toHaveLength(1);
    expect(connectPage).toHaveBeenCalledWith(fake.spawned[0], expect.objectContaining({ name: expect.stringMatching(/^port1/) }));
    expect(sendTrainerPort).toHaveBeenCalledWith(window, expect.objectContaining({ name: expect.stringMatching(/^port2/) }), null);
  });

  it('a page reload gets a new channel to the same trainer', () => {
    connectTrainer(window);
    connectTrainer(window);
    expect(fake.spawned).toHaveLength(1);
    expect(sendTrainerPort).toHaveBeenCalledTimes(2);
  });

  it('after a crash the restarted trainer is handed over with the notice', async () => {
    connectTrainer(window);
    fake.spawned[0].exit('exit code 3');
    await vi.waitFor(() => expect(fake.spawned).toHaveLength(2));
    expect(sendTrainerPort).toHaveBeenLastCalledWith(window, expect.anything(), expect.stringMatching(/stopped unexpectedly \(exit code 3\)/));
  });

  it('after three crashes the page is told the trainer is lost, and a reload is told again', async () => {
    connectTrainer(window);
    for (let k = 0; k < 3; k++) {
      fake.spawned.at(-1)!.exit('abort');
      await Promise.resolve();
    }
    await vi.waitFor(() => expect(sendTrainerLost).toHaveBeenCalledTimes(1));
    connectTrainer(window);
    expect(sendTrainerLost).toHaveBeenCalledTimes(2);
  });

  it('closing the window ends the trainer', () => {
    connectTrainer(window);
    disposeTrainer();
    expect(fake.spawned[0].kill).toHaveBeenCalled();
  });
});
