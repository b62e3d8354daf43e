import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { EVENT_SOURCES, EVENT_TYPES } from './events';
import { NOTIFICATION_TYPES } from './model';

const doc = parse(readFileSync(fileURLToPath(new URL('./asyncapi.yaml', import.meta.url)), 'utf8')) as {
  components: { messages: Record<string, { payload: { properties: Record<string, { enum?: string[] }> } }> };
};

describe('asyncapi.yaml matches the TypeScript contracts', () => {
  it('lists exactly the event types and sources of the envelope', () => {
    const props = doc.components.messages.EventEnvelope!.payload.properties;
    expect(props.type!.enum).toEqual([...EVENT_TYPES]);
    expect(props.source!.enum).toEqual([...EVENT_SOURCES]);
  });
  it('lists exactly the notification types', () => {
    expect(doc.components.messages.Notification!.payload.properties.type!.enum).toEqual([...NOTIFICATION_TYPES]);
  });
});
