import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { Lifecycle } from './lifecycle';

const silent = pino({ level: 'silent' });

describe('Lifecycle', () => {
  it('stops parts in reverse start order, each once, past one that fails', async () => {
    const stopped: string[] = [];
    const life = new Lifecycle(silent);
    life.add('adapters', () => void stopped.push('adapters'));
    await life.start({ name: 'relay', start: () => undefined, stop: () => void stopped.push('relay') });
    life.add('pipeline', () => {
      stopped.push('pipeline');
      throw new Error('boom');
    });
    life.add('trickle', async () => void stopped.push('trickle'));
    expect(life.names).toEqual(['adapters', 'relay', 'pipeline', 'trickle']);
    await Promise.all([life.stopAll(), life.stopAll()]);
    await life.stopAll();
    expect(stopped).toEqual(['trickle', 'pipeline', 'relay', 'adapters']);
  });

  it('does not record a part whose start failed', async () => {
    const life = new Lifecycle(silent);
    await expect(
      life.start({
        name: 'projector',
        start: () => Promise.reject(new Error('Kafka down')),
        stop: () => undefined,
      }),
    ).rejects.toThrow('Kafka down');
    expect(life.names).toEqual([]);
  });
});
