import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

// The Prometheus alert rules (stack/prometheus/alerts.yml) as Prometheus itself reads them: promtool
// (Debian's prometheus package; the CI machine has it). Missing promtool fails, never skips.
const PROMTOOL = process.env.CS360_PROMTOOL ?? '/usr/bin/promtool';
const DIR = 'stack/prometheus';

function promtool(...args: string[]): string {
  if (!existsSync(PROMTOOL)) throw new Error(`promtool not found at ${PROMTOOL}: install Debian's prometheus package (apt-get install prometheus) or set CS360_PROMTOOL`);
  try {
    return execFileSync(PROMTOOL, args, { cwd: DIR, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  } catch (e) {
    const err = e as { stdout?: string; stderr?: string };
    throw new Error(`promtool ${args.join(' ')} failed:\n${err.stdout ?? ''}${err.stderr ?? ''}`, { cause: e });
  }
}

describe('Prometheus alert rules', () => {
  it('pass promtool check rules, with the four seed-002 alerts', () => {
    expect(promtool('check', 'rules', 'alerts.yml')).toContain('SUCCESS: 4 rules found');
  });

  it('are loaded by prometheus.yml (promtool check config)', () => {
    expect(promtool('check', 'config', 'prometheus.yml')).toContain('SUCCESS: 1 rule files found');
  });

  it('fire on the series that should raise them and stay quiet otherwise (promtool test rules)', () => {
    expect(promtool('test', 'rules', 'alerts.test.yml')).toContain('SUCCESS');
  });
});
