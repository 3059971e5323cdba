import { describe, expect, it } from 'vitest';
import { bitrateFor, fitSize, recordSettings, screenshotSettings } from './options';

const canvas = { width: 801, height: 451 };

describe('recordSettings', () => {
  it('fills the defaults: 30 fps, five seconds, one step a frame, the canvas size made even', () => {
    expect(recordSettings(undefined, canvas)).toEqual({
      frames: 150,
      fps: 30,
      width: 800,
      height: 450,
      stepsPerFrame: 1,
      title: '',
      caption: '',
      chart: false,
      panel: false,
      format: 'webm',
      camera: [],
    });
  });

  it('takes the options as given', () => {
    const settings = recordSettings({ frames: 12, fps: 60, width: 320, height: 180, stepsPerFrame: 5, title: ' Bowl ', chart: true }, canvas);
    expect(settings).toEqual({
      frames: 12,
      fps: 60,
      width: 320,
      height: 180,
      stepsPerFrame: 5,
      title: 'Bowl',
      caption: '',
      chart: true,
      panel: false,
      format: 'webm',
      camera: [],
    });
  });

  it('takes the format and the camera keyframes', () => {
    const camera = [{ frame: 0, azimuth: 0, elevation: 30, distance: 12 }];
    expect(recordSettings({ format: 'mp4', frames: 8, camera }, canvas)).toMatchObject({ format: 'mp4', frames: 8, camera });
  });

  it('lets a GIF and a PNG sequence take odd sizes: they have no 2 × 2 blocks to fill', () => {
    expect(recordSettings({ format: 'gif', width: 321, height: 181, frames: 8 }, canvas)).toMatchObject({ width: 321, height: 181 });
    expect(recordSettings({ format: 'png', width: 321, height: 181, frames: 8, fps: 120 }, canvas)).toMatchObject({ format: 'png', width: 321, height: 181 });
    expect(recordSettings({ format: 'gif', frames: 8 }, canvas)).toMatchObject({ width: 801, height: 451 });
  });

  it.each([
    [{ format: 'avi' }, /record: format must be one of "webm", "mp4", "gif", "png", not "avi"/],
    [{ format: 'gif', fps: 60 }, /record: fps must be at most 50 for a GIF/],
    [{ format: 'gif', width: 3840, height: 2160, frames: 150 }, /record: frames: a GIF of 150 frames at 3840 × 2160 needs 2627 MB .* more than 512 MB/], // (150 × 2 + 8 × 4) bytes × 3840 × 2160 = 2626.2 MiB
    [{ format: 'mp4', width: 3841, height: 2160 }, /record: width must be an integer from 16 to 3840/],
    [{ frames: 4, camera: [{ frame: 4, azimuth: 0, elevation: 30, distance: 10 }] }, /record: camera\[0\]\.frame must be an integer from 0 to 3/],
    [{ frames: 0 }, /frames must be an integer from 1 to 36000, not 0/],
    [{ frames: 1.5 }, /frames/],
    [{ fps: 121 }, /fps must be an integer from 1 to 120/],
    [{ width: 321, height: 180 }, /width must be even/],
    [{ height: '180' }, /height must be an integer .* not "180"/],
    [{ width: 3840, height: 3840 }, /width × height must be at most/],
    [{ stepsPerFrame: 0 }, /stepsPerFrame must be an integer from 1 to 100000/],
    [{ speed: 2 }, /unknown option "speed"/],
    [{ title: 3 }, /title must be a text/],
    [{ chart: 'yes' }, /chart must be true or false, not "yes"/],
    [{ panel: 1 }, /panel must be true or false, not 1/],
    [[1, 2], /options must be an object/],
  ])('rejects %j naming the option', (options, message) => {
    expect(() => recordSettings(options, canvas)).toThrow(message);
  });
});

describe('screenshotSettings', () => {
  it('defaults to the canvas size, odd sizes allowed', () => {
    expect(screenshotSettings({}, canvas)).toMatchObject({ width: 801, height: 451 });
  });

  it('rejects a width below 16', () => {
    expect(() => screenshotSettings({ width: 8 }, canvas)).toThrow(/screenshot: width must be an integer from 16 to 3840/);
  });

  it('takes the chart and the settings card as flags, off by default', () => {
    expect(screenshotSettings({}, canvas)).toMatchObject({ chart: false, panel: false });
    expect(screenshotSettings({ chart: true, panel: true }, canvas)).toMatchObject({ chart: true, panel: true });
    expect(() => screenshotSettings({ panel: 'on' }, canvas)).toThrow(/screenshot: panel must be true or false/);
  });
});

describe('fitSize', () => {
  it('scales a canvas larger than 4K down to 4K area, keeping its shape', () => {
    const { width, height } = fitSize(7680, 4320, true);
    expect([width, height]).toEqual([3840, 2160]);
  });
});

describe('bitrateFor', () => {
  it('keeps the bit rate within 1 and 40 Mbit/s', () => {
    expect(bitrateFor(320, 180, 30)).toBe(1e6);
    expect(bitrateFor(3840, 2160, 60)).toBe(40e6);
  });
});
