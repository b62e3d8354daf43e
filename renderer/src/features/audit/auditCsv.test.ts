import { describe, expect, it } from 'vitest';
import { auditCsv, detailText } from './auditCsv';

describe('audit CSV', () => {
  it('writes one row per entry with where-from in its own columns, formula-safe', () => {
    const { fileName, csv } = auditCsv(
      [{ id: '1', agentId: 'a1', agentName: 'Sơn', action: 'PII_UNMASKED', ticketId: null, customerId: 'C0000005', at: '2026-12-02T10:00:00.000Z', details: { customer_id: 'C0000005', reason: '=HYPERLINK("x")', ip: '127.0.0.1', user_agent: 'UA' } }],
      ['at', 'agent', 'agentId', 'action', 'customer', 'ticket', 'ip', 'ua', 'details'],
      '2026-12-02',
    );
    expect(fileName).toBe('audit-2026-12-02.csv');
    const lines = csv.split('\r\n');
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain('2026-12-02T10:00:00.000Z,Sơn,a1,PII_UNMASKED,C0000005,,127.0.0.1,UA,');
    expect(lines[1]).toContain(`"'reason==HYPERLINK(""x"")"`.replace("'reason", 'reason'));
  });
  it('leaves ip, user agent and customer out of the details text', () => {
    expect(detailText({ ip: '1', user_agent: 'x', customer_id: 'C1', reason: 'r', from: null })).toBe('reason=r; from=null');
  });
});
