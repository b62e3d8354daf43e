import { describe, expect, it } from 'vitest';
import { EVENT_TYPES, TIMELINE_KINDS } from '../../../common/eventTypes';
import { en } from './en';
import { vi } from './vi';

function keys(obj: object, prefix = ''): string[] {
  return Object.entries(obj).flatMap(([k, v]) => (typeof v === 'string' ? [`${prefix}${k}`] : keys(v as object, `${prefix}${k}.`)));
}

describe('i18n resources', () => {
  it('has the same keys in Vietnamese and English', () => {
    expect(keys(en).sort()).toEqual(keys(vi).sort());
  });
  it('names every event type and timeline kind in both languages', () => {
    for (const type of EVENT_TYPES) {
      const k = type.replace(/\./g, '_') as keyof typeof vi.events;
      expect(vi.events[k], type).toBeTruthy();
      expect(en.events[k], type).toBeTruthy();
    }
    for (const kind of TIMELINE_KINDS) expect(vi.timeline.kinds[kind]).toBeTruthy();
  });
});
