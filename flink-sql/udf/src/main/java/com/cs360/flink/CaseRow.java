package com.cs360.flink;

import java.util.Arrays;
import java.util.Map;
import org.apache.flink.table.annotation.DataTypeHint;
import org.apache.flink.table.functions.AggregateFunction;
import org.apache.flink.types.Row;

/**
 * CASE_ROW(event_type, payload, event_time_ms) … GROUP BY customer_id, case_id: the
 * cs.customer_case row of one case (seed 000 §4), as backend/pipeline/caseAccumulator.ts builds it:
 * newest event time; order ids, first seen first; each status column from the case's latest event
 * of that kind carrying a status (ties to the later arrival); notes in event-time order joined by
 * "\n", the latest 4000 characters.
 */
@DataTypeHint("ROW<last_event_time BIGINT, order_ids ARRAY<STRING>, payment_status STRING, ticket_status STRING, shipment_status STRING, notes STRING>")
public class CaseRow extends AggregateFunction<Row, CaseRow.Acc> {
  static final int MAX_NOTES_CHARS = 4000;

  public static class Acc {
    public long lastEventTime = Long.MIN_VALUE;
    public String[] orderIds = new String[0];
    public String paymentStatus;
    public long paymentAt = Long.MIN_VALUE;
    public String ticketStatus;
    public long ticketAt = Long.MIN_VALUE;
    public String shipmentStatus;
    public long shipmentAt = Long.MIN_VALUE;
    /** Notes kept in time order; the oldest are dropped once the newer ones fill the window. */
    public long[] noteTimes = new long[0];
    public String[] noteBodies = new String[0];
  }

  @Override
  public Acc createAccumulator() {
    return new Acc();
  }

  public void accumulate(Acc acc, String type, Map<String, String> payload, Long eventTimeMs) {
    if (type == null || payload == null || eventTimeMs == null) return;
    long t = eventTimeMs;
    if (t > acc.lastEventTime) acc.lastEventTime = t;
    String kind = EventRules.kindOf(type);
    if (kind.equals("ORDER") || kind.equals("PAYMENT") || kind.equals("SHIPMENT")) {
      String orderId = payload.get("order_id");
      if (orderId != null && !Arrays.asList(acc.orderIds).contains(orderId)) {
        acc.orderIds = Arrays.copyOf(acc.orderIds, acc.orderIds.length + 1);
        acc.orderIds[acc.orderIds.length - 1] = orderId;
      }
    }
    String status = payload.get("status");
    switch (kind) {
      case "PAYMENT":
        if (status != null && t >= acc.paymentAt) { acc.paymentStatus = status; acc.paymentAt = t; }
        break;
      case "TICKET":
        if (status != null && t >= acc.ticketAt) { acc.ticketStatus = status; acc.ticketAt = t; }
        break;
      case "SHIPMENT":
        if (status != null && t >= acc.shipmentAt) { acc.shipmentStatus = status; acc.shipmentAt = t; }
        break;
      case "NOTE":
        addNote(acc, t, payload.getOrDefault("body", ""));
        break;
      default:
        break;
    }
  }

  private static void addNote(Acc acc, long t, String body) {
    int n = acc.noteTimes.length;
    int i = n;
    while (i > 0 && acc.noteTimes[i - 1] > t) i--;
    long[] times = new long[n + 1];
    String[] bodies = new String[n + 1];
    System.arraycopy(acc.noteTimes, 0, times, 0, i);
    System.arraycopy(acc.noteBodies, 0, bodies, 0, i);
    times[i] = t;
    bodies[i] = body;
    System.arraycopy(acc.noteTimes, i, times, i + 1, n - i);
    System.arraycopy(acc.noteBodies, i, bodies, i + 1, n - i);
    // Drop the oldest part once the newer ones alone fill the window: it could never show again.
    int drop = 0;
    long length = -1;
    for (String b : bodies) length += b.length() + 1;
    while (bodies.length - drop > 1 && length - bodies[drop].length() - 1 >= MAX_NOTES_CHARS) {
      length -= bodies[drop].length() + 1;
      drop++;
    }
    acc.noteTimes = Arrays.copyOfRange(times, drop, times.length);
    acc.noteBodies = Arrays.copyOfRange(bodies, drop, bodies.length);
  }

  @Override
  public Row getValue(Acc acc) {
    return Row.of(acc.lastEventTime == Long.MIN_VALUE ? null : acc.lastEventTime, acc.orderIds.clone(),
        acc.paymentStatus, acc.ticketStatus, acc.shipmentStatus, notes(acc));
  }

  private static String notes(Acc acc) {
    if (acc.noteBodies.length == 0) return null;
    String text = String.join("\n", acc.noteBodies);
    if (text.length() > MAX_NOTES_CHARS) {
      text = text.substring(text.length() - MAX_NOTES_CHARS);
      // Never start with half of a surrogate pair (an emoji cut in two).
      if (Character.isLowSurrogate(text.charAt(0))) text = text.substring(1);
    }
    return text;
  }
}
