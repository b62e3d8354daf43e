import { describe, expect, it } from 'vitest';
import { customerSentiment, priorityHintAfter } from './sentimentHint';

describe('priority hint from the customer sentiment (SP-04)', () => {
  it('raises HIGH after a NEGATIVE message when the priority is below HIGH', () => {
    expect(priorityHintAfter({ priority: 'NORMAL', priority_hint: null }, 'NEGATIVE')).toBe('HIGH');
    expect(priorityHintAfter({ priority: 'LOW', priority_hint: null }, 'NEGATIVE')).toBe('HIGH');
    expect(priorityHintAfter({ priority: 'HIGH', priority_hint: null }, 'NEGATIVE')).toBeNull();
    expect(priorityHintAfter({ priority: 'URGENT', priority_hint: null }, 'NEGATIVE')).toBeNull();
  });
  it('clears it after a message that is not negative, and leaves it when unknown', () => {
    expect(priorityHintAfter({ priority: 'NORMAL', priority_hint: 'HIGH' }, 'POSITIVE')).toBeNull();
    expect(priorityHintAfter({ priority: 'NORMAL', priority_hint: 'HIGH' }, null)).toBeUndefined();
  });
  it('uses the local sentiment model on customer text', () => {
    expect(customerSentiment('Giao hàng quá chậm, tôi rất thất vọng và bực mình')).toBe('NEGATIVE');
  });
});
