import type { EventEnvelope } from '../../common/events';
import type { TimelineRow } from '../../common/model';

/**
 * The cs_timeline row of an event (seed 000 §5): the payload plus the envelope's id and source, so
 * the MAP<STRING,STRING> column alone says where a row came from. The envelope wins over a payload
 * key of the same name.
 */
export function toTimelineRow(e: EventEnvelope, eventTimeMs: number): TimelineRow {
  return {
    customer_id: e.customer_id,
    event_type: e.type,
    payload: { ...e.payload, event_id: e.id, source: e.source },
    event_time: eventTimeMs,
  };
}
