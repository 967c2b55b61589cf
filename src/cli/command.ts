/**
 * One CLI subcommand. `src/cli/main.ts` parses flags with node:util `parseArgs`, fills unset
 * flags from their environment variable and then from `default`, prints `--help` from this
 * description, and calls `run`.
 */
export interface CommandOption {
  type: 'string' | 'boolean';
  /** Environment variable that supplies the flag when it is not given. */
  env: string;
  description: string;
  default?: string | boolean;
  /** Shown in help as `--flag <placeholder>`. */
  placeholder?: string;
}

export type OptionValues = Record<string, string | boolean | undefined>;

export interface Command {
  /** Words after `dialgraph`, e.g. `serve` or `keys create`. */
  name: string;
  summary: string;
  options: Record<string, CommandOption>;
  run(values: OptionValues): Promise<void>;
}

/** A command-line mistake: printed without a stack trace, exit code 2. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

/** Reads a flag that must be a positive integer. */
export function readPositiveInt(values: OptionValues, flag: string): number | undefined {
  const raw = values[flag];
  if (raw === undefined || raw === '') return undefined;
  const n = Number(raw);
  if (!Number.isSafeInteger(n) || n < 1) throw new UsageError(`--${flag} must be a positive integer, got "${String(raw)}"`);
  return n;
}
