-- SLA and workload dashboards (issue 10): agents belong to a team, and a ticket keeps when it was
-- resolved (updated_at moves on with later messages, so it cannot stand in for it).
ALTER TABLE support_agents ADD COLUMN IF NOT EXISTS team TEXT;
ALTER TABLE support_tickets ADD COLUMN IF NOT EXISTS resolved_at TIMESTAMPTZ;
-- Tickets resolved before this migration: their last update is the best known resolution time.
UPDATE support_tickets SET resolved_at = updated_at WHERE status IN ('RESOLVED', 'CLOSED') AND resolved_at IS NULL;
-- Reports cover tickets opened in a range; the analytics sync reads what changed since a watermark.
CREATE INDEX IF NOT EXISTS support_tickets_created ON support_tickets (created_at);
CREATE INDEX IF NOT EXISTS support_tickets_updated ON support_tickets (updated_at);
