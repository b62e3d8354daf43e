package com.cs360.flink;

import org.apache.flink.table.annotation.DataTypeHint;
import org.apache.flink.table.api.dataview.MapView;
import org.apache.flink.table.functions.AggregateFunction;
import org.apache.flink.types.Row;

/**
 * FIRST_RESPONSE_SLA(id, event_type, event_time_ms, case_id, ticket_id, author_type, agent_id, subject)
 * OVER (PARTITION BY customer_id ORDER BY proc_time): the SLA_BREACH of seed 002 SP-05 — the first
 * AGENT reply more than 5 minutes after ticket.opened — decided once per ticket, as
 * backend/pipeline/notifications.ts decides it. A reply that overtakes its ticket's opening (they
 * come from different partitions) waits until the opening arrives. The value for a row is the
 * breach that row decided, or a row of nulls.
 */
@DataTypeHint("ROW<notification_id STRING, ticket_id STRING, agent_id STRING, case_id STRING, event_time_ms BIGINT, delay_ms BIGINT, severity STRING, subject STRING>")
public class FirstResponseSla extends AggregateFunction<Row, FirstResponseSla.Acc> {
  private static final String TICKET = "ROW<opened_at BIGINT, subject STRING, decided BOOLEAN, reply_id STRING, reply_at BIGINT, reply_case STRING, reply_agent STRING>";

  public static class Acc {
    /** Ticket id → where its first-response SLA stands. */
    @DataTypeHint("MAP<STRING, " + TICKET + ">")
    public MapView<String, Row> tickets = new MapView<>();
    /** The breach decided by the row accumulated last. */
    @DataTypeHint("ROW<notification_id STRING, ticket_id STRING, agent_id STRING, case_id STRING, event_time_ms BIGINT, delay_ms BIGINT, severity STRING, subject STRING>")
    public Row last;
  }

  @Override
  public Acc createAccumulator() {
    return new Acc();
  }

  public void accumulate(Acc acc, String id, String type, Long t, String caseId, String ticketId, String authorType, String agentId, String subject) throws Exception {
    acc.last = null;
    if (id == null || type == null || t == null || ticketId == null) return;
    boolean opened = type.equals("ticket.opened");
    boolean agentReply = type.equals("ticket.message") && "AGENT".equals(authorType);
    if (!opened && !agentReply) return;
    Row sla = acc.tickets.get(ticketId);
    if (sla == null) sla = Row.of(null, null, false, null, null, null, null);
    if (Boolean.TRUE.equals(sla.getField(2))) return;
    if (opened) {
      Long openedAt = (Long) sla.getField(0);
      if (openedAt == null || t < openedAt) sla.setField(0, t);
      if (sla.getField(1) == null) sla.setField(1, subject);
      if (sla.getField(3) != null) {
        acc.last = decide(sla, (String) sla.getField(3), (Long) sla.getField(4), (String) sla.getField(5), ticketId, (String) sla.getField(6));
      }
    } else if (sla.getField(0) == null) {
      // The reply overtook the opening: judge the earliest such reply when the opening comes.
      Long pendingAt = (Long) sla.getField(4);
      if (pendingAt == null || t < pendingAt) {
        sla.setField(3, id);
        sla.setField(4, t);
        sla.setField(5, caseId);
        sla.setField(6, agentId);
      }
    } else {
      acc.last = decide(sla, id, t, caseId, ticketId, agentId);
    }
    acc.tickets.put(ticketId, sla);
  }

  private static Row decide(Row sla, String replyId, long replyAt, String caseId, String ticketId, String agentId) {
    sla.setField(2, true);
    long openedAt = sla.getField(0) == null ? replyAt : (Long) sla.getField(0);
    for (int i = 3; i <= 6; i++) sla.setField(i, null);
    long delay = replyAt - openedAt;
    if (delay <= EventRules.FIRST_RESPONSE_SLA_MS) return null;
    String severity = delay > EventRules.SEVERE_BREACH_MS ? "HIGH" : "MEDIUM";
    String agent = agentId == null || agentId.isEmpty() ? null : agentId;
    return Row.of("ntf-" + replyId, ticketId, agent, caseId, replyAt, delay, severity, (String) sla.getField(1));
  }

  @Override
  public Row getValue(Acc acc) {
    return acc.last == null ? Row.of(null, null, null, null, null, null, null, null) : acc.last;
  }
}
