/**
 * Measurements in a fresh Node process each: the bench bundle forks itself with DESCENT_BENCH_TASK set, and
 * the child runs that one task and answers over IPC. A fresh process gives every measurement the same JIT
 * start: in one long process the code optimised for the first case (its call targets, its closure's
 * constants) is what the later cases run, and the order of the table would change its numbers.
 */
import { fork, type Serializable } from 'node:child_process';
import { fileURLToPath } from 'node:url';

type Task = (input: never) => Promise<unknown> | unknown;
const tasks = new Map<string, Task>();
const variable = 'DESCENT_BENCH_TASK';

/** Makes `run` available to `inChild(name, …)`; call at module load, so that a child finds it too. */
export function registerTask<I, O>(name: string, run: (input: I) => Promise<O> | O): void {
  tasks.set(name, run as Task);
}

/** Runs a registered task in a fresh child process and returns what it returned (structured-cloned). */
export function inChild<O>(name: string, input: unknown, execArgv: string[] = []): Promise<O> {
  return new Promise<O>((resolve, reject) => {
    const child = fork(fileURLToPath(import.meta.url), [], {
      serialization: 'advanced',
      execArgv,
      env: { ...process.env, [variable]: name },
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    let settled = false;
    child.on('message', (message) => {
      const reply = message as unknown as { ok: boolean; value?: O; error?: string };
      settled = true;
      if (reply.ok) resolve(reply.value as O);
      else reject(new Error(`${name}: ${reply.error}`));
      child.disconnect();
    });
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      if (!settled) reject(new Error(`${name}: the child ended (${signal ?? `status ${code}`}) without an answer`));
    });
    child.send(input as Serializable);
  });
}

/** In a child forked by `inChild`: runs its task once the input arrives and answers. Returns whether this is one. */
export function serveTask(): boolean {
  const name = process.env[variable];
  if (!name || !process.send) return false;
  process.once('message', async (input: unknown) => {
    try {
      const task = tasks.get(name);
      if (!task) throw new Error(`no bench task "${name}"`);
      process.send!({ ok: true, value: await task(input as never) });
    } catch (error) {
      process.send!({ ok: false, error: String((error as Error)?.stack ?? error) });
    }
  });
  process.once('disconnect', () => process.exit(0));
  return true;
}
