/** A data set as flat row-major typed arrays (built by ./data.ts; its own file so that ./datasets/ can name it without a loop). */
export interface Dataset {
  readonly rows: number;
  /** Features per row. */
  readonly inputs: number;
  /** Targets per row. */
  readonly outputs: number;
  /** rows × inputs, row-major. */
  readonly x: Float64Array;
  /** rows × outputs, row-major. */
  readonly y: Float64Array;
  /** The columns' names (`data.names`, a CSV file's header), when the data have them. */
  readonly names?: { readonly x: readonly string[]; readonly y: readonly string[] };
  /** The held-out rows (`data.test`), never trained on; left out when none are held out. */
  readonly test?: Dataset;
  /** Classes of a classification set, whose targets are one-hot rows (one column per class). */
  readonly classes?: number;
}
