/**
 * Connects the window to the trainer: one utility process under a supervisor, and for each connection
 * (first start, a page reload, a restart after a crash) a MessageChannelMain whose two ends go to the
 * trainer and to the page. Main then steps aside: the page and the trainer talk directly.
 */
import { MessageChannelMain, type BrowserWindow } from 'electron';
import path from 'node:path';
import { sendTrainerLost, sendTrainerPort } from './ipc';
import { TrainerSupervisor, type TrainerProcess } from './supervisor';
import { connectPage, spawnUtilityTrainer } from './utility-process';

let supervisor: TrainerSupervisor | null = null;
let lostReason: string | null = null;

/** Gives `window` a port to the trainer, starting the trainer first if needed. */
export function connectTrainer(window: BrowserWindow): void {
  if (lostReason !== null) return void sendTrainerLost(window, lostReason);
  if (!supervisor) {
    supervisor = new TrainerSupervisor({
      spawn: () => spawnUtilityTrainer(path.join(import.meta.dirname, 'trainer.js')),
      // The first start is handed over below; a restart is handed over here, with its notice.
      onStarted: (process, notice) => notice !== null && handOver(window, process, notice),
      onGaveUp: (reason) => {
        lostReason = reason;
        sendTrainerLost(window, reason);
      },
    });
    supervisor.start();
  }
  const process = supervisor.process;
  if (process) handOver(window, process, null);
}

function handOver(window: BrowserWindow, process: TrainerProcess, notice: string | null): void {
  if (window.isDestroyed()) return;
  const { port1, port2 } = new MessageChannelMain();
  connectPage(process, port1);
  sendTrainerPort(window, port2, notice);
}

/** Ends the trainer (the window closed); a later connect starts a fresh one. */
export function disposeTrainer(): void {
  supervisor?.dispose();
  supervisor = null;
  lostReason = null;
}
