package com.cs360.flink;

import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.apache.flink.shaded.jackson2.com.fasterxml.jackson.databind.JsonNode;
import org.apache.flink.shaded.jackson2.com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.flink.table.annotation.DataTypeHint;
import org.apache.flink.table.functions.ScalarFunction;
import org.apache.flink.types.Row;

/**
 * PARSE_EVENT(raw): an untrusted record (one Kafka message) checked against the event envelope
 * as backend/pipeline/validateEvent.ts checks it. A valid record gives its fields, the event time in
 * epoch ms and the cs_timeline payload (payload + event_id + source); an invalid one gives only
 * `error`, a reason naming the offending field, so the job can dead-letter it and go on.
 */
public class ParseEvent extends ScalarFunction {
  private static final Pattern CUSTOMER = Pattern.compile("^C\\d{7}$");
  private static final Pattern ISO_MS = Pattern.compile("^\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z$");
  private static final ObjectMapper JSON = new ObjectMapper();

  @DataTypeHint("ROW<id STRING, type STRING, customer_id STRING, event_time_ms BIGINT, source STRING, "
      + "payload MAP<STRING, STRING>, timeline_payload MAP<STRING, STRING>, error STRING>")
  public Row eval(String raw) {
    if (raw == null) return invalid("event: empty record");
    JsonNode r;
    try {
      r = JSON.readTree(raw);
    } catch (Exception e) {
      return invalid("event: not JSON (" + firstLine(e.getMessage()) + ")");
    }
    if (r == null || !r.isObject()) return invalid("event: expected an object, got " + (r == null ? "nothing" : r.getNodeType().name().toLowerCase()));

    // Fields in the schema's order, so the first reason is the one zod would give.
    JsonNode id = r.get("id");
    if (id == null || !id.isTextual()) return invalid("id: required string");
    if (id.asText().isEmpty() || id.asText().length() > 128) return invalid("id: 1 to 128 characters");
    JsonNode type = r.get("type");
    if (type == null || !type.isTextual() || !EventRules.EVENT_TYPES.contains(type.asText())) return invalid("type: unknown event type " + show(type));
    JsonNode customer = r.get("customer_id");
    if (customer == null || !customer.isTextual() || !CUSTOMER.matcher(customer.asText()).matches()) return invalid("customer_id: expected C followed by 7 digits, got " + show(customer));
    JsonNode time = r.get("event_time");
    if (time == null || !time.isTextual()) return invalid("event_time: required string");
    Long t = canonicalTime(time.asText());
    if (t == null) return invalid("event_time: not an ISO-8601 UTC instant with milliseconds (" + time.asText() + ")");
    JsonNode source = r.get("source");
    if (source == null || !source.isTextual() || !EventRules.EVENT_SOURCES.contains(source.asText())) return invalid("source: unknown source " + show(source));
    JsonNode payload = r.get("payload");
    if (payload == null || !payload.isObject()) return invalid("payload: expected an object of strings");
    Map<String, String> values = new LinkedHashMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = payload.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> f = it.next();
      if (!f.getValue().isTextual()) return invalid("payload." + f.getKey() + ": expected a string");
      if (f.getValue().asText().length() > EventRules.MAX_PAYLOAD_VALUE) return invalid("payload." + f.getKey() + ": longer than " + EventRules.MAX_PAYLOAD_VALUE + " characters");
      values.put(f.getKey(), f.getValue().asText());
    }
    JsonNode version = r.get("schema_version");
    if (version == null || !version.isIntegralNumber() || version.asInt() != EventRules.SCHEMA_VERSION) return invalid("schema_version: expected " + EventRules.SCHEMA_VERSION + ", got " + show(version));
    List<String> required = EventRules.REQUIRED_PAYLOAD_KEYS.get(type.asText());
    StringBuilder missing = new StringBuilder();
    for (String k : required) if (!values.containsKey(k)) missing.append(missing.length() == 0 ? "" : ", ").append(k);
    if (missing.length() > 0) return invalid("payload is missing " + missing + " for " + type.asText());

    // The timeline row's payload says where the row came from; the envelope wins over a payload key.
    Map<String, String> timeline = new LinkedHashMap<>(values);
    timeline.put("event_id", id.asText());
    timeline.put("source", source.asText());
    return Row.of(id.asText(), type.asText(), customer.asText(), t, source.asText(), values, timeline, null);
  }

  /** Epoch ms of a `YYYY-MM-DDTHH:mm:ss.SSSZ` string naming a real instant (no 02-30, no 24:00), else null. */
  static Long canonicalTime(String s) {
    if (!ISO_MS.matcher(s).matches()) return null;
    try {
      int y = Integer.parseInt(s.substring(0, 4));
      if (y < 1000) return null;
      LocalDateTime t = LocalDateTime.of(y, Integer.parseInt(s.substring(5, 7)), Integer.parseInt(s.substring(8, 10)),
          Integer.parseInt(s.substring(11, 13)), Integer.parseInt(s.substring(14, 16)), Integer.parseInt(s.substring(17, 19)),
          Integer.parseInt(s.substring(20, 23)) * 1_000_000);
      return t.toInstant(ZoneOffset.UTC).toEpochMilli();
    } catch (DateTimeException | NumberFormatException e) {
      return null;
    }
  }

  private static Row invalid(String reason) {
    return Row.of(null, null, null, null, null, null, null, reason);
  }

  private static String show(JsonNode v) {
    if (v == null) return "nothing";
    String s = v.toString();
    return s.length() > 60 ? s.substring(0, 60) + "…" : s;
  }

  private static String firstLine(String s) {
    if (s == null) return "unreadable";
    int nl = s.indexOf('\n');
    return nl < 0 ? s : s.substring(0, nl);
  }
}
