/**
 * A scenario file whose rows are in a CSV file beside it (`data.csv`, CONTRACTS §10). The desktop app's main
 * process and the command line read that file from the scenario's folder; a page cannot read paths, so it
 * asks for the file: the notice's button opens a picker, or that CSV dropped on the window is taken. The
 * rows then go in as theirs do (`withCsvData`, ../../shared/csv.ts), and the scenario opens as any other.
 */
import { withCsvData } from '../../shared/csv';
import type { Scenario } from '../../shared/scenario';
import { element } from '../dom';
import type { NoticeAction, Notices } from '../notices';
import { csvSizeProblem } from './csv-data';

/** The last part of a path ("data/houses.csv" → "houses.csv"): what a picked or dropped file is called. */
const baseName = (path: string) => path.split(/[\\/]/).at(-1)!;

export class CsvBeside {
  /** The scenario waiting for its rows, with its file's name and the CSV it names. */
  private waiting: { name: string; scenario: Scenario; csv: string } | null = null;
  private readonly input = element('input');

  constructor(
    private readonly notices: Notices,
    /** Opens a scenario that has its rows (the files bar's own path for every file). */
    private readonly open: (name: string, scenario: Scenario) => Promise<void>,
    bar: HTMLElement,
  ) {
    this.input.type = 'file';
    this.input.accept = '.csv,text/csv';
    this.input.hidden = true;
    this.input.dataset.testid = 'csv-beside-input';
    this.input.addEventListener('change', () => {
      const picked = this.input.files?.[0];
      this.input.value = '';
      if (picked) void this.take(picked);
    });
    bar.append(this.input);
  }

  /** Whether `scenario` names a CSV file for its rows: if so, it waits here and the page is asked for that file. */
  ask(name: string, scenario: Scenario): boolean {
    const data = scenario.data;
    if (!data || !('csv' in data)) return false;
    this.waiting = { name, scenario, csv: data.csv };
    this.notices.show(`${name} takes its rows from ${data.csv}: choose that file, or drop it on the window, to open it`, [], 'info', this.choose());
    return true;
  }

  /** The notices' button that opens the picker for the waiting scenario's CSV file. */
  private choose(): NoticeAction {
    return { label: `Choose ${baseName(this.waiting!.csv)}…`, run: () => this.input.click() };
  }

  /** Whether a dropped file is the CSV file a scenario waits for (by its name). */
  wants(file: File): boolean {
    return this.waiting !== null && file.name === baseName(this.waiting.csv);
  }

  /** The waiting scenario with the rows of `picked`; told what is wrong when they do not fit it. */
  async take(picked: File): Promise<void> {
    const waiting = this.waiting;
    if (!waiting) return;
    const unchanged = `${waiting.name} could not be opened with ${picked.name}; the current run is unchanged`;
    // Refused, the scenario still waits: the notice offers the picker again.
    const refuse = (problems: string[]) => this.notices.show(unchanged, problems, 'error', this.choose());
    const tooBig = csvSizeProblem(picked.size); // before reading: a huge file is never loaded into memory
    if (tooBig) return refuse([tooBig]);
    let text: string;
    try {
      text = await picked.text();
    } catch (error) {
      return refuse([error instanceof Error ? error.message : String(error)]);
    }
    // The columns are looked up under the name the scenario gives its file, as main and `lab` do.
    const read = withCsvData(waiting.scenario, text);
    if (!read.ok) return refuse(read.problems);
    this.waiting = null;
    await this.open(waiting.name, read.scenario);
  }
}
