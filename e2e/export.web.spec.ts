/**
 * Trajectory export in the browser build (CONTRACTS §4 `exportTrajectories`, issue 5): the export is
 * replayed in its own worker and parses back to the run's numbers. Nothing may be logged as an error.
 */
import { expect, openPreset, test } from './shared-page';

test.describe.configure({ mode: 'default' }); // the file's tests in order, on one page (./shared-page.ts)

interface ExportingLab {
  step(n?: number): Promise<void>;
  state(): { step: number };
  exportTrajectories(options?: unknown): Promise<Blob>;
}

test('bowl after 100 steps exports as CSV and JSON that parse back (x at 100: notebook 002)', async ({ page }) => {
  await openPreset(page, 'bowl');
  const result = await page.evaluate(async () => {
    const l = (window as unknown as { descentLab: ExportingLab }).descentLab;
    await l.step(100);
    const csvBlob = await l.exportTrajectories({ format: 'csv', every: 10 });
    const jsonBlob = await l.exportTrajectories({ format: 'json', every: 10 });
    return { csv: await csvBlob.text(), csvType: csvBlob.type, json: await jsonBlob.text(), step: l.state().step };
  });
  expect(result.step).toBe(100);
  expect(result.csvType).toBe('text/csv');
  const rows = result.csv
    .trimEnd()
    .split('\n')
    .map((line) => line.split(','));
  expect(rows[0]).toEqual(['step', 'epoch', 'particle', 'status', 'reason', 'loss', 'x', 'y']);
  expect(rows).toHaveLength(12);
  expect(rows.slice(1).map((r) => Number(r[0]))).toEqual([0, 10, 20, 30, 40, 50, 60, 70, 80, 90, 100]);
  expect(Number(rows[11][6])).toBeCloseTo(0.9999999997962964, 14);
  const doc = JSON.parse(result.json) as { name: string; steps: { step: number; params: number[][] }[] };
  expect(doc.name).toBe('bowl');
  expect(doc.steps).toHaveLength(11);
  expect(doc.steps[10].params[0][0]).toBeCloseTo(0.9999999997962964, 14);
});

test('a subset of particles, and bad options rejected naming the option', async ({ page }) => {
  await openPreset(page, 'bowl-cloud');
  const result = await page.evaluate(async () => {
    const l = (window as unknown as { descentLab: ExportingLab }).descentLab;
    await l.step(5);
    const subset = await (await l.exportTrajectories({ format: 'csv', every: 2, particles: [7, 3] })).text();
    const refusal = async (options: unknown) => {
      try {
        await l.exportTrajectories(options);
        return 'resolved';
      } catch (error) {
        return error instanceof Error ? error.message : String(error);
      }
    };
    return {
      subset,
      format: await refusal({ format: 'xml' }),
      every: await refusal({ every: 0 }),
      particles: await refusal({ particles: [1, 1] }),
      range: await refusal({ particles: [5000] }),
    };
  });
  const rows = result.subset
    .trimEnd()
    .split('\n')
    .slice(1)
    .map((line) => line.split(','));
  expect(rows.map((r) => [Number(r[0]), Number(r[2])])).toEqual(
    [0, 2, 4, 5].flatMap((s) => [
      [s, 7],
      [s, 3],
    ]),
  );
  expect(result.format).toContain('format:');
  expect(result.every).toContain('every:');
  expect(result.particles).toContain('particles[1]:');
  expect(result.range).toContain('particles[0]:');
});

test('the export bar shows its buttons under the scene', async ({ page }) => {
  await openPreset(page, 'bowl');
  await expect(page.getByRole('button', { name: 'Export trajectories…' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Export loss curve' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Cancel export' })).toBeHidden();
});

test('the buttons download the loss curve and, without a file picker, the trajectories', async ({ page }) => {
  // Headless Chromium has showSaveFilePicker but no one to answer it: take the download path instead (and
  // give it back at the end: the page is shared by the file's tests).
  await openPreset(page, 'bowl');
  await page.evaluate(() => {
    const page = window as { showSaveFilePicker?: unknown; keptPicker?: unknown };
    page.keptPicker = page.showSaveFilePicker;
    Object.defineProperty(window, 'showSaveFilePicker', { value: undefined, configurable: true, writable: true });
  });
  await page.evaluate(() => (window as unknown as { descentLab: ExportingLab }).descentLab.step(20));
  const [curve] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export loss curve' }).click()]);
  expect(curve.suggestedFilename()).toBe('bowl-loss-curve.csv');
  const curveRows = (await readDownload(curve)).trimEnd().split('\n');
  expect(curveRows[0]).toBe('step,meanLoss,bestLoss');
  expect(Number(curveRows.at(-1)!.split(',')[0])).toBe(20);
  await page.getByLabel('Every k steps').fill('5');
  const [trajectories] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export trajectories…' }).click()]);
  expect(trajectories.suggestedFilename()).toBe('bowl-trajectories.csv');
  const rows = (await readDownload(trajectories)).trimEnd().split('\n');
  expect(rows.slice(1).map((r) => Number(r.split(',')[0]))).toEqual([0, 5, 10, 15, 20]);
  await page.evaluate(() => {
    const page = window as { showSaveFilePicker?: unknown; keptPicker?: unknown };
    Object.defineProperty(window, 'showSaveFilePicker', { value: page.keptPicker, configurable: true, writable: true });
    delete page.keptPicker;
  });
});

async function readDownload(download: { createReadStream(): Promise<NodeJS.ReadableStream> }): Promise<string> {
  const parts: Buffer[] = [];
  for await (const part of await download.createReadStream()) parts.push(Buffer.from(part as Buffer));
  return Buffer.concat(parts).toString('utf8');
}
