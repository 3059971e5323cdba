import { EventEmitter } from 'node:events';
import { describe, expect, it, vi } from 'vitest';
import { claimSingleInstance, type SingleInstanceApp } from './single-instance';

// scenario-files.ts (the command-line parsing) also holds the Electron dialogs; none is used here.
vi.mock('electron', () => ({ dialog: {} }));

/** A stand-in for Electron's app: the lock is either free or held by another lab. */
function fakeApp(lockFree: boolean) {
  const events = new EventEmitter();
  const app = {
    requestSingleInstanceLock: vi.fn((_data?: Record<string, unknown>) => lockFree),
    on: (event: string, listener: (...args: unknown[]) => void) => events.on(event, listener),
    quit: vi.fn(),
  };
  return { app: app as SingleInstanceApp & typeof app, events };
}

const files = new Set(['/home/ada/runs/bowl.descent.json', '/tmp/work/race.json', '/tmp/work/valley.descent']);
const isFile = (path: string) => files.has(path);

describe('claimSingleInstance', () => {
  it('runs when it gets the lock, and passes its own file along with the request', () => {
    const { app } = fakeApp(true);
    const claimed = claimSingleInstance(app, {
      isPackaged: true,
      argv: ['/opt/lab', 'runs/bowl.descent.json'],
      cwd: '/home/ada',
      focus: vi.fn(),
      open: vi.fn(),
      isFile,
    });
    expect(claimed).toBe(true);
    expect(app.quit).not.toHaveBeenCalled();
    expect(app.requestSingleInstanceLock).toHaveBeenCalledWith({ file: '/home/ada/runs/bowl.descent.json' });
  });

  it('quits when another lab holds the lock', () => {
    const { app } = fakeApp(false);
    expect(claimSingleInstance(app, { isPackaged: true, argv: ['/opt/lab'], cwd: '/', focus: vi.fn(), open: vi.fn(), isFile })).toBe(false);
    expect(app.quit).toHaveBeenCalledOnce();
    expect(app.requestSingleInstanceLock).toHaveBeenCalledWith({ file: null });
  });

  it('focuses and opens the file a second launch hands over', () => {
    const { app, events } = fakeApp(true);
    const focus = vi.fn();
    const open = vi.fn();
    claimSingleInstance(app, { isPackaged: true, argv: ['/opt/lab'], cwd: '/', focus, open, isFile });
    events.emit('second-instance', {}, ['/opt/lab', 'whatever.json'], '/elsewhere', { file: '/tmp/work/race.json' });
    expect(focus).toHaveBeenCalledOnce();
    expect(open).toHaveBeenCalledWith('/tmp/work/race.json');
  });

  it('hands over a double-clicked file of the association (*.descent), by its data or its command line', () => {
    const { app, events } = fakeApp(true);
    const open = vi.fn();
    claimSingleInstance(app, { isPackaged: true, argv: ['/opt/lab'], cwd: '/', focus: vi.fn(), open, isFile });
    events.emit('second-instance', {}, ['/opt/lab'], '/elsewhere', { file: '/tmp/work/valley.descent' });
    events.emit('second-instance', {}, ['/opt/lab', 'valley.descent'], '/tmp/work', null);
    expect(open.mock.calls).toEqual([['/tmp/work/valley.descent'], ['/tmp/work/valley.descent']]);
  });

  it('falls back to the second launch command line, resolved against its own folder', () => {
    const { app, events } = fakeApp(true);
    const open = vi.fn();
    claimSingleInstance(app, { isPackaged: true, argv: ['/opt/lab'], cwd: '/', focus: vi.fn(), open, isFile });
    events.emit('second-instance', {}, ['/opt/lab', '--allow-file-access-from-files', 'race.json'], '/tmp/work', null);
    expect(open).toHaveBeenCalledWith('/tmp/work/race.json');
  });

  it('only focuses when the second launch names no file, or one that does not exist, or sends junk', () => {
    const { app, events } = fakeApp(true);
    const focus = vi.fn();
    const open = vi.fn();
    claimSingleInstance(app, { isPackaged: true, argv: ['/opt/lab'], cwd: '/', focus, open, isFile });
    events.emit('second-instance', {}, ['/opt/lab'], '/tmp', null);
    events.emit('second-instance', {}, ['/opt/lab', 'missing.json'], '/tmp', { file: '/nowhere/missing.json' });
    events.emit('second-instance', {}, 'not an array', 7, { file: 42 });
    expect(focus).toHaveBeenCalledTimes(3);
    expect(open).not.toHaveBeenCalled();
  });
});
