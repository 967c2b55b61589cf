import { createServer, type Server } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { closest, main } from '../../src/cli/main.ts';
import { connectingLine } from '../../src/cli/mongo-connection.ts';

/**
 * The CLI's answers to a person's mistakes, run in-process: one line plus a hint, a "did you
 * mean", group help for `keys`, clear port messages, and a busy port found before any data is
 * generated.
 */
let out: string[];
let err: string[];
let stderrWrites: string[];
afterEach(() => vi.restoreAllMocks());

function capture() {
  out = [];
  err = [];
  stderrWrites = [];
  vi.spyOn(console, 'log').mockImplementation((...a: unknown[]) => void out.push(a.join(' ')));
  vi.spyOn(console, 'error').mockImplementation((...a: unknown[]) => void err.push(a.join(' ')));
  vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => (stderrWrites.push(String(chunk)), true));
}

describe('dialgraph usage errors', () => {
  it('keys --help lists the keys commands; keys alone too, with exit 2', async () => {
    capture();
    expect(await main(['keys', '--help'])).toBe(0);
    expect(out.join('\n')).toContain('keys create');
    capture();
    expect(await main(['keys'])).toBe(2);
    expect(out.join('\n')).toContain('Usage: dialgraph keys <command>');
  });

  it('suggests the command meant', async () => {
    capture();
    expect(await main(['serv'])).toBe(2);
    expect(err).toEqual(['dialgraph: unknown command "serv". Did you mean "serve"? Run "dialgraph --help" for the commands.']);
    capture();
    expect(await main(['keys', 'creat'])).toBe(2);
    expect(err[0]).toContain('Did you mean "keys create"?');
    capture();
    expect(await main(['frobnicate'])).toBe(2);
    expect(err[0]).not.toContain('Did you mean');
  });

  it('answers a bad flag in one line with a hint, and suggests the flag meant', async () => {
    capture();
    expect(await main(['serve', '--prot', '3'])).toBe(2);
    expect(err).toEqual(['dialgraph serve: unknown flag --prot; did you mean --port? (see "dialgraph serve --help")']);
  });

  it.each([
    ['-1', '-1'],
    ['abc', 'abc'],
    ['70000', '70000'],
    ['1.5', '1.5'],
  ])('says what a port must be for --port %s', async (value, shown) => {
    capture();
    expect(await main(['serve', '--port', value])).toBe(2);
    expect(err).toEqual([`dialgraph serve: --port must be a whole number from 0 to 65535 (0 picks a free port), got "${shown}" (see "dialgraph serve --help")`]);
  });

  it('names a flag left without its value', async () => {
    capture();
    expect(await main(['serve', '--port'])).toBe(2);
    expect(err[0]).toContain('--port needs a value');
  });

  it('knows near misses and nothing else', () => {
    expect(closest('serv', ['serve', 'sample', 'seed'])).toBe('serve');
    expect(closest('sed', ['serve', 'sample', 'seed'])).toBe('seed');
    expect(closest('xyz', ['serve', 'sample', 'seed'])).toBeUndefined();
  });
});

describe('dialgraph serve on a busy port', () => {
  let busy: Server;
  let port: number;
  beforeAll(async () => {
    busy = createServer();
    await new Promise<void>((resolve) => busy.listen(0, '127.0.0.1', resolve));
    port = (busy.address() as { port: number }).port;
  });
  afterAll(() => new Promise<void>((resolve) => busy.close(() => resolve())));

  it('fails at once, before generating any data, and says what to do', async () => {
    capture();
    expect(await main(['serve', '--port', String(port), '--host', '127.0.0.1', '--sample-calls', '200000'])).toBe(2);
    expect(err.join('\n')).toContain(`port ${port} on 127.0.0.1 is already in use`);
    expect(err.join('\n')).toContain('--port <n> (0 picks a free port)');
    expect(stderrWrites.join('')).not.toContain('sample calls generated');
  });
});

describe('MongoDB commands say where and how long they wait', () => {
  it('shows the hosts without credentials and the selection timeout', () => {
    expect(connectingLine('mongodb://u:secret@db1:27017,db2:27017/?replicaSet=rs', 'dialgraph')).toBe(
      'Connecting to MongoDB at db1:27017,db2:27017 (database "dialgraph"); waiting up to 5 s for a server…',
    );
    expect(connectingLine('mongodb+srv://cluster.example.net/x?serverSelectionTimeoutMS=2500', 'calls')).toContain('cluster.example.net (database "calls"); waiting up to 2.5 s');
  });
});
