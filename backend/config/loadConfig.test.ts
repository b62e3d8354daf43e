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
