import pino from 'pino';

export type Logger = pino.Logger;

/** One logger; fields ticket_id, agent_id and customer_id are used by name across the backend (seed 002 §6). */
export function createLogger(level: string, file?: string): Logger {
  if (file) return pino({ level }, pino.destination({ dest: file, mkdir: true, sync: false }));
  return pino({ level });
}
