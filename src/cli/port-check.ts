import { createServer } from 'node:net';
import { UsageError } from './command.ts';

/**
 * Fails before any data is generated or loaded when the port cannot be bound, by binding it for
 * a moment. (Another process could still take it in between; `listen` then fails with the
 * same message.)
 */
export async function assertPortFree(port: number, host: string, flag = 'port'): Promise<void> {
  if (port === 0) return;
  await new Promise<void>((resolve, reject) => {
    const probe = createServer();
    probe.once('error', (error) => reject(portError(error, port, host, flag)));
    probe.listen({ port, host, exclusive: true }, () => probe.close(() => resolve()));
  });
}

/** A listen error as an operator-facing message naming the flag to change. */
export function portError(error: unknown, port: number, host: string, flag = 'port'): unknown {
  const code = (error as { code?: string }).code;
  if (code === 'EADDRINUSE') return new UsageError(`port ${port} on ${host} is already in use (another dialgraph?): stop that process, or pass --${flag} <n> (0 picks a free port)`);
  if (code === 'EACCES') return new UsageError(`port ${port} on ${host} needs more privileges: pass --${flag} with a port above 1023`);
  if (code === 'EADDRNOTAVAIL' || code === 'ENOTFOUND') return new UsageError(`--host ${host} is not an address of this machine`);
  return error;
}
