import { parseArgs } from 'node:util';
import { UsageError, type Command, type OptionValues } from './command.ts';
import { indexesCommand } from './commands/indexes.ts';
import { keysCreateCommand } from './commands/keys-create.ts';
import { sampleCommand } from './commands/sample.ts';
import { seedCommand } from './commands/seed.ts';
import { serveCommand } from './commands/serve.ts';

const COMMANDS: readonly Command[] = [serveCommand, sampleCommand, seedCommand, indexesCommand, keysCreateCommand];

/** `dialgraph <command> [flags]`; returns the process exit code. */
export async function main(argv: readonly string[]): Promise<number> {
  const command = COMMANDS.find((c) => startsWith(argv, c.name.split(' ')));
  if (!command) {
    const wantsHelp = argv.length === 0 || argv[0] === '--help' || argv[0] === '-h' || argv[0] === 'help';
    if (wantsHelp) {
      console.log(overview());
      return 0;
    }
    // A group word (`keys`) alone or with --help: the help of its subcommands.
    const group = COMMANDS.filter((c) => c.name.split(' ').length > 1 && c.name.split(' ')[0] === argv[0]);
    if (group.length && (argv.length === 1 || argv[1] === '--help' || argv[1] === '-h')) {
      console.log(groupHelp(argv[0], group));
      return argv.length === 1 ? 2 : 0;
    }
    const typed = group.length ? argv.slice(0, 2).join(' ') : (argv[0] ?? '');
    const suggestion = closest(typed, COMMANDS.map((c) => c.name));
    console.error(`dialgraph: unknown command "${typed}".${suggestion ? ` Did you mean "${suggestion}"?` : ''} Run "dialgraph --help" for the commands.`);
    return 2;
  }
  const rest = argv.slice(command.name.split(' ').length);
  try {
    const values = parseFlags(command, rest);
    if (values.help) {
      console.log(commandHelp(command));
      return 0;
    }
    await command.run(values);
    return 0;
  } catch (error) {
    if (error instanceof UsageError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      // One line and a hint: the whole help would bury the mistake.
      console.error(`dialgraph ${command.name}: ${usageMessage(command, error as Error)} (see "dialgraph ${command.name} --help")`);
      return 2;
    }
    console.error(`dialgraph ${command.name}: ${(error as Error).message}`);
    return 1;
  }
}

function startsWith(argv: readonly string[], words: readonly string[]): boolean {
  return words.every((word, i) => argv[i] === word);
}

/** Flags first, then environment variables, then defaults. */
export function parseFlags(command: Command, args: readonly string[], env: NodeJS.ProcessEnv = process.env): OptionValues {
  const { values } = parseArgs({
    args: joinNegativeValues(command, args),
    options: {
      help: { type: 'boolean', short: 'h' },
      ...Object.fromEntries(Object.entries(command.options).map(([flag, option]) => [flag, { type: option.type }])),
    },
    strict: true,
    allowPositionals: false,
  });
  const resolved: OptionValues = { help: values.help as boolean | undefined };
  for (const [flag, option] of Object.entries(command.options)) {
    const given = (values as Record<string, string | boolean | undefined>)[flag];
    const fromEnv = env[option.env];
    resolved[flag] =
      given ??
      (fromEnv !== undefined && fromEnv !== '' ? (option.type === 'boolean' ? /^(1|true|yes)$/i.test(fromEnv) : fromEnv) : option.default);
  }
  return resolved;
}

export function commandHelp(command: Command): string {
  const lines = [`Usage: dialgraph ${command.name} [flags]`, '', command.summary, '', 'Flags:'];
  for (const [flag, option] of Object.entries(command.options)) {
    const name = option.type === 'boolean' ? `--${flag}` : `--${flag} <${option.placeholder ?? 'value'}>`;
    const fallback = option.default !== undefined ? ` (default: ${String(option.default)})` : '';
    lines.push(`  ${name.padEnd(30)} ${option.description}${fallback} [env ${option.env}]`);
  }
  lines.push(`  ${'--help, -h'.padEnd(30)} Show this help.`);
  return lines.join('\n');
}

/**
 * `--port -1` as `--port=-1`: parseArgs takes a value that starts with a dash for a flag and
 * calls it ambiguous; a negative number is a value, and the flag's own check then names it.
 */
function joinNegativeValues(command: Command, args: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const flag = /^--([\w-]+)$/.exec(args[i])?.[1];
    const next = args[i + 1];
    if (flag && command.options[flag]?.type === 'string' && next !== undefined && /^-\d/.test(next)) {
      out.push(`${args[i]}=${next}`);
      i++;
    } else out.push(args[i]);
  }
  return out;
}

/** parseArgs' messages, shortened and with a did-you-mean for an unknown flag. */
function usageMessage(command: Command, error: Error): string {
  const code = (error as { code?: string }).code;
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') {
    const flag = /'(-{1,2}[^']+)'/.exec(error.message)?.[1] ?? '';
    const suggestion = closest(flag.replace(/^-+/, ''), [...Object.keys(command.options), 'help']);
    return `unknown flag ${flag}${suggestion ? `; did you mean --${suggestion}?` : ''}`;
  }
  if (code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL') {
    const word = /'([^']+)'/.exec(error.message)?.[1] ?? '';
    return `unexpected argument "${word}": every value follows its --flag`;
  }
  if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
    const flag = /'(--[\w-]+)/.exec(error.message)?.[1];
    if (flag && /argument missing/.test(error.message)) return `${flag} needs a value`;
  }
  return error.message;
}

/** The candidate within edit distance 2 (or a third of its length) of `typed`, if any. */
export function closest(typed: string, candidates: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const candidate of candidates) {
    const distance = candidate.startsWith(typed) && typed.length >= 3 ? 1 : editDistance(typed, candidate);
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best !== undefined && bestDistance <= Math.max(2, Math.floor(best.length / 3)) ? best : undefined;
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    previous = current;
  }
  return previous[b.length];
}

function groupHelp(group: string, commands: readonly Command[]): string {
  const lines = [`Usage: dialgraph ${group} <command> [flags]`, '', 'Commands:'];
  for (const command of commands) lines.push(`  ${command.name.padEnd(14)} ${command.summary}`);
  lines.push('', `Run "dialgraph ${commands[0].name} --help" for its flags.`);
  return lines.join('\n');
}

function overview(): string {
  const lines: string[] = [];
  lines.push('dialgraph — GraphQL analytics gateway for call data', '', 'Usage: dialgraph <command> [flags]', '', 'Commands:');
  for (const command of COMMANDS) lines.push(`  ${command.name.padEnd(14)} ${command.summary}`);
  lines.push('', 'Run "dialgraph <command> --help" for its flags.');
  return lines.join('\n');
}
