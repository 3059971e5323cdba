/**
 * Screenshots and recordings in the browser build (Chromium, WebGL through SwiftShader, WebCodecs' software
 * VP9/VP8): a PNG of the asked size, and a short WebM of a preset at the asked size and frame count, made
 * twice from the same start with identical frames (the fixed clock: nothing depends on how slow the machine is).
 */
import { readWebm } from '../src/renderer/capture/webm.testing';
import { bytesOf } from './blobs';
import { expect, openPreset, test } from './shared-page';

test.describe.configure({ mode: 'default' }); // the file's tests in order, on one page (./shared-page.ts)

test.beforeEach(async ({ page }) => {
  await openPreset(page, 'bowl-cloud');
});

test('screenshot: a PNG of the asked size, the scene back at its own size after', async ({ page }) => {
  const before = await page.getByTestId('scene').evaluate((canvas: HTMLCanvasElement) => [canvas.width, canvas.height]);
  const png = await bytesOf(page, 'window.descentLab.screenshot({ width: 640, height: 360 })');
  expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  expect(png.subarray(12, 16).toString('ascii')).toBe('IHDR');
  expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([640, 360]);
  expect(png.length).toBeGreaterThan(2000); // a picture, not a blank: a flat 640 × 360 PNG is well under 1 kB
  const after = await page.getByTestId('scene').evaluate((canvas: HTMLCanvasElement) => [canvas.width, canvas.height]);
  expect(after).toEqual(before);
});

test('record: a WebM of the asked size and frame count, identical twice for the same start', async ({ page }) => {
  test.setTimeout(180_000);
  const make = 'window.descentLab.reset().then(() => window.descentLab.record({ frames: 12, fps: 30, width: 320, height: 180, stepsPerFrame: 1 }))';
  const first = await bytesOf(page, make);
  const stepAfterFirst = await page.evaluate(() => window.descentLab.state().step);
  const second = await bytesOf(page, make);
  expect(stepAfterFirst).toBe(11); // frame 0 shows the start, each later frame one more step

  const videos = [first, second].map((bytes) => {
    expect([...bytes.subarray(0, 4)]).toEqual([0x1a, 0x45, 0xdf, 0xa3]); // EBML magic
    return readWebm(bytes);
  });
  for (const video of videos) {
    expect(video.docType).toBe('webm');
    expect(['V_VP9', 'V_VP8']).toContain(video.codecId);
    expect([video.width, video.height]).toEqual([320, 180]);
    expect(video.frames).toHaveLength(12);
    expect(video.frames[0].keyFrame).toBe(true);
    // The fixed clock: frame k at k / 30 s, which Mediabunny writes in whole ms, rounded (66.7 → 67).
    expect(video.frames.map((f) => f.time)).toEqual(Array.from({ length: 12 }, (_, k) => Math.round((k * 1000) / 30)));
  }
  // Same scenario, same seed, same start: the same encoded frames, byte for byte.
  const [a, b] = videos;
  for (let k = 0; k < 12; k++) expect(Buffer.from(a.frames[k].data).equals(Buffer.from(b.frames[k].data)), `frame ${k}`).toBe(true);
  // And the run moved: the last frame is not the first.
  expect(Buffer.from(a.frames[11].data).equals(Buffer.from(a.frames[0].data))).toBe(false);
});

test('bad options reject with a message naming the option', async ({ page }) => {
  const messages = await page.evaluate(async () => {
    const lab = window.descentLab;
    const attempts: (() => Promise<unknown>)[] = [
      () => lab.record({ frames: 0 }),
      () => lab.record({ width: 321, height: 180 }),
      () => lab.record({ fps: 500 }),
      () => lab.record({ stepsPerFrame: 1.5 }),
      () => lab.screenshot({ height: 5000 }),
      () => lab.screenshot({ colour: 'red' } as never),
    ];
    const out: string[] = [];
    for (const attempt of attempts)
      out.push(
        await attempt().then(
          () => 'resolved',
          (error: Error) => error.message,
        ),
      );
    return out;
  });
  expect(messages[0]).toMatch(/^record: frames must be an integer from 1 to 36000/);
  expect(messages[1]).toMatch(/^record: width must be even/);
  expect(messages[2]).toMatch(/^record: fps must be an integer from 1 to 120/);
  expect(messages[3]).toMatch(/^record: stepsPerFrame must be an integer/);
  expect(messages[4]).toMatch(/^screenshot: height must be an integer from 16 to 3840/);
  expect(messages[5]).toMatch(/^screenshot: unknown option "colour"/);
});

