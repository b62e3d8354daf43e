import { describe, expect, it } from 'vitest';
import { ticketPermissions } from './ticketPermissions';

describe('ticket permissions by role', () => {
  it('gives an analyst no action control at all', () => {
    const p = ticketPermissions('ANALYST', 'x', null);
    expect(p.visible).toBe(false);
    expect([p.reply, p.status, p.escalate, p.assignAny, p.take]).toEqual([false, false, false, false, false]);
  });
  it('lets a supervisor do everything, including assigning to anyone, on any ticket', () => {
    const p = ticketPermissions('SUPERVISOR', 'sup', 'someone-else');
    expect(p).toMatchObject({ visible: true, reply: true, status: true, escalate: true, assignAny: true, take: false, blocked: null });
  });
  it('lets an agent work their own ticket but not reassign it', () => {
    expect(ticketPermissions('AGENT', 'me', 'me')).toMatchObject({ reply: true, status: true, escalate: true, assignAny: false, take: false, blocked: null });
  });
  it('offers an agent "Take" on an unassigned ticket and nothing else until taken', () => {
    expect(ticketPermissions('AGENT', 'me', null)).toMatchObject({ visible: true, reply: false, status: false, escalate: false, take: true, blocked: 'takeFirst' });
  });
  it('shows an agent another agent\'s ticket read-only, with the reason', () => {
    expect(ticketPermissions('AGENT', 'me', 'other')).toMatchObject({ visible: true, reply: false, take: false, blocked: 'notYours' });
  });
  it('shows nothing before the session is known', () => {
    expect(ticketPermissions(undefined, undefined, null).visible).toBe(false);
  });
});
