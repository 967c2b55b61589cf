/** Where in a data file a problem is. */
export interface DataFileErrorOptions {
  /** The file, as the user named it. */
  readonly path: string;
  /** 1-based line (NDJSON files). */
  readonly line?: number;
  /** 0-based array index (JSON array files such as `--keys`). */
  readonly entry?: number;
  /** The field at fault (`ai_score`, `transfers[0].at`), when one is. */
  readonly field?: string;
  /** What is wrong, e.g. `started_at is missing or not a date`. */
  readonly problem: string;
  readonly cause?: unknown;
}

/**
 * A data file (`--data` calls, `--keys`) cannot be loaded. The message reads like a compiler
 * diagnostic so the user can jump to the spot: `calls.ndjson:17: started_at is missing or
 * not a date`, `keys.json[2]: role "admin" is not one of user, super_admin`.
 */
export class DataFileError extends Error {
  override readonly name = 'DataFileError';
  readonly path: string;
  /** 1-based line number, when the problem is on one line. */
  readonly line?: number;
  /** 0-based entry index, when the problem is in one array entry. */
  readonly entry?: number;
  /** The field at fault, when one is. */
  readonly field?: string;
  /** The problem without the location prefix. */
  readonly problem: string;

  constructor(options: DataFileErrorOptions) {
    const { path, line, entry, field, problem, cause } = options;
    const where = line !== undefined ? `${path}:${line}` : entry !== undefined ? `${path}[${entry}]` : path;
    super(`${where}: ${problem}`, cause === undefined ? undefined : { cause });
    this.path = path;
    this.line = line;
    this.entry = entry;
    this.field = field;
    this.problem = problem;
  }
}
