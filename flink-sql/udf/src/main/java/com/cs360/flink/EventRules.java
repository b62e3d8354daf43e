package com.cs360.flink;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The envelope rules of common/events.ts and common/eventTypes.ts, for the JVM side of the
 * pipeline. scripts/flinkUdfRules.test.ts keeps these lists equal to the TypeScript ones.
 */
final class EventRules {
  private EventRules() {}

  static final int SCHEMA_VERSION = 1;

  /** A case is a customer's session: 30 minutes without an event closes it (seed 000 §6). */
  static final long CASE_SESSION_GAP_MS = 30L * 60 * 1000;

  /** The first agent reply must come within 5 minutes of the ticket opening (seed 002 SP-05). */
  static final long FIRST_RESPONSE_SLA_MS = 5L * 60 * 1000;

  /** A first reply this late is a HIGH-severity breach rather than MEDIUM. */
  static final long SEVERE_BREACH_MS = 60L * 60 * 1000;

  static final Set<String> EVENT_TYPES = Set.of(
      "order.created",
      "order.status.changed",
      "payment.authorized",
      "payment.captured",
      "payment.failed",
      "payment.refunded",
      "shipment.status.changed",
      "ticket.opened",
      "ticket.message",
      "ticket.escalated",
      "ticket.resolved",
      "ticket.status_changed",
      "ticket.assigned",
      "note.added",
      "fraud.alert");

  static final Set<String> EVENT_SOURCES = Set.of("orders_cdc", "payments_cdc", "support.tickets", "support_notes", "logistics", "fraud");

  static final Map<String, List<String>> REQUIRED_PAYLOAD_KEYS = Map.ofEntries(
      Map.entry("order.created", List.of("order_id", "status", "total_vnd")),
      Map.entry("order.status.changed", List.of("order_id", "status")),
      Map.entry("payment.authorized", List.of("payment_id", "order_id", "status", "amount_vnd")),
      Map.entry("payment.captured", List.of("payment_id", "order_id", "status", "amount_vnd")),
      Map.entry("payment.failed", List.of("payment_id", "order_id", "status", "amount_vnd")),
      Map.entry("payment.refunded", List.of("payment_id", "order_id", "status", "amount_vnd")),
      Map.entry("shipment.status.changed", List.of("shipment_id", "order_id", "carrier", "status")),
      Map.entry("ticket.opened", List.of("ticket_id", "status", "subject")),
      Map.entry("ticket.message", List.of("ticket_id", "author_type", "message")),
      Map.entry("ticket.escalated", List.of("ticket_id", "status", "reason")),
      Map.entry("ticket.resolved", List.of("ticket_id", "status")),
      Map.entry("ticket.status_changed", List.of("ticket_id", "status", "previous_status")),
      Map.entry("ticket.assigned", List.of("ticket_id", "status", "assigned_agent_id")),
      Map.entry("note.added", List.of("note_id", "agent_id", "body")),
      Map.entry("fraud.alert", List.of("alert_id", "score", "reason")));

  static final int MAX_PAYLOAD_VALUE = 10_000;

  /** ORDER, PAYMENT, SHIPMENT, TICKET, NOTE or FRAUD, from the type's first segment. */
  static String kindOf(String type) {
    int dot = type.indexOf('.');
    switch (dot < 0 ? type : type.substring(0, dot)) {
      case "order": return "ORDER";
      case "payment": return "PAYMENT";
      case "shipment": return "SHIPMENT";
      case "ticket": return "TICKET";
      case "note": return "NOTE";
      default: return "FRAUD";
    }
  }

  private static final DateTimeFormatter CASE_ID_TIME = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

  /** `C0000101:20250310T020000Z`: the customer and the session's first event time, to the second. */
  static String caseId(String customerId, long startMs) {
    return customerId + ":" + CASE_ID_TIME.format(Instant.ofEpochMilli(Math.floorDiv(startMs, 1000) * 1000));
  }
}
