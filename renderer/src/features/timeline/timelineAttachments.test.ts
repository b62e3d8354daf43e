import { describe, expect, it } from 'vitest';
import { attachmentNames, isInternalRow } from './timelineAttachments';

describe('attachments named by a timeline row', () => {
  it('reads a JSON array of names or of attachment objects', () => {
    expect(attachmentNames({ attachments: '["invoice.pdf","photo.png"]' })).toEqual(['invoice.pdf', 'photo.png']);
    expect(attachmentNames({ attachments: '[{"fileName":"a.pdf","key":"cases/x/1-a.pdf"},{"key":"cases/x/2-b.png"}]' })).toEqual(['a.pdf', '2-b.png']);
    expect(attachmentNames({ attachments: '[{"file_name":"c.txt"}]' })).toEqual(['c.txt']);
  });
  it('reads a comma-separated list, and attachment_names as the same', () => {
    expect(attachmentNames({ attachments: 'a.pdf, b.png' })).toEqual(['a.pdf', 'b.png']);
    expect(attachmentNames({ attachment_names: 'c.txt' })).toEqual(['c.txt']);
  });
  it('names none when the payload has none', () => {
    expect(attachmentNames({ message: 'hi' })).toEqual([]);
    expect(attachmentNames({ attachments: '[]' })).toEqual([]);
  });
  it('marks internal notes', () => {
    expect(isInternalRow({ internal: 'true' })).toBe(true);
    expect(isInternalRow({ internal: 'false' })).toBe(false);
    expect(isInternalRow({})).toBe(false);
  });
});
