package com.cs360.flink;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.flink.table.annotation.DataTypeHint;
import org.apache.flink.table.api.dataview.MapView;
import org.apache.flink.table.functions.AggregateFunction;
import org.apache.flink.types.Row;

/**
 * CASE_ASSIGN(customer_id, id, event_time_ms) OVER (PARTITION BY customer_id ORDER BY proc_time):
 * which case each event of a customer belongs to, deciding in arrival order exactly as
 * backend/pipeline/customerCasePipeline.ts does. An event 30 minutes or more after the current
 * case's last event starts a new case; an event older than the current case's start is late (it
 * is a timeline row and counts in stats, but changes no case); an id seen before is a duplicate.
 *
 * Why not the SESSION window TVF: it assigns by event time and emits only when the watermark
 * closes the session, i.e. 30 minutes after the last event, while agents must see a case change
 * within seconds; and it would put a late event into an old session instead of marking it late.
 * An unbounded OVER aggregate on processing time runs once per event, in arrival order per key,
 * with its accumulator in Flink's keyed, checkpointed state.
 */
@DataTypeHint("ROW<case_id STRING, case_start_ms BIGINT, late BOOLEAN, dup BOOLEAN>")
public class CaseAssign extends AggregateFunction<Row, CaseAssign.Acc> {
  /** Ids are remembered this long (event time) for duplicate detection; Kafka redelivers within minutes. */
  static final long DEDUP_RETENTION_MS = 7L * 24 * 60 * 60 * 1000;

  public static class Acc {
    public boolean open;
    public long caseStart;
    public long caseLast;
    public String caseId;
    /** The verdict on the event accumulated last: what getValue reports for that row. */
    public boolean lastLate;
    public boolean lastDup;
    /** Event id → event time; backed by keyed state (MapState) when the backend supports it. */
    public MapView<String, Long> seen = new MapView<>();
  }

  @Override
  public Acc createAccumulator() {
    return new Acc();
  }

  public void accumulate(Acc acc, String customerId, String id, Long eventTimeMs) throws Exception {
    if (customerId == null || id == null || eventTimeMs == null) return;
    long t = eventTimeMs;
    if (acc.seen.contains(id)) {
      acc.lastDup = true;
      return;
    }
    acc.seen.put(id, t);
    acc.lastDup = false;
    if (!acc.open || t - acc.caseLast >= EventRules.CASE_SESSION_GAP_MS) {
      acc.open = true;
      acc.caseStart = t;
      acc.caseLast = t;
      acc.caseId = EventRules.caseId(customerId, t);
      acc.lastLate = false;
      forgetOldIds(acc, t - DEDUP_RETENTION_MS);
    } else if (t < acc.caseStart) {
      acc.lastLate = true;
    } else {
      acc.lastLate = false;
      if (t > acc.caseLast) acc.caseLast = t;
    }
  }

  /** Bounded state: once per new case, drop ids whose events are older than the retention. */
  private static void forgetOldIds(Acc acc, long before) throws Exception {
    List<String> old = new ArrayList<>();
    for (Map.Entry<String, Long> e : acc.seen.entries()) if (e.getValue() < before) old.add(e.getKey());
    for (String k : old) acc.seen.remove(k);
  }

  @Override
  public Row getValue(Acc acc) {
    return Row.of(acc.caseId, acc.open ? acc.caseStart : null, acc.lastLate, acc.lastDup);
  }
}
