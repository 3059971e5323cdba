/** The GitHub Actions workflow, read as data (js-yaml, which electron-builder already brings): it cannot run here. */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const projectDir = path.resolve(import.meta.dirname, '../..');
const yaml = createRequire(import.meta.url)('js-yaml') as { load(text: string): unknown };

interface Step {
  name?: string;
  uses?: string;
  run?: string;
  if?: string;
  with?: Record<string, unknown>;
  env?: Record<string, string>;
}
const workflow = yaml.load(readFileSync(path.join(projectDir, '.github/workflows/ci.yml'), 'utf8')) as {
  on: Record<string, unknown>;
  jobs: Record<string, { 'runs-on': string; strategy: { matrix: { os: string[] } }; steps: Step[] }>;
};
const [job] = Object.values(workflow.jobs);
const runs = job.steps.filter((step) => step.run).map((step) => step.run!.trim());
const indexOf = (command: RegExp) => runs.findIndex((run) => command.test(run));

describe('CI workflow', () => {
  it('runs on pushes and pull requests, on Linux, macOS and Windows', () => {
    expect(Object.keys(workflow.on)).toEqual(expect.arrayContaining(['push', 'pull_request']));
    expect(job['runs-on']).toBe('${{ matrix.os }}');
    expect(job.strategy.matrix.os).toEqual(['ubuntu-latest', 'macos-latest', 'windows-latest']);
  });

  it('uses the Node version package.json asks for', () => {
    const setup = job.steps.find((step) => step.uses?.startsWith('actions/setup-node@'));
    const engines = JSON.parse(readFileSync(path.join(projectDir, 'package.json'), 'utf8')).engines.node as string;
    expect(engines).toBe(`>=${setup?.with?.['node-version']}`);
  });

  it('installs, tests (under Xvfb on Linux), then builds the installers, in that order', () => {
    const install = indexOf(/^npm ci\b/);
    const linuxTest = job.steps.findIndex((step) => step.run?.trim() === 'xvfb-run --auto-servernum npm test');
    const otherTest = job.steps.findIndex((step) => step.run?.trim() === 'npm test');
    const dist = indexOf(/^npm run dist$/);
    expect(install).toBeGreaterThanOrEqual(0);
    expect(job.steps[linuxTest]?.if).toBe("runner.os == 'Linux'");
    expect(job.steps[otherTest]?.if).toBe("runner.os != 'Linux'");
    const at = (index: number) => runs.indexOf(job.steps[index]!.run!.trim());
    expect(install).toBeLessThan(at(linuxTest));
    expect(at(linuxTest)).toBeLessThan(dist);
    expect(at(otherTest)).toBeLessThan(dist);
  });

  it('checks every app archive after building the installers, on every platform', () => {
    const check = indexOf(/^node scripts\/packaging\/check-asar\.mjs dist$/);
    expect(check).toBeGreaterThan(indexOf(/^npm run dist$/));
    expect(job.steps.find((step) => step.run?.trim() === runs[check])?.if).toBeUndefined();
  });

  it('uploads every installer electron-builder.config.mjs names', async () => {
    const { default: config } = await import(path.join(projectDir, 'electron-builder.config.mjs'));
    const upload = job.steps.find((step) => step.uses?.startsWith('actions/upload-artifact@') && !step.if);
    const paths = String(upload?.with?.path).trim().split('\n');
    const extensions: Record<string, string> = { AppImage: 'AppImage', deb: 'deb', dmg: 'dmg', nsis: 'exe' };
    for (const target of [...config.linux.target, ...config.mac.target, ...config.win.target]) expect(paths).toContain(`dist/*.${extensions[target]}`);
    expect(upload?.with?.['if-no-files-found']).toBe('error');
  });

  it('packages the end-to-end flavour with --dir after the installers, and launches it once on every platform', () => {
    const pack = indexOf(/^npx electron-builder --config electron-builder\.config\.mjs --dir\b/);
    expect(pack).toBeGreaterThan(indexOf(/^npm run dist$/));
    const packStep = job.steps.find((step) => step.run?.trim() === runs[pack]);
    expect(packStep?.env).toEqual({ DESCENT_LAB_E2E_PACKAGE: '1' });
    const output = /-c\.directories\.output=(\S+)/.exec(runs[pack]!)?.[1];
    expect(output).toBeTruthy();
    const launches = job.steps.filter((step) => /playwright test --project electron e2e\/electron\.packaged\.spec\.ts$/.test(step.run?.trim() ?? ''));
    expect(launches.map((step) => step.if).sort()).toEqual(["runner.os != 'Linux'", "runner.os == 'Linux'"]);
    for (const step of launches) {
      expect(runs.indexOf(step.run!.trim())).toBeGreaterThan(pack);
      expect(step.env?.DESCENT_LAB_PACKAGED_DIR).toBe(output);
    }
    expect(launches.find((step) => step.if === "runner.os == 'Linux'")?.run).toMatch(/^xvfb-run /);
  });
});
