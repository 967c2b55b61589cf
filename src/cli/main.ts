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
    (wantsHelp ? console.log : console.error)(overview(wantsHelp ? undefined : argv[0]));
    return wantsHelp ? 0 : 2;
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
      console.error(`dialgraph ${command.name}: ${(error as Error).message}\n\n${commandHelp(command)}`);
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
    args: [...args],
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

function overview(unknown?: string): string {
  const lines = unknown ? [`Unknown command "${unknown}".`, ''] : [];
  lines.push('dialgraph — GraphQL analytics gateway for call data', '', 'Usage: dialgraph <command> [flags]', '', 'Commands:');
  for (const command of COMMANDS) lines.push(`  ${command.name.padEnd(14)} ${command.summary}`);
  lines.push('', 'Run "dialgraph <command> --help" for its flags.');
  return lines.join('\n');
}
