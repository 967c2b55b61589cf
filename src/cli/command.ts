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

/**
 * A boolean flag. On the command line it is a bare flag; from the environment it arrives as
 * text (`1`/`true`/`yes`/`on` or `0`/`false`/`no`/`off`), and anything else is a usage error.
 */
export function readBooleanFlag(values: OptionValues, flag: string): boolean {
  const raw = values[flag];
  if (typeof raw === 'boolean') return raw;
  if (raw === undefined || raw === '') return false;
  const text = raw.trim().toLowerCase();
  if (['1', 'true', 'yes', 'on'].includes(text)) return true;
  if (['0', 'false', 'no', 'off'].includes(text)) return false;
  throw new UsageError(`--${flag} takes no value; as an environment variable use 1/true or 0/false, got "${raw}"`);
}
