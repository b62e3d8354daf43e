import { closeSync, existsSync, fstatSync, mkdirSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';

/**
 * A size-rotated log file: `backend.log` is written until the next write would take it past
 * `maxBytes`, then `backend.log` → `backend.log.1` → … → `backend.log.<maxFiles-1>` (the oldest
 * is dropped). The plan is pure and tested; the class does the file I/O, synchronously, so a
 * crash loses nothing that was written.
 */
export interface RotationPolicy {
  maxBytes: number;
  /** Files kept in total, the live one included (≥ 1). */
  maxFiles: number;
}

export const BACKEND_LOG_POLICY: RotationPolicy = { maxBytes: 5 * 1024 * 1024, maxFiles: 3 };

/** True when `incoming` bytes would take the file past the limit (a file never rotates while empty). */
export function needsRotation(currentSize: number, incoming: number, policy: RotationPolicy): boolean {
  return currentSize > 0 && currentSize + incoming > policy.maxBytes;
}

export type RotationStep = { op: 'delete'; path: string } | { op: 'rename'; from: string; to: string };

/** The steps that rotate `base`, oldest first, so no rename overwrites a file still to be moved. */
export function rotationPlan(base: string, policy: RotationPolicy): RotationStep[] {
  if (!Number.isInteger(policy.maxFiles) || policy.maxFiles < 1) throw new RangeError(`maxFiles must be ≥ 1, got ${policy.maxFiles}`);
  const name = (i: number) => (i === 0 ? base : `${base}.${i}`);
  const last = policy.maxFiles - 1;
  if (last === 0) return [{ op: 'delete', path: base }];
  const steps: RotationStep[] = [{ op: 'delete', path: name(last) }];
  for (let i = last - 1; i >= 0; i--) steps.push({ op: 'rename', from: name(i), to: name(i + 1) });
  return steps;
}

export class RotatingLogFile {
  private fd: number;
  private size: number;

  constructor(
    readonly path: string,
    private readonly policy: RotationPolicy = BACKEND_LOG_POLICY,
  ) {
    mkdirSync(dirname(path), { recursive: true });
    this.fd = openSync(path, 'a', 0o600);
    this.size = fstatSync(this.fd).size;
  }

  write(chunk: string | Uint8Array): void {
    const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
    if (needsRotation(this.size, bytes.length, this.policy)) this.rotate();
    writeSync(this.fd, bytes);
    this.size += bytes.length;
  }

  close(): void {
    closeSync(this.fd);
  }

  private rotate(): void {
    closeSync(this.fd);
    for (const step of rotationPlan(this.path, this.policy)) {
      if (step.op === 'delete') rmSync(step.path, { force: true });
      else if (existsSync(step.from)) renameSync(step.from, step.to);
    }
    this.fd = openSync(this.path, 'a', 0o600);
    this.size = 0;
  }
}
