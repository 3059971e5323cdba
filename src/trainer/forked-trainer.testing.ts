/**
 * Test support for the node host's specs (node-host.test.ts, node-host-crashes.test.ts): the bundled host
 * forked as a TrainerProcess, and the hooks that build it once per file and kill what a test left running.
 * Two files so that the crash storm (the longest unit test) runs beside the others in a second worker.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { rmSync } from 'node:fs';
import { dirname } from 'node:path';
import { afterAll, afterEach, beforeAll } from 'vitest';
import type { TrainerProcess } from '../main/supervisor';
import type { FrameMessage, TrainerCommand, TrainerEvent } from '../shared/messages';
// @ts-expect-error: a plain .mjs script without type declarations
import { buildNodeTrainer } from '../../scripts/build-node-trainer.mjs';

export type Message = TrainerEvent | { type: 'memory'; rss: number; heapUsed: number; arrayBuffers: number };

/** A forked node host as a TrainerProcess, keeping what it sends until the test takes it. */
export class ForkedTrainer implements TrainerProcess {
  readonly child: ChildProcess;
  private inbox: Message[] = [];
  private waiters: (() => void)[] = [];
  private listeners: ((message: unknown) => void)[] = [];
  exitReason: string | null = null;

  constructor(
    entry: string,
    private readonly keep = true,
  ) {
    // A small old space makes the `oom` fault die in a fraction of a second; --expose-gc steadies `memory`.
    this.child = fork(entry, [], {
      serialization: 'advanced',
      execArgv: ['--max-old-space-size=64', '--expose-gc'],
      env: { ...process.env, DESCENT_TRAINER_FAULTS: '1' },
      stdio: ['ignore', 'ignore', 'ignore', 'ipc'], // injected crashes print stacks: keep the report quiet
    });
    children.add(this.child);
    this.child.on('message', (message: Message) => {
      if (this.keep) this.inbox.push(message);
      for (const listener of this.listeners) listener(message);
      for (const wake of this.waiters.splice(0)) wake();
    });
    this.child.on('exit', (code, signal) => (this.exitReason = signal ? `signal ${signal}` : `exit code ${code}`));
    this.child.on('error', () => {}); // a send racing the child's death: its exit says what happened
  }
  post(message: unknown): void {
    if (this.child.connected) this.child.send(message as TrainerCommand);
  }
  onMessage(listener: (message: unknown) => void): void {
    this.listeners.push(listener);
  }
  onExit(listener: (reason: string) => void): void {
    this.child.on('exit', () => listener(this.exitReason!));
  }
  kill(): void {
    this.child.kill('SIGKILL'); // certain to end a host stuck in a busy loop
  }
  /** The first kept message of this type (earlier ones of other types stay kept). */
  async next<T extends Message['type']>(type: T, timeoutMs = 10_000): Promise<Extract<Message, { type: T }>> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const index = this.inbox.findIndex((m) => m.type === type);
      if (index >= 0) return this.inbox.splice(index, 1)[0] as Extract<Message, { type: T }>;
      if (Date.now() > deadline) throw new Error(`no "${type}" within ${timeoutMs} ms (exit: ${this.exitReason})`);
      await new Promise<void>((wake) => (this.waiters.push(wake), setTimeout(wake, 50)));
    }
  }
  async frame(): Promise<FrameMessage> {
    this.post({ type: 'request-frame' });
    return this.next('frame');
  }
}

const children = new Set<ChildProcess>();

/** Builds the node host once for the calling file (≈ 1.5 s) and returns its path, read inside tests. */
export function useNodeHost(): { entry: () => string } {
  let entry = '';
  beforeAll(async () => {
    entry = await buildNodeTrainer();
  }, 60_000);
  afterEach(() => {
    for (const child of children) child.kill('SIGKILL');
    children.clear();
  });
  afterAll(() => rmSync(dirname(entry), { recursive: true, force: true }));
  return { entry: () => entry };
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
