-- Case actions (issue 11): a case may be opened about one of the customer's orders, and carries a
-- priority hint raised by the customer's sentiment (SP-04). Internal notes and attachments live in
-- the conversation's metadata (internal, agent_id, attachments), so the CDC-captured tables keep
-- their shape.
ALTER TABLE support_tickets ADD COLUMN IF NOT EXISTS order_id TEXT;
ALTER TABLE support_tickets ADD COLUMN IF NOT EXISTS priority_hint VARCHAR(8);
-- The audit trail of one ticket, oldest first (case actions, the matrix and transaction tests).
CREATE INDEX IF NOT EXISTS support_agent_activity_ticket ON support_agent_activity (ticket_id, at);
