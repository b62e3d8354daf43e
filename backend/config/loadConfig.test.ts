import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './loadConfig';

describe('loadConfig', () => {
  it('gives zero-setup defaults: embedded mode on 127.0.0.1:4360', () => {
    const c = loadConfig({ argv: [], env: {} });
    expect(c.mode).toBe('embedded');
    expect(c.http).toMatchObject({ host: '127.0.0.1', port: 4360, serveRenderer: false });
    expect(c.demo.customers).toBe(10_000);
  });

  it('layers file < env < flags', () => {
    const file = JSON.stringify({ http: { port: 1111 }, demo: { customers: 50 } });
    const c = loadConfig({ argv: ['--port', '3333', '--web'], env: { CS360_CONFIG: '/x.json', CS360_HTTP__PORT: '2222', CS360_DEMO__CUSTOMERS: '70' }, readFile: () => file });
    expect(c.http.port).toBe(3333);
    expect(c.http.serveRenderer).toBe(true);
    expect(c.demo.customers).toBe(70);
  });

  it('reads camel-cased nested keys from SNAKE_CASE env names', () => {
    const c = loadConfig({ argv: [], env: { CS360_DEMO__TRICKLE_INTERVAL_MS: '0', CS360_HTTP__SERVE_RENDERER: 'false' } });
    expect(c.demo.trickleIntervalMs).toBe(0);
    expect(c.http.serveRenderer).toBe(false);
  });

  it('stops with a message naming the bad field', () => {
    expect(() => loadConfig({ argv: [], env: { CS360_HTTP__PORT: 'seventy' } })).toThrowError(/http\.port/);
    expect(() => loadConfig({ argv: [], env: { CS360_MODE: 'cloud' } })).toThrowError(/mode/);
  });

  it('rejects unknown keys in the file rather than ignoring a typo', () => {
    const err = (() => {
      try {
        loadConfig({ argv: ['--config', 'c.json'], env: {}, readFile: () => '{"htp":{"port":1}}' });
      } catch (e) {
        return e;
      }
    })();
    expect(err).toBeInstanceOf(ConfigError);
    expect((err as ConfigError).problems.join()).toMatch(/htp/);
  });

  it('reports an unreadable config file by path', () => {
    expect(() => loadConfig({ argv: ['--config', 'nope.json'], env: {}, readFile: () => '{oops' })).toThrowError(/nope\.json/);
  });
});

describe('loadConfig: the environment the desktop shell and the runner pass along', () => {
  it('leaves CS360_* variables of other readers alone (desktop shell, stack runner)', () => {
    const c = loadConfig({ argv: [], env: { CS360_NODE: '/usr/bin/node', CS360_KAFKA_PORT: '59092', CS360_DOWNLOAD_HOSTS: 'repo1.maven.org', CS360_UPDATE_FEED_URL: 'https://x', CS360_DATA_DIR: '/tmp/d', CS360_LAUNCH_TOKEN: 'a'.repeat(32) } });
    expect(c.dataDir).toBe('/tmp/d');
    expect(c.auth.launchToken).toBe('a'.repeat(32));
  });

  it('warns about an unknown key inside a configuration section', () => {
    const warnings: string[] = [];
    loadConfig({ argv: [], env: { CS360_HTTP__PROT: '1', CS360_STACK__KAFKA__BROKERZ: 'x' }, warn: (m) => warnings.push(m) });
    expect(warnings).toEqual(['http.prot is not a configuration key; its CS360_ variable is ignored', 'stack.kafka.brokerz is not a configuration key; its CS360_ variable is ignored']);
  });

  it('warns in words about a section joined with a single underscore, and does not apply it', () => {
    const warnings: string[] = [];
    const c = loadConfig({ argv: [], env: { CS360_HTTP_PORT: '5000', CS360_TICKETS_WORKER_ENABLED: 'true' }, warn: (m) => warnings.push(m) });
    expect(c.http.port).toBe(4360);
    expect(warnings).toEqual([
      'CS360_HTTP_PORT is ignored: a configuration variable separates its section with a double underscore (CS360_HTTP__PORT)',
      'CS360_TICKETS_WORKER_ENABLED is ignored: a configuration variable separates its section with a double underscore (CS360_TICKETS_WORKER__ENABLED)',
    ]);
  });
});
