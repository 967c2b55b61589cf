import type { DocumentColumns } from '../document-columns.ts';

/** A column the compiled pipeline reads: re-pointed at each partition's column as the scan moves. */
export interface ColumnSlot {
  readonly field: string;
  values: readonly unknown[];
}

const NO_TIMES = new Float64Array(0);

/**
 * Where the scan is. Stages that receive the stored documents straight from the scan (the
 * first ones, up to the first stage that builds or reorders rows) evaluate their expressions
 * only inside `accept`, on the document being scanned. Their field reads are compiled to read
 * the partition's cached column at `index` while the scan is `active` (see `DocumentColumns`),
 * so the document itself is never touched; outside the scan they read the row.
 *
 * Nothing here compares rows with the scanned document: `row === doc` on a cold document
 * costs a cache miss (V8 checks whether it is a number), which is what the columns avoid.
 */
export class ScanCursor {
  /** True while the scan hands documents to the pipeline. */
  active = false;
  /** Index of the current document in its partition. */
  index = 0;
  /** Counts documents handed out: the per-document memo key of shared sub-expressions. */
  seq = 0;
  /** `started_at` in epoch ms of the current partition. */
  times: Float64Array = NO_TIMES;
  private readonly slots = new Map<string, ColumnSlot>();

  /** The slot of a top-level field (one per field, shared by every reader of it). */
  slot(field: string): ColumnSlot {
    let slot = this.slots.get(field);
    if (!slot) {
      slot = { field, values: [] };
      this.slots.set(field, slot);
    }
    return slot;
  }

  /** The top-level fields the pipeline reads through columns. */
  fieldNames(): string[] {
    return [...this.slots.keys()];
  }

  /** Points every slot at a new partition's columns (building a column on its first use). */
  enter(columns: DocumentColumns): void {
    this.times = columns.times;
    const slots = [...this.slots.values()];
    const values = columns.fields(slots.map((slot) => slot.field));
    slots.forEach((slot, i) => (slot.values = values[i]));
    this.active = true;
  }

  /** Moves to the document at `index` of the current partition. */
  moveTo(index: number): void {
    this.index = index;
    this.seq += 1;
  }

  /** After the scan, reads go to the rows again. */
  finish(): void {
    this.active = false;
  }
}
