package com.cs360.flink;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import org.apache.flink.table.functions.ScalarFunction;

/**
 * The two time conversions the source mappings need, exact to the millisecond and independent of
 * the session time zone: ISO_TO_MS(any ISO-8601 instant with an offset, e.g. Debezium's
 * ZonedTimestamp "2025-03-10T02:00:00.123456Z") and MS_TO_ISO(epoch ms) → the envelope's
 * `YYYY-MM-DDTHH:mm:ss.SSSZ`.
 */
public final class IsoTime {
  private IsoTime() {}

  private static final DateTimeFormatter ENVELOPE = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

  public static class IsoToMs extends ScalarFunction {
    public Long eval(String iso) {
      if (iso == null) return null;
      try {
        return OffsetDateTime.parse(iso).toInstant().toEpochMilli();
      } catch (DateTimeParseException e) {
        return null;
      }
    }
  }

  public static class MsToIso extends ScalarFunction {
    public String eval(Long ms) {
      return ms == null ? null : ENVELOPE.format(Instant.ofEpochMilli(ms));
    }
  }
}
