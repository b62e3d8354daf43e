import pino from 'pino';
import { scrubText } from './services/pii/mask';

export type Logger = pino.Logger;

export interface LoggerOptions {
  /** JSON lines to this file (created with its folder). */
  file?: string;
  /** JSON lines to stdout as well: when stdout is not a terminal, or when asked (log.console = json). */
  jsonToStdout?: boolean;
  /** Warnings and errors in words, for a person at the terminal (backend/cli/terminalReporter.ts). */
  onWarning?: (text: string) => void;
  /** JSON lines to this stream as well (tests capture the log with it). */
  stream?: { write(line: string): void };
}

/**
 * Every line passes through the PII scrubber before it reaches a file, stdout or the terminal:
 * emails and Vietnamese phone numbers are masked (backend/services/pii/mask.ts), wherever they
 * appear (request URLs, error messages, bound fields).
 */
function scrubbed<S extends { write(line: string): unknown }>(stream: S): pino.DestinationStream {
  const s = stream as S & { flushSync?: () => void; end?: () => void; flush?: (cb?: (err?: Error) => void) => void };
  return Object.assign(Object.create(null) as object, {
    write: (line: string) => s.write(scrubText(line, true)),
    ...(s.flushSync ? { flushSync: () => s.flushSync!() } : {}),
    ...(s.flush ? { flush: (cb?: (err?: Error) => void) => s.flush!(cb) } : {}),
    ...(s.end ? { end: () => s.end!() } : {}),
  }) as pino.DestinationStream;
}

/** A pino record's message, with the error's own message when there is one. */
function recordText(line: string): string {
  try {
    const rec = JSON.parse(line) as { msg?: string; err?: { message?: string } };
    return [rec.msg, rec.err?.message].filter(Boolean).join(': ');
  } catch {
    return line.trim();
  }
}

/** One logger; fields ticket_id, agent_id and customer_id are used by name across the backend (seed 002 §6). */
export function createLogger(level: string, options: LoggerOptions | string = {}): Logger {
  const { file, jsonToStdout = true, onWarning, stream } = typeof options === 'string' ? { file: options, jsonToStdout: false } : options;
  const streams: pino.StreamEntry[] = [];
  if (file) streams.push({ level: level as pino.Level, stream: scrubbed(pino.destination({ dest: file, mkdir: true, sync: false })) });
  if (jsonToStdout) streams.push({ level: level as pino.Level, stream: scrubbed(pino.destination(1)) });
  if (onWarning) streams.push({ level: 'warn', stream: { write: (line: string) => onWarning(recordText(scrubText(line, true))) } });
  if (stream) streams.push({ level: level as pino.Level, stream: scrubbed(stream) });
  if (streams.length === 0) return pino({ level, enabled: false });
  return pino({ level }, pino.multistream(streams));
}