test('the Record dialog opens from the scene, and a screenshot button is there', async ({ page }) => {
  await expect(page.getByRole('button', { name: 'Screenshot' })).toBeVisible();
  await page.getByRole('button', { name: 'Record…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Record or screenshot' });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('combobox').first()).toContainText('1080p');
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(dialog).toBeHidden();
});

test('clean mode from the dialog: panel and readouts hidden while recording, Cancel stops it and saves nothing', async ({ page }) => {
  test.setTimeout(120_000);
  // No file picker in a headless run: the dialog falls back to a download at the end (never reached here).
  await page.evaluate(() => {
    const page = window as { showSaveFilePicker?: unknown; keptPicker?: unknown };
    page.keptPicker = page.showSaveFilePicker;
    delete page.showSaveFilePicker;
  });
  await page.getByRole('button', { name: 'Record…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Record or screenshot' });
  await dialog.getByLabel('Length (s)').fill('60');
  await dialog.getByLabel('Title (optional)').fill('Gradient descent on a bowl');
  await dialog.getByRole('button', { name: 'Record', exact: true }).click();
  await expect(dialog.getByRole('status')).toContainText(/Frame [2-9]\d* of 1800/, { timeout: 60_000 });
  await expect(page.locator('#panel')).toBeHidden();
  await expect(page.locator('header .readouts')).toBeHidden();
  await expect(page.locator('.capture-title')).toHaveText('Gradient descent on a bowl');
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog.getByRole('status')).toHaveText('Recording cancelled; nothing was saved.');
  await expect(page.locator('#panel')).toBeVisible();
  await expect(page.locator('header .readouts')).toBeVisible();
  await expect(page.locator('.capture-titles')).toBeHidden();
  // The scene is back at its own size.
  const size = await page.getByTestId('scene').evaluate((canvas: HTMLCanvasElement) => [canvas.width, canvas.height, canvas.clientWidth, canvas.clientHeight]);
  expect(size[0]).toBeGreaterThanOrEqual(size[2]);
  // The page is the next test's: the dialog closed, the file picker back.
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(dialog).toBeHidden();
  await page.evaluate(() => {
    const page = window as { showSaveFilePicker?: unknown; keptPicker?: unknown };
    if (page.keptPicker) page.showSaveFilePicker = page.keptPicker;
    delete page.keptPicker;
  });
});

test('a title and caption are drawn into the picture', async ({ page }) => {
  const plain = await bytesOf(page, 'window.descentLab.screenshot({ width: 320, height: 180 })');
  const titled = await bytesOf(page, 'window.descentLab.screenshot({ width: 320, height: 180, title: "Bowl", caption: "α = 0.1" })');
  expect([titled.readUInt32BE(16), titled.readUInt32BE(20)]).toEqual([320, 180]);
  expect(titled.equals(plain)).toBe(false);
});

test('diverged particles rise and fade on the recording clock: two recordings through a divergence are identical', async ({ page }) => {
  test.setTimeout(180_000);
  // α = 1.5 on the bowl: the loss overflows after about 510 steps (see scene.web.spec.ts), i.e. in frames 9–11 here.
  await page.evaluate(async () => {
    await window.descentLab.set('epochs', 1000);
    await window.descentLab.set('optimizer.alpha', 1.5);
  });
  const make = 'window.descentLab.reset().then(() => window.descentLab.record({ frames: 12, fps: 30, width: 320, height: 180, stepsPerFrame: 50 }))';
  const first = readWebm(await bytesOf(page, make));
  expect(await page.evaluate(() => window.descentLab.state().summary.diverged)).toBeGreaterThan(0);
  // Slow the page down between the two: the recording must not notice.
  await page.waitForTimeout(700);
  const second = readWebm(await bytesOf(page, make));
  expect(second.frames).toHaveLength(12);
  for (let k = 0; k < 12; k++) expect(Buffer.from(first.frames[k].data).equals(Buffer.from(second.frames[k].data)), `frame ${k}`).toBe(true);
});
