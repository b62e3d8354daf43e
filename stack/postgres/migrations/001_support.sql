-- Support service schema (seed 002 §2). Used by PostgreSQL in stack mode and by PGlite in the
-- embedded default, so both run the same DDL.
CREATE TABLE IF NOT EXISTS support_agents (
  agent_id UUID PRIMARY KEY,
  full_name TEXT NOT NULL,
  email TEXT NOT NULL UNIQUE,
  role VARCHAR(16) NOT NULL CHECK (role IN ('AGENT', 'SUPERVISOR', 'ANALYST'))
);

CREATE TABLE IF NOT EXISTS support_tickets (
  ticket_id UUID PRIMARY KEY,
  customer_id VARCHAR(16) NOT NULL,
  subject TEXT NOT NULL,
  status VARCHAR(16) NOT NULL CHECK (status IN ('OPEN', 'PENDING', 'ESCALATED', 'RESOLVED', 'CLOSED')),
  priority VARCHAR(8) NOT NULL CHECK (priority IN ('LOW', 'NORMAL', 'HIGH', 'URGENT')),
  channel VARCHAR(16) NOT NULL,
  assigned_agent_id UUID REFERENCES support_agents(agent_id),
  created_at TIMESTAMPTZ NOT NULL,
  updated_at TIMESTAMPTZ NOT NULL,
  first_response_at TIMESTAMPTZ
);
CREATE INDEX IF NOT EXISTS support_tickets_customer ON support_tickets (customer_id, created_at DESC);
CREATE INDEX IF NOT EXISTS support_tickets_agent ON support_tickets (assigned_agent_id, status);

CREATE TABLE IF NOT EXISTS support_conversations (
  conversation_id UUID PRIMARY KEY,
  ticket_id UUID NOT NULL REFERENCES support_tickets(ticket_id),
  author_type VARCHAR(16) NOT NULL, -- AGENT, CUSTOMER, BOT
  message TEXT NOT NULL,
  created_at TIMESTAMPTZ NOT NULL,
  attachment_uri TEXT,
  sentiment VARCHAR(16),
  metadata JSONB
);
CREATE INDEX IF NOT EXISTS support_conversations_ticket ON support_conversations (ticket_id, created_at);

-- Audit log for SLA monitoring.
CREATE TABLE IF NOT EXISTS support_agent_activity (
  activity_id BIGSERIAL PRIMARY KEY,
  agent_id UUID NOT NULL,
  ticket_id UUID,
  action VARCHAR(32) NOT NULL,
  at TIMESTAMPTZ NOT NULL,
  details JSONB
);
CREATE INDEX IF NOT EXISTS support_agent_activity_agent ON support_agent_activity (agent_id, at DESC);

-- Captured by the Debezium connector support-cdc in stack mode.
CREATE TABLE IF NOT EXISTS support_notes (
  note_id UUID PRIMARY KEY,
  customer_id VARCHAR(16) NOT NULL,
  ticket_id UUID,
  agent_id UUID NOT NULL,
  body TEXT NOT NULL,
  created_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX IF NOT EXISTS support_notes_customer ON support_notes (customer_id, created_at DESC);

-- Latest order/payment/shipment context per ticket (seed 002 §5), kept fresh by a consumer.
CREATE TABLE IF NOT EXISTS support_case_context (
  ticket_id UUID PRIMARY KEY REFERENCES support_tickets(ticket_id),
  customer_id VARCHAR(16) NOT NULL,
  last_order_id TEXT,
  last_order_status TEXT,
  last_payment_status TEXT,
  last_shipment_status TEXT,
  updated_at TIMESTAMPTZ NOT NULL
);
