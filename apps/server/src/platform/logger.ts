import pino, { type Logger } from 'pino';

/** The process logger: JSON lines to stdout. */
export function createLogger(level: string, name = 'zhanggui'): Logger {
  return pino({ name, level, base: { pid: process.pid } });
}
export type { Logger };
