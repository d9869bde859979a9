// Structured logs (pino), one JSON line per event; connection and request ids are added by child loggers.
import { pino, type Logger } from 'pino';

export function createLogger(level: string): Logger {
  return pino({ level, base: { service: 'broker' } });
}
