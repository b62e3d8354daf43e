import pino from 'pino';

export type Logger = pino.Logger;

export interface LoggerOptions {
  /** JSON lines to this file (created with its folder). */
  file?: string;
  /** JSON lines to stdout as well: when stdout is not a terminal, or when asked (log.console = json). */
  jsonToStdout?: boolean;
  /** Warnings and errors in words, for a person at the terminal (backend/cli/terminalReporter.ts). */
  onWarning?: (text: string) => void;
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
  const { file, jsonToStdout = true, onWarning } = typeof options === 'string' ? { file: options, jsonToStdout: false } : options;
  const streams: pino.StreamEntry[] = [];
  if (file) streams.push({ level: level as pino.Level, stream: pino.destination({ dest: file, mkdir: true, sync: false }) });
  if (jsonToStdout) streams.push({ level: level as pino.Level, stream: pino.destination(1) });
  if (onWarning) streams.push({ level: 'warn', stream: { write: (line: string) => onWarning(recordText(line)) } });
  if (streams.length === 0) return pino({ level, enabled: false });
  return pino({ level }, pino.multistream(streams));
}
