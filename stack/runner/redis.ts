// Redis (Debian package).
import { join } from 'node:path';
import { HOST, STACK, ensureApt, startDetached, stateDir, stopPid } from './lib';
import { PORTS } from './ports';
import type { Service } from './service';

const REDIS_PORT = PORTS.redis;
export const redis: Service = {
  name: 'redis',
  port: REDIS_PORT,
  marker: 'redis-server',
  startTimeoutMs: 20_000,
  install: () => ensureApt('redis-server', ['redis-server']),
  start: () =>
    startDetached('redis', 'redis-server', [join(STACK, 'redis', 'redis.conf'), '--port', String(REDIS_PORT), '--bind', HOST, '--dir', stateDir('redis'), '--daemonize', 'no', '--logfile', '']),
  async probe() {
    // PING through the project's Redis client (the backend's cache adapter uses the same one).
    const { default: Redis } = await import('ioredis');
    const c = new Redis({ host: HOST, port: REDIS_PORT, lazyConnect: true, connectTimeout: 2000, maxRetriesPerRequest: 0, retryStrategy: () => null });
    try {
      await c.connect();
      return (await c.ping()) === 'PONG';
    } finally {
      c.disconnect();
    }
  },
  stop: (pid) => stopPid(pid, 20_000),
};
