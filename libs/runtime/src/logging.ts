import type { LoggerService, LogLevel } from '@nestjs/common';
import pino, { type DestinationStream, type Logger } from 'pino';

// One log format for every process and every source: JSON lines from pino, `{level, time, msg, ...}`.
// Nest's own logs (and every `new Logger(Context)` in the code) go through NestPinoLogger; the API's
// request lines through pino-http (apps/api/src/http/request-log.ts) on a logger made here.

/** A pino logger in the common format; default: stdout, written asynchronously. */
export function createLogger(destination?: DestinationStream, level: pino.LevelWithSilent = 'info'): Logger {
  return pino(
    { base: null, level, timestamp: pino.stdTimeFunctions.isoTime, formatters: { level: (label) => ({ level: label }) } },
    destination ?? pino.destination({ dest: 1, sync: false }),
  );
}

const LEVELS: Record<LogLevel, pino.Level> = { fatal: 'fatal', error: 'error', warn: 'warn', log: 'info', debug: 'debug', verbose: 'trace' };

/**
 * Nest's LoggerService on pino: `{level, time, context, msg}`. (nestjs-pino does this too, but its
 * releases for Nest 12 need Node 22.12, and this project runs on Node 20.)
 */
export class NestPinoLogger implements LoggerService {
  constructor(private readonly logger: Logger) {}

  log(message: unknown, ...rest: unknown[]): void {
    this.write('log', message, rest);
  }
  error(message: unknown, ...rest: unknown[]): void {
    this.write('error', message, rest);
  }
  warn(message: unknown, ...rest: unknown[]): void {
    this.write('warn', message, rest);
  }
  debug(message: unknown, ...rest: unknown[]): void {
    this.write('debug', message, rest);
  }
  verbose(message: unknown, ...rest: unknown[]): void {
    this.write('verbose', message, rest);
  }
  fatal(message: unknown, ...rest: unknown[]): void {
    this.write('fatal', message, rest);
  }

  /** Nest passes the context last, and an error's stack before it. */
  private write(level: LogLevel, message: unknown, rest: unknown[]): void {
    const context = typeof rest.at(-1) === 'string' ? (rest.at(-1) as string) : undefined;
    const stack = level === 'error' && typeof rest[0] === 'string' && rest.length > 1 ? rest[0] : undefined;
    const fields = { ...(context ? { context } : {}), ...(stack ? { stack } : {}) };
    if (message instanceof Error) this.logger[LEVELS[level]]({ ...fields, err: message }, message.message);
    else if (typeof message === 'object' && message !== null) this.logger[LEVELS[level]]({ ...fields, ...message });
    else this.logger[LEVELS[level]](fields, String(message));
  }
}
