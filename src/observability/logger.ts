import pino, { type Logger as PinoLogger, type DestinationStream } from 'pino';
import type { Logger } from '../graphql/errors.ts';

export type LogLevel = 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
export const LOG_LEVELS: readonly LogLevel[] = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];

/**
 * JSON lines on stdout (DESIGN 7). `redact` is a second fence: no code path logs a key or a
 * request body, and should one ever try, these paths are censored.
 */
export function createLogger(options: { level: LogLevel; destination?: DestinationStream }): PinoLogger {
  return pino(
    {
      level: options.level,
      base: { service: 'dialgraph' },
      timestamp: pino.stdTimeFunctions.isoTime,
      redact: { paths: ['authorization', 'headers.authorization', 'key', 'apiKey', 'variables', 'query'], censor: '[redacted]' },
    },
    options.destination,
  );
}

/** The console-shaped logger the gateway's error paths take, writing structured lines. */
export function consoleLogger(log: PinoLogger): Logger {
  const write = (level: 'error' | 'warn' | 'info') => (message?: unknown, ...rest: unknown[]) => {
    const err = rest.find((value) => value instanceof Error);
    if (err) log[level]({ err }, String(message));
    else log[level](String(message));
  };
  return { error: write('error'), warn: write('warn'), info: write('info') };
}
