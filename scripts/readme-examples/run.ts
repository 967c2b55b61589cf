import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import type { ReadmeExample } from './parse.ts';

const run = promisify(execFile);

/** Examples that exist to show an error. */
export const ERROR_EXAMPLES = new Set(['bad-limit']);

/** The key the README's GraphQL examples run with, as written in the README. */
export const README_KEY = 'dg_demo_acme_health_account_key';

/** Runs one example against a dialgraph at `endpoint` and returns the parsed JSON answer. */
export async function runExample(example: ReadmeExample, endpoint: string): Promise<unknown> {
  if (example.kind === 'graphql') {
    const response = await fetch(endpoint, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${README_KEY}` },
      body: JSON.stringify({ query: example.code }),
    });
    return response.json();
  }
  // A shell example is run as written, pointed at this server instead of port 4000.
  const { origin } = new URL(endpoint);
  const command = example.code.replaceAll('localhost:4000', origin.replace(/^http:\/\//, ''));
  const { stdout } = await run('bash', ['-c', command], { timeout: 30_000 });
  try {
    return JSON.parse(stdout);
  } catch {
    throw new Error(`example "${example.id}" did not print JSON: ${stdout.slice(0, 200)}`);
  }
}

/** What makes an answer unfit for the README: errors, or data that is empty. */
export function problemsOf(id: string, answer: unknown, expectErrors: boolean): string[] {
  const { data, errors } = (answer ?? {}) as { data?: unknown; errors?: unknown[] };
  if (expectErrors) return errors?.length ? [] : [`example "${id}" should show an error but got none`];
  const problems: string[] = [];
  if (errors?.length) problems.push(`example "${id}" answered errors: ${JSON.stringify(errors)}`);
  if (isEmpty(data)) problems.push(`example "${id}" answered empty data: ${JSON.stringify(data)}`);
  return problems;
}

/** Empty: null, [], or an object whose every member is empty (zeros count as values). */
function isEmpty(value: unknown): boolean {
  if (value === null || value === undefined) return true;
  if (Array.isArray(value)) return value.length === 0 || value.every(isEmpty);
  if (typeof value === 'object') return Object.values(value).every(isEmpty);
  return false;
}
