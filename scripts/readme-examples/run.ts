import { execFile, spawn, type ChildProcess } from 'node:child_process';
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

/**
 * Starts `dialgraph serve` as `npm start` does (sample data, demo keys) on a free loopback port;
 * resolves with its GraphQL endpoint once it prints it.
 */
export async function startSampleServer(extraArgs: string[] = []): Promise<{ endpoint: string; stop: () => Promise<void> }> {
  const bin = new URL('../../bin/dialgraph.js', import.meta.url).pathname;
  const child = spawn(process.execPath, ['--min-semi-space-size=16', bin, 'serve', '--port', '0', '--host', '127.0.0.1', ...extraArgs], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, PORT: undefined, MONGODB_URI: undefined },
  });
  const endpoint = await new Promise<string>((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`dialgraph serve did not start within 90 s:\n${out}`));
    }, 90_000);
    const onData = (chunk: Buffer) => {
      out += chunk.toString();
      const url = /GraphiQL: (http:\/\/\S+\/graphql)/.exec(out)?.[1];
      if (!url) return;
      clearTimeout(timer);
      resolve(url.replace('//localhost:', '//127.0.0.1:'));
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('exit', (code) => reject(new Error(`dialgraph serve exited with ${code} before serving:\n${out}`)));
  });
  return { endpoint, stop: () => stopChild(child) };
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
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
