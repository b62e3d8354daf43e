import type { EventEnvelope } from '../../common/events';
import type { TimelineRow } from '../../common/model';

/**
 * The cs_timeline row of an event (seed 000 §5): the payload plus the envelope's id and source, so
 * the MAP<STRING,STRING> column alone says where a row came from. The envelope wins over a payload
 * key of the same name.
 */
export function toTimelineRow(e: EventEnvelope, eventTimeMs: number): TimelineRow {
  // A plain copy loop: measurably cheaper than spread for a million rows.
  const payload: Record<string, string> = {};
  const source = e.payload;
  for (const k in source) payload[k] = source[k]!;
  payload.event_id = e.id;
  payload.source = e.source;
  return { customer_id: e.customer_id, event_type: e.type, payload, event_time: eventTimeMs };
}
