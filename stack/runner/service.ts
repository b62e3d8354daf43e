// What every engine of the runner provides; cli.ts drives them in services.ts's order.
export interface Service {
  name: string;
  port: number;
  /** A substring of the started process's command line: proves a recorded pid is still ours. */
  marker: string;
  startTimeoutMs: number;
  install(): void;
  /** Starts the process; returns its pid and log. */
  start(): { pid: number; log: string };
  /** A real request to the engine (not just an open port). */
  probe(): Promise<boolean>;
  /** One-time setup after the first successful probe (roles, topics, schema). Idempotent. */
  afterReady?(): Promise<void>;
  stop(pid: number): Promise<void>;
}
