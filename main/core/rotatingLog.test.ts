import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { RotatingLogFile, needsRotation, rotationPlan } from './rotatingLog';

describe('rotation policy', () => {
  const policy = { maxBytes: 100, maxFiles: 3 };

  it.each([
    [0, 500, false],
    [50, 50, false],
    [50, 51, true],
    [100, 1, true],
  ])('size %i + %i bytes → rotate: %s', (size, incoming, expected) => {
    expect(needsRotation(size, incoming, policy)).toBe(expected);
  });

  it('drops the oldest and shifts the rest, oldest first', () => {
    expect(rotationPlan('/l/backend.log', policy)).toEqual([
      { op: 'delete', path: '/l/backend.log.2' },
      { op: 'rename', from: '/l/backend.log.1', to: '/l/backend.log.2' },
      { op: 'rename', from: '/l/backend.log', to: '/l/backend.log.1' },
    ]);
  });

  it('with one file, truncates by deleting it', () => {
    expect(rotationPlan('/l/b.log', { maxBytes: 1, maxFiles: 1 })).toEqual([{ op: 'delete', path: '/l/b.log' }]);
  });

  it('refuses a policy without files', () => {
    expect(() => rotationPlan('/l/b.log', { maxBytes: 1, maxFiles: 0 })).toThrow(RangeError);
  });
});

describe('RotatingLogFile', () => {
  let dir: string;
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('keeps at most maxFiles files of at most maxBytes each, newest lines in the live file', () => {
    dir = mkdtempSync(join(tmpdir(), 'cs360-log-'));
    const path = join(dir, 'logs', 'backend.log');
    const log = new RotatingLogFile(path, { maxBytes: 100, maxFiles: 3 });
    for (let i = 0; i < 50; i++) log.write(`line ${String(i).padStart(3, '0')} ${'x'.repeat(10)}\n`);
    log.close();
    expect(readdirSync(join(dir, 'logs')).sort()).toEqual(['backend.log', 'backend.log.1', 'backend.log.2']);
    for (const f of readdirSync(join(dir, 'logs'))) expect(statSync(join(dir, 'logs', f)).size).toBeLessThanOrEqual(100);
    expect(readFileSync(path, 'utf8')).toContain('line 049');
    expect(readFileSync(`${path}.2`, 'utf8')).not.toContain('line 000');
  });

  it('appends to an existing file across restarts', () => {
    dir = mkdtempSync(join(tmpdir(), 'cs360-log-'));
    const path = join(dir, 'backend.log');
    new RotatingLogFile(path, { maxBytes: 1000, maxFiles: 2 }).write('first\n');
    const again = new RotatingLogFile(path, { maxBytes: 1000, maxFiles: 2 });
    again.write('second\n');
    again.close();
    expect(readFileSync(path, 'utf8')).toBe('first\nsecond\n');
  });
});
