import { describe, expect, it, vi } from 'vitest';
import type { BeginSaveResult, SaveStepResult } from '../shared/saving';
import { chooseSaveTarget, desktopTarget, saveBlob, streamTarget, type SaveEnvironment } from './saving';

type Bridge = NonNullable<SaveEnvironment['descentDesktop']>;

/** The preload's save calls, recorded; `failWrite` makes that write (1-based) fail as main would report it. */
function fakeBridge(begin: BeginSaveResult = { ok: true, id: 3, name: 'chosen.csv' }, failWrite?: number) {
  let writes = 0;
  const bridge = {
    beginSave: vi.fn(async (): Promise<BeginSaveResult> => begin),
    writeSave: vi.fn(async (): Promise<SaveStepResult> => (++writes === failWrite ? { ok: false, reason: 'ENOSPC: no space left on device' } : { ok: true })),
    finishSave: vi.fn(async (): Promise<SaveStepResult> => ({ ok: true })),
    abortSave: vi.fn(async (): Promise<SaveStepResult> => ({ ok: true })),
  } satisfies Bridge;
  return bridge;
}

const bytes = (text: string) => new TextEncoder().encode(text);

describe('chooseSaveTarget', () => {
  it("in the desktop app asks main's dialog, never the page's showSaveFilePicker (Electron refuses its write)", async () => {
    const bridge = fakeBridge();
    const showSaveFilePicker = vi.fn();
    const choice = await chooseSaveTarget('bowl-trajectories.csv', 'csv', { descentDesktop: bridge, showSaveFilePicker });
    expect(bridge.beginSave).toHaveBeenCalledWith({ name: 'bowl-trajectories.csv', kind: 'csv' });
    expect(showSaveFilePicker).not.toHaveBeenCalled();
    expect(choice).toMatchObject({ kind: 'file', target: { name: 'chosen.csv' } });
  });

  it("reports the desktop dialog's cancel as a cancel, and a refusal as an error", async () => {
    expect(await chooseSaveTarget('a.webm', 'webm', { descentDesktop: fakeBridge({ ok: false, cancelled: true }) })).toEqual({ kind: 'cancelled' });
    await expect(
      chooseSaveTarget('a.webm', 'webm', { descentDesktop: fakeBridge({ ok: false, cancelled: false, reason: 'At most 4 files can be saved at once.' }) }),
    ).rejects.toThrow('At most 4 files');
  });

  it("in a browser uses showSaveFilePicker with the kind's type, and a closed picker is a cancel", async () => {
    const writable = { write: vi.fn(async () => {}), close: vi.fn(async () => {}), abort: vi.fn(async () => {}) };
    const picker = vi.fn(async () => ({ name: 'mine.webm', createWritable: async () => writable }));
    const choice = await chooseSaveTarget('run.webm', 'webm', { showSaveFilePicker: picker });
    expect(picker).toHaveBeenCalledWith({ suggestedName: 'run.webm', types: [{ description: 'WebM video', accept: { 'video/webm': ['.webm'] } }] });
    expect(choice).toMatchObject({ kind: 'file', target: { name: 'mine.webm' } });
    const closed = vi.fn(async () => Promise.reject(new DOMException('The user aborted a request.', 'AbortError')));
    expect(await chooseSaveTarget('run.webm', 'webm', { showSaveFilePicker: closed })).toEqual({ kind: 'cancelled' });
  });

  it('without a bridge or a picker, leaves the file to a download', async () => {
    expect(await chooseSaveTarget('a.csv', 'csv', {})).toEqual({ kind: 'download' });
  });
});

describe('desktopTarget', () => {
  it('sends every write at once, in order, with its position, then finishes', async () => {
    const bridge = fakeBridge();
    const target = desktopTarget(bridge, 3, 'video.webm');
    // As a muxer does: writes fired without waiting, one going back to fill in a size.
    const writes = [target.write(bytes('head')), target.write(bytes('body'), 4), target.write(bytes('HE'), 0)];
    expect(bridge.writeSave.mock.calls).toEqual([
      [3, bytes('head'), undefined],
      [3, bytes('body'), 4],
      [3, bytes('HE'), 0],
    ]);
    await Promise.all(writes);
    await target.close();
    expect(bridge.finishSave).toHaveBeenCalledWith(3);
    expect(bridge.abortSave).not.toHaveBeenCalled();
  });

  it('after a failed write, refuses the next, and close abandons the file instead of finishing it', async () => {
    const bridge = fakeBridge(undefined, 1);
    const target = desktopTarget(bridge, 3, 'big.json');
    await expect(target.write(bytes('['))).rejects.toThrow('no space left');
    await expect(target.write(bytes(']'))).rejects.toThrow('no space left');
    expect(bridge.writeSave).toHaveBeenCalledTimes(1);
    await expect(target.close()).rejects.toThrow('no space left');
    expect(bridge.finishSave).not.toHaveBeenCalled();
    expect(bridge.abortSave).toHaveBeenCalledWith(3);
  });

  it('abort waits for the writes under way, then abandons the file', async () => {
    const bridge = fakeBridge();
    const target = desktopTarget(bridge, 5, 'x.csv');
    void target.write(bytes('x'));
    await target.abort();
    expect(bridge.abortSave).toHaveBeenCalledWith(5);
    await expect(target.write(bytes('y'))).rejects.toThrow(/closed/);
  });
});

describe('streamTarget', () => {
  it("writes at a position the way a muxer's file target does", async () => {
    const stream = { write: vi.fn(async () => {}), close: vi.fn(async () => {}), abort: vi.fn(async () => {}) };
    const target = streamTarget(stream, 'v.webm');
    await target.write(bytes('a'));
    await target.write(bytes('b'), 7);
    expect(stream.write.mock.calls).toEqual([[bytes('a')], [{ type: 'write', data: bytes('b'), position: 7 }]]);
  });
});

describe('saveBlob in the desktop app', () => {
  it('writes the Blob through main and answers the name it was saved under', async () => {
    const bridge = fakeBridge({ ok: true, id: 9, name: 'shot.png' });
    expect(await saveBlob(new Blob([bytes('PNG…')]), 'descent-lab-bowl.png', 'png', { descentDesktop: bridge })).toBe('shot.png');
    expect(bridge.beginSave).toHaveBeenCalledWith({ name: 'descent-lab-bowl.png', kind: 'png' });
    expect(bridge.writeSave.mock.calls).toEqual([[9, bytes('PNG…'), undefined]]);
    expect(bridge.finishSave).toHaveBeenCalledWith(9);
  });

  it('writes nothing when the dialog is cancelled', async () => {
    const bridge = fakeBridge({ ok: false, cancelled: true });
    expect(await saveBlob(new Blob([bytes('x')]), 'a.csv', 'csv', { descentDesktop: bridge })).toBeNull();
    expect(bridge.writeSave).not.toHaveBeenCalled();
  });
});
