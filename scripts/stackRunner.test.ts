import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { STACK_PORTS } from '../common/stackPorts';
import { portVariable, runnerPorts } from '../stack/runner/ports';

const RUNNER = resolve(import.meta.dirname, '..', 'stack', 'runner');

function runnerFiles(dir = RUNNER): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? runnerFiles(join(dir, e.name)) : e.name.endsWith('.ts') && !e.name.endsWith('.test.ts') ? [join(dir, e.name)] : []));
}

/** Relative imports of a file, static and dynamic, resolved to files of the runner. */
function localImports(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const specs = [...text.matchAll(/(?:from|import\()\s*'(\.{1,2}\/[^']+)'/g)].map((m) => m[1] as string);
  return specs.map((s) => `${resolve(dirname(file), s)}.ts`).filter((f) => f.startsWith(RUNNER));
}

function findCycle(graph: Map<string, string[]>): string[] | null {
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const visit = (n: string): string[] | null => {
    if (state.get(n) === 'done') return null;
    if (state.get(n) === 'open') return [...stack.slice(stack.indexOf(n)), n];
    state.set(n, 'open');
    stack.push(n);
    for (const m of graph.get(n) ?? []) {
      const c = visit(m);
      if (c) return c;
    }
    stack.pop();
    state.set(n, 'done');
    return null;
  };
  for (const n of graph.keys()) {
    const c = visit(n);
    if (c) return c;
  }
  return null;
}

describe('stack/runner layout', () => {
  const files = runnerFiles();
  const graph = new Map(files.map((f) => [f, localImports(f)]));

  it('has no import cycle, static or dynamic', () => {
    expect(files.length).toBeGreaterThan(10);
    expect(findCycle(graph)?.map((f) => f.slice(RUNNER.length + 1)) ?? null).toBeNull();
  });

  it('the cycle check finds a cycle when there is one', () => {
    expect(findCycle(new Map([['a', ['b']], ['b', ['c']], ['c', ['a']]]))).toEqual(['a', 'b', 'c', 'a']);
  });

  it('names no engine port outside ports.ts (they come from common/stackPorts.ts)', () => {
    const ports = new Set(Object.values(STACK_PORTS).map(String));
    const offenders = files
      .filter((f) => !f.endsWith('ports.ts'))
      .flatMap((f) => [...readFileSync(f, 'utf8').matchAll(/\b5\d{4}\b/g)].filter((m) => ports.has(m[0])).map((m) => `${f.slice(RUNNER.length + 1)}: ${m[0]}`));
    expect(offenders).toEqual([]);
  });

  it('writes no Kafka wire protocol by hand (the project Kafka client does it)', () => {
    const offenders = files.filter((f) => /writeInt16BE|tcpExchange/.test(readFileSync(f, 'utf8')));
    expect(offenders).toEqual([]);
  });
});

describe('runner ports', () => {
  it('defaults to the shared table and takes CS360_<ENGINE>_PORT overrides', () => {
    expect(runnerPorts({})).toEqual(STACK_PORTS);
    expect(runnerPorts({ CS360_KAFKA_PORT: '49092' }).kafka).toBe(49092);
    expect(portVariable('cassandraStorage')).toBe('CS360_CASSANDRA_STORAGE_PORT');
    expect(runnerPorts({ CS360_CASSANDRA_STORAGE_PORT: '47000' }).cassandraStorage).toBe(47000);
  });
  it('refuses a value that is not a port', () => {
    expect(() => runnerPorts({ CS360_REDIS_PORT: 'abc' })).toThrow(/CS360_REDIS_PORT=abc is not a TCP port/);
    expect(() => runnerPorts({ CS360_REDIS_PORT: '70000' })).toThrow(/not a TCP port/);
  });
});
