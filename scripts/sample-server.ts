import { spawn, type ChildProcess } from 'node:child_process';

/**
 * Starts `dialgraph serve` as `npm start` does (sample data, demo keys) on a free loopback port;
 * resolves with its GraphQL endpoint once it prints it.
 */
export async function startSampleServer(extraArgs: string[] = [], env: Record<string, string | undefined> = {}): Promise<{ endpoint: string; stop: () => Promise<void> }> {
  const bin = new URL('../bin/dialgraph.js', import.meta.url).pathname;
  const child = spawn(process.execPath, ['--min-semi-space-size=16', bin, 'serve', '--port', '0', '--host', '127.0.0.1', ...extraArgs], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, PORT: undefined, MONGODB_URI: undefined, ...env },
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
