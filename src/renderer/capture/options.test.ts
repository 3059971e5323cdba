import { describe, expect, it } from 'vitest';
import { bitrateFor, fitSize, frameDuration, frameTimestamp, isKeyFrame, recordSettings, screenshotSettings } from './options';

const canvas = { width: 801, height: 451 };

describe('recordSettings', () => {
  it('fills the defaults: 30 fps, five seconds, one step a frame, the canvas size made even', () => {
    expect(recordSettings(undefined, canvas)).toEqual({ frames: 150, fps: 30, width: 800, height: 450, stepsPerFrame: 1, title: '', caption: '', chart: false, panel: false });
  });

  it('takes the options as given', () => {
    const settings = recordSettings({ frames: 12, fps: 60, width: 320, height: 180, stepsPerFrame: 5, title: ' Bowl ', chart: true }, canvas);
    expect(settings).toEqual({ frames: 12, fps: 60, width: 320, height: 180, stepsPerFrame: 5, title: 'Bowl', caption: '', chart: true, panel: false });
  });

  it.each([
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

describe('frame clock', () => {
  it('puts frame k at k / fps seconds, in µs, rounded', () => {
    expect(frameTimestamp(0, 30)).toBe(0);
    expect(frameTimestamp(1, 30)).toBe(33_333); // 1e6 / 30 = 33 333.3
    expect(frameTimestamp(30, 30)).toBe(1_000_000);
  });

  it('gives durations that add up to exactly one second a second', () => {
    let sum = 0;
    for (let k = 0; k < 30; k++) sum += frameDuration(k, 30);
    expect(sum).toBe(1_000_000);
  });

  it('makes a key frame every two seconds', () => {
    expect([0, 1, 59, 60, 120].map((k) => isKeyFrame(k, 30))).toEqual([true, false, false, true, true]);
  });

  it('keeps the bit rate within 1 and 40 Mbit/s', () => {
    expect(bitrateFor(320, 180, 30)).toBe(1e6);
    expect(bitrateFor(3840, 2160, 60)).toBe(40e6);
  });
});
