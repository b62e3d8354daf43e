-- A change sequence on tickets (issue 10): every insert or update of a ticket, and every message
-- added to it, gives the ticket a new change_seq, so a reader (the embedded analytics replica,
-- backend/adapters/embedded/sqliteAnalyticsStore.ts) can pull exactly what changed since its last
-- read. Event times cannot serve as the watermark: demo history is loaded after live writes may
-- have happened, with older times.
CREATE SEQUENCE IF NOT EXISTS support_ticket_change_seq;
ALTER TABLE support_tickets ADD COLUMN IF NOT EXISTS change_seq BIGINT NOT NULL DEFAULT nextval('support_ticket_change_seq');
CREATE INDEX IF NOT EXISTS support_tickets_change_seq ON support_tickets (change_seq);

CREATE OR REPLACE FUNCTION support_ticket_touch() RETURNS trigger AS $$
BEGIN
  NEW.change_seq := nextval('support_ticket_change_seq');
  RETURN NEW;
END $$ LANGUAGE plpgsql;
DROP TRIGGER IF EXISTS support_tickets_touch ON support_tickets;
CREATE TRIGGER support_tickets_touch BEFORE UPDATE ON support_tickets FOR EACH ROW EXECUTE FUNCTION support_ticket_touch();

-- One statement-level trigger per insert statement (a bulk load of 10,000 messages touches each ticket once).
CREATE OR REPLACE FUNCTION support_conversation_touch() RETURNS trigger AS $$
BEGIN
  UPDATE support_tickets t SET change_seq = nextval('support_ticket_change_seq')
  FROM (SELECT DISTINCT ticket_id FROM new_rows) n WHERE t.ticket_id = n.ticket_id;
  RETURN NULL;
END $$ LANGUAGE plpgsql;
DROP TRIGGER IF EXISTS support_conversations_touch ON support_conversations;
CREATE TRIGGER support_conversations_touch AFTER INSERT ON support_conversations REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION support_conversation_touch();
