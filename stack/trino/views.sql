-- Trino views over the lakehouse, applied by the runner after the Flink jobs have created their
-- tables (stack/runner/lakehouse.ts applyTrinoViews; compose: the trino-init service). ${SCHEMA} is
-- the lakehouse namespace (cs). Statements are separated by a line holding only `;`.

-- Orders, payments and shipments per case (seed 000 §8: SLA and response-time analysis). A case
-- is a customer's session: an event 30 minutes or more after the previous one starts a new case,
-- and the case id is the customer and the case's first event time, as in cs.customer_case. Computed
-- here from event times; the streaming job decides in arrival order, so an event that arrived
-- later than its own case's start (a "late" event) may sit in a different case here.
-- Read by the History port's caseTimeline (backend/adapters/stack/trinoHistoryStore.ts; the SQLite
-- adapter runs the same window functions). element_at, not [], so a row without a key gives NULL
-- instead of failing the whole query.
CREATE OR REPLACE VIEW iceberg.${SCHEMA}.vw_support_case_timeline AS
WITH ordered AS (
  SELECT customer_id, event_type, payload, event_time,
         CASE
           WHEN lag(event_time) OVER w IS NULL OR event_time - lag(event_time) OVER w >= INTERVAL '30' MINUTE THEN 1
           ELSE 0
         END AS starts_case
  FROM iceberg.${SCHEMA}.cs_timeline
  WINDOW w AS (PARTITION BY customer_id ORDER BY event_time, event_type)
),
numbered AS (
  SELECT *, sum(starts_case) OVER (PARTITION BY customer_id ORDER BY event_time, event_type ROWS UNBOUNDED PRECEDING) AS case_no
  FROM ordered
),
cases AS (
  SELECT *, min(event_time) OVER (PARTITION BY customer_id, case_no) AS case_start
  FROM numbered
)
SELECT
  customer_id,
  customer_id || ':' || format_datetime(case_start, 'yyyyMMdd''T''HHmmss''Z''') AS case_id,
  case_start,
  event_time,
  event_type,
  upper(split_part(event_type, '.', 1)) AS kind,
  element_at(payload, 'order_id') AS order_id,
  element_at(payload, 'payment_id') AS payment_id,
  element_at(payload, 'shipment_id') AS shipment_id,
  element_at(payload, 'status') AS status,
  TRY_CAST(element_at(payload, 'amount_vnd') AS bigint) AS amount_vnd,
  element_at(payload, 'carrier') AS carrier,
  element_at(payload, 'event_id') AS event_id
FROM cases
WHERE split_part(event_type, '.', 1) IN ('order', 'payment', 'shipment')
;
