/**
 * The Race tab's "Tune each optimizer" (issue 18, part 4): the criterion, the grid and the step budget, a
 * progress bar with Cancel, and the status line. The tuning's trials run on a pool of workers
 * (../../../trainer/tune-worker.ts); its result, the race at each group's best α, goes to `tuned`, which loads it.
 */
import { tuneResult, type TuneContext, type TuneTrial } from '../../../engine/experiments/tune';
import type { Scenario } from '../../../shared/scenario';
import { defaultTuneOptions, type TuneCommand, type TuneCriterion, type TuneResult } from '../../../shared/tune-messages';
import { element, labelled, numberInput } from '../../dom';
import { JobRunner, startPoolJob, type Job } from '../job';
import { formatAlpha } from './tuned';

function startTune(command: TuneCommand, groups: number, onProgress: (done: number, total: number) => void): Job<TuneResult> {
  return startPoolJob<TuneContext, TuneTrial, TuneResult>(
    'tune',
    {
      open: () => new Worker(new URL('../../../trainer/tune-worker.ts', import.meta.url), { type: 'module', name: 'tune' }),
      command,
      cells: groups * command.count,
      merge: ({ race, plan }, trials) => tuneResult(race, plan, trials),
    },
    onProgress,
  );
}

const criterionTitles: Record<TuneCriterion, string> = {
  'median-steps': 'fewest median steps to the tolerance',
  'final-loss': 'lowest final mean loss',
};

function field(testid: string, value: string, step = 'any'): HTMLInputElement {
  const input = numberInput(value, step);
  input.dataset.testid = testid;
  return input;
}

export class TuneControls {
  readonly element = element('div', undefined, 'race-tune');
  private readonly criterion = element('select');
  private readonly count = field('race-tune-count', String(defaultTuneOptions.count), '1');
  private readonly decades = field('race-tune-decades', String(defaultTuneOptions.decades));
  private readonly epochs = field('race-tune-epochs', '');
  private readonly tune = element('button', 'Tune each optimizer');
  private readonly stop = element('button', 'Cancel');
  private readonly progress = element('progress');
  private readonly status = element('p', '', 'view-note');
  private readonly runner: JobRunner<TuneResult>;

  constructor(
    private readonly race: () => Scenario | null,
    private readonly tuned: (result: TuneResult) => Promise<void>,
  ) {
    for (const c of Object.keys(criterionTitles) as TuneCriterion[]) this.criterion.append(new Option(criterionTitles[c], c));
    this.criterion.dataset.testid = 'race-tune-criterion';
    this.epochs.placeholder = 'the race’s';
    this.tune.dataset.testid = 'race-tune';
    this.tune.title = 'A short learning-rate sweep per group from the race’s own start, then the race at each group’s best α';
    this.stop.dataset.testid = 'race-tune-cancel';
    this.progress.dataset.testid = 'race-tune-progress';
    this.status.dataset.testid = 'race-tune-status';
    this.status.style.whiteSpace = 'pre-line';
    this.runner = new JobRunner({ compute: this.tune, stop: this.stop, progress: this.progress, status: this.status, canvas: this.element }, 'tune');
    const row = element('div', undefined, 'experiment-controls');
    row.style.cssText = 'display:flex;flex-wrap:wrap;gap:0.5rem 1rem;align-items:center;margin:0.25rem 0';
    row.append(
      labelled('Pick by ', this.criterion),
      labelled('α values ', this.count),
      labelled('decades each side ', this.decades),
      labelled('epochs each ', this.epochs),
      this.tune,
      this.stop,
      this.progress,
    );
    this.element.append(row, this.status);
    this.tune.addEventListener('click', () => void this.run());
    this.stop.addEventListener('click', () => this.runner.cancel());
  }

  cancel(): void {
    this.runner.cancel();
  }

  private async run(): Promise<void> {
    const race = this.race();
    const criterion = this.criterion.value as TuneCriterion;
    // Said here, before a worker starts: the two mistakes the tab can see for itself.
    if (!race?.groups) return this.runner.say('Tuning needs a race: load a race preset or build one below first.');
    if (criterion === 'median-steps' && race.tolerance === null)
      return this.runner.say(
        'The median-steps criterion counts the steps to reach the tolerance, and this race has none: set a tolerance, or pick by final loss.',
      );
    const epochs = this.epochs.value.trim() === '' ? undefined : Number(this.epochs.value);
    const command: TuneCommand = { type: 'tune', scenario: race, criterion, decades: Number(this.decades.value), count: Number(this.count.value), epochs };
    const groups = race.groups.length;
    let result: TuneResult | null = null;
    await this.runner.run(
      (onProgress) => startTune(command, groups, onProgress),
      `Tuning ${groups} groups…`,
      (done, total) => `Tuning: ${done} of ${total} trials.`,
      (r) => (result = r),
    );
    if (!result) return;
    const done: TuneResult = result;
    const picks = done.groups.map((g) => `${g.name} α = ${formatAlpha(g.alpha)}`).join(', ');
    this.runner.say(
      [`Tuned over ${done.count} values of α each (${done.epochs} epochs per trial): ${picks}. Racing each at its best α.`, ...done.notes].join('\n'),
    );
    await this.tuned(done).catch((error: unknown) => this.runner.say((error as Error).message));
  }
}
