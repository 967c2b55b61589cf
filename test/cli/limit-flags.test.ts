import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

/** The limit flags are validated before anything starts: a clear error, exit code 2. */
const BIN = new URL('../../bin/dialgraph.js', import.meta.url).pathname;

function serve(args: string[], env: Record<string, string> = {}) {
  const result = spawnSync(process.execPath, [BIN, 'serve', '--port', '0', '--sample-calls', '10', ...args], {
    encoding: 'utf8',
    env: { ...process.env, ...env },
    timeout: 60_000,
  });
  return { status: result.status, stderr: result.stderr, stdout: result.stdout };
}

describe('serve limit flags', () => {
  it('refuses a --max-time-ms that is not a positive integer, from the flag or the environment', () => {
    for (const [args, env, shown] of [
      [['--max-time-ms', 'abc'], {}, '"abc"'],
      [['--max-time-ms', '1.5'], {}, '"1.5"'],
      [[], { DIALGRAPH_MAX_TIME_MS: '-5' }, '"-5"'],
    ] as const) {
      const result = serve([...args], env);
      expect(result.status).toBe(2);
      expect(result.stderr).toContain(`--max-time-ms must be a positive integer, got ${shown}`);
      expect(result.stdout).not.toContain('GraphiQL');
    }
  }, 180_000);
});
